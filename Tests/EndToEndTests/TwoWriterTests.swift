import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Several copies of the real binary saving at once, while another reads: every entry is kept
/// and no read ever sees a torn journal.
///
/// By default 2 writers × 100 entries; scripts/reliability.sh runs 2 and 4 writers × 300
/// (`ISOJOURNAL_WRITERS=2,4 ISOJOURNAL_WRITER_ENTRIES=300`).
@Suite("End to end: several writers at once")
struct TwoWriterTests {
    static let slugs = ["headache", "dry-skin", "nosebleed", "rash", "back-pain", "dry-eyes", "joint-pain", "muscle-ache"]

    static var writerCounts: [Int] {
        (ProcessInfo.processInfo.environment["ISOJOURNAL_WRITERS"] ?? "2").split(separator: ",").compactMap { Int($0) }
    }

    @Test("every entry of every writer is kept, and a reader never sees a torn journal", arguments: Self.writerCounts)
    func writersLoseNothing(writers: Int) throws {
        // 2 × 300 takes 15–30 s on 2 cores: the default suite runs 2 × 100, the script the full sizes.
        let entries = ReliabilitySettings.integer("ISOJOURNAL_WRITER_ENTRIES", default: 100)
        let journal = TemporaryJournal()
        // Each writer is a shell running the binary once per entry: its own symptom, one day per entry.
        var processes: [RunningProcess] = []
        for writer in 0..<writers {
            let script = (0..<entries).map { i in
                "\"$0\" log symptom \(Self.slugs[writer]) \(i % 4) --date \(isoDay(i)) --note w\(writer)-\(i) >/dev/null || echo \"failed \(i)\""
            }.joined(separator: "\n")
            let process = try #require(RunningProcess(["sh", "-c", script, Binary.path], environment: journal.environment))
            processes.append(process)
        }

        // Meanwhile, read again and again: every read must succeed and never go backwards.
        var reads = 0, tornReads = 0, previous = 0, sawSaveInProgress = 0
        while !processes.allSatisfy(\.hasEnded) {
            let shown = journal.run("show", "--json")
            reads += 1
            if shown.stderr.contains("looks unfinished") { sawSaveInProgress += 1 }
            // Before the first writer's first save there is no journal yet: read commands say so.
            if previous == 0, shown.status == 1, shown.stderr.contains("There is no journal in") || shown.stderr.contains("holds no records") { continue }
            guard let count = (shown.status == 0 ? try? JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [Any] : nil)?.count,
                  count >= previous else {
                tornReads += 1
                Issue.record("read \(reads): \(shown.status) \(shown.stderr)")
                continue
            }
            previous = count
        }
        for (writer, process) in processes.enumerated() {
            #expect(process.exitCode == 0)
            #expect(process.stdout.isEmpty, "writer \(writer): \(process.stdout) \(process.stderr)")
        }

        let records = try #require(journal.records())
        var kept = 0
        for writer in 0..<writers {
            let notes = Set(records.compactMap(note(of:)).filter { $0.hasPrefix("w\(writer)-") })
            kept += notes.count
            #expect(notes.count == entries, "writer \(writer) kept \(notes.count) of \(entries)")
        }
        let lines = journal.bytes()?.split(separator: 0x0A).count ?? 0
        #expect(lines == 1 + writers * entries, "one header and one line per entry, nothing torn or doubled")
        #expect(journal.run("check").status == 0)
        print("WRITERS: \(writers) writers × \(entries) entries: \(kept)/\(writers * entries) kept, "
              + "\(reads) reads during the run, \(tornReads) torn reads, \(sawSaveInProgress) reads saw a save in progress "
              + "and left it out")
        #expect(kept == writers * entries)
        #expect(tornReads == 0)
    }

    @Test("the shell logs while the interactive journal is open and saving: both keep everything")
    func shellWhileTheScreenSaves() throws {
        let entries = 40
        let journal = TemporaryJournal()
        let env = journal.environment.map { "\($0)='\($1)'" }.sorted().joined(separator: " ")
        let tmux = TmuxSession("env \(env) '\(Binary.path)'")
        #expect(tmux.reachToday(), "\(tmux.screen)")
        let script = (0..<entries).map { "\"$0\" log symptom headache 1 --date \(isoDay($0)) --note shell-\($0) >/dev/null || echo failed \($0)" }
            .joined(separator: "\n")
            + "\n\"$0\" log symptom back-pain 1 --note shell-today >/dev/null || echo failed today"
        let shell = try #require(RunningProcess(["sh", "-c", script, Binary.path], environment: journal.environment))

        // Meanwhile the screen saves three grades for today, one after another.
        var grades: [String: Int] = [:]
        for (index, grade) in [1, 2, 3].enumerated() {
            tmux.send("l")
            #expect(tmux.waitFor("Grade:"), "\(tmux.screen)")
            for _ in 0..<index { tmux.send("Down") }
            tmux.send("\(grade)", "s")
            let slug = ["chapped-lips", "dry-skin", "nosebleed"][index]
            grades[slug] = grade
            #expect(waitUntil { journal.records()?.contains { ($0["data"] as? [String: Any])?["symptom"] as? String == slug
                    && ($0["data"] as? [String: Any])?["grade"] as? Int == grade } == true }, "\(slug): \(tmux.screen)")
            #expect(tmux.waitFor("Saved 1 change"), "\(tmux.screen)")
        }
        shell.wait()
        #expect(shell.exitCode == 0 && shell.stdout.isEmpty, "\(shell.stdout) \(shell.stderr)")

        // One more save from the screen: it catches up with the shell and shows its entry for today.
        tmux.send("l")
        #expect(tmux.waitFor("Grade:"), "\(tmux.screen)")
        tmux.send("Down", "Down", "Down", "2", "s")
        #expect(tmux.waitFor("Saved 1 change"), "\(tmux.screen)")
        #expect(tmux.waitFor("shell-today"), "the screen caught up with the shell:\n\(tmux.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("[exited 0]"), "\(tmux.screen)")

        let records = try #require(journal.records())
        let shellNotes = Set(records.compactMap(note(of:)).filter { $0.hasPrefix("shell-") && $0 != "shell-today" })
        #expect(shellNotes.count == entries)
        #expect(records.contains { note(of: $0) == "shell-today" })
        for (slug, grade) in grades {
            #expect(records.contains { ($0["data"] as? [String: Any])?["symptom"] as? String == slug
                && ($0["data"] as? [String: Any])?["grade"] as? Int == grade }, "\(slug)")
        }
        #expect(journal.run("check").status == 0)
    }

    /// Polls `condition` for up to `seconds`.
    func waitUntil(seconds: Double = 10, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }
}
