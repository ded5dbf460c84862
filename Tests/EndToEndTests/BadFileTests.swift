import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Damaged, empty, misplaced and too-large journals, through the real binary: a clear message
/// naming the file (and line), a non-zero exit, and the file exactly as it was. `check` says
/// what is wrong; `repair` explains, and only with --yes repairs, keeping the original.
@Suite("End to end: bad journal files")
struct BadFileTests {
    /// A real journal of three entries, then line 3 spoiled.
    func damagedJournal() -> (journal: TemporaryJournal, bytes: [UInt8]) {
        let journal = TemporaryJournal()
        for (index, slug) in ["headache", "rash", "dry-eyes"].enumerated() {
            _ = journal.run("log", "symptom", slug, "\(index + 1)", "--date", "2026-01-0\(index + 1)", "--note", "n\(index)")
        }
        var lines = (journal.bytes() ?? []).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        lines[2] = Array(#"{"id":"symptom-2026-01-02-rash","rev":1,"kind":"symptom","recordedAt":"2026-01-0"#.utf8)
        let bytes = Array(lines.joined(separator: [0x0A]))
        journal.write(bytes)
        return (journal, bytes)
    }

    @Test("show, log, check and the interactive journal refuse a damaged journal without touching it")
    func damagedJournalIsNamedAndLeftAlone() {
        let (journal, bytes) = damagedJournal()
        for arguments in [["show"], ["show", "--json"], ["log", "symptom", "headache", "1"]] {
            let result = Subprocess.run([Binary.path] + arguments, environment: journal.environment)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains(journal.journalPath) && result.stderr.contains("line 3"), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("isojournal repair"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(journal.bytes() == bytes)
        }
        let check = journal.run("check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("DAMAGED: \(journal.journalPath): 1 of 4 lines cannot be read."), "\(check.stdout)")
        #expect(check.stdout.contains("line 3: it is not valid JSON"), "\(check.stdout)")

        let tmux = TmuxSession("env \(journal.environment.map { "\($0)='\($1)'" }.joined(separator: " ")) '\(Binary.path)'")
        #expect(tmux.waitFor("[exited 1]"), "\(tmux.screen)")
        #expect(tmux.screen.contains("line 3"), "\(tmux.screen)")
        #expect(!tmux.alternateScreenOn)
        #expect(journal.bytes() == bytes)
        #expect(journal.fileNames.allSatisfy { $0 == "journal.jsonl" || $0 == "journal.lock" }, "\(journal.fileNames)")
    }

    @Test("repair explains first, and with --yes keeps the original and every line that reads")
    func repairExplainsThenRepairs() throws {
        let (journal, bytes) = damagedJournal()
        let explained = journal.run("repair")
        #expect(explained.status == 1)
        #expect(explained.stdout.contains("line 3: it is not valid JSON"), "\(explained.stdout)")
        #expect(explained.stdout.contains("keep the damaged file exactly as it is, as \(journal.directory)/journal.jsonl.damaged-"))
        #expect(explained.stdout.contains("the 2 lines that still read"), "\(explained.stdout)")
        #expect(explained.stdout.contains("Nothing has been changed. To do this, run: isojournal repair --yes"))
        #expect(journal.bytes() == bytes)
        #expect(!journal.fileNames.contains { $0.contains("damaged") })

        let repaired = Subprocess.run(["sh", "-c", "umask 022; exec \"$0\" repair --yes", Binary.path], environment: journal.environment)
        #expect(repaired.status == 0, "\(repaired.stderr)")
        let copy = try #require(journal.fileNames.first { $0.hasPrefix("journal.jsonl.damaged-") })
        #expect(repaired.stdout.contains("The damaged file is kept, unchanged, as \(journal.directory)/\(copy)."), "\(repaired.stdout)")
        #expect(repaired.stdout.contains("Left out (still in the kept copy): line 3."), "\(repaired.stdout)")
        #expect(journal.bytes(copy) == bytes)
        #expect(journal.permissions(copy) == 0o600 && journal.permissions("journal.jsonl") == 0o600)
        #expect(journal.run("check").status == 0)
        let notes = journal.records()?.compactMap(note(of:))
        #expect(notes == ["n0", "n2"])
        #expect(journal.run("log", "symptom", "rash", "2", "--date", "2026-01-02").status == 0)
        #expect(journal.run("repair").stdout.contains("Nothing to repair."))
    }

    @Test("an empty journal file is damaged at line 1, and repair makes it an empty journal")
    func emptyFile() throws {
        let journal = TemporaryJournal()
        journal.write([])
        for arguments in [["show"], ["log", "symptom", "rash", "1"]] {
            let result = Subprocess.run([Binary.path] + arguments, environment: journal.environment)
            #expect(result.status == 1)
            #expect(result.stderr.contains("\(journal.journalPath) is damaged at line 1: the file is empty"), "\(result.stderr)")
        }
        #expect(journal.bytes() == [])
        #expect(journal.run("check").stdout.contains("line 1: the file is empty"))
        #expect(journal.run("repair", "--yes").status == 0)
        #expect(journal.run("log", "symptom", "rash", "1").status == 0)
        #expect(journal.records()?.count == 1)
    }

    @Test("a folder where the journal should be is named, and nothing is changed")
    func folderInsteadOfFile() {
        let journal = TemporaryJournal()
        #expect((try? FileManager.default.createDirectory(atPath: journal.journalPath, withIntermediateDirectories: true)) != nil)
        for arguments in [["show"], ["log", "symptom", "rash", "1"], ["check"], ["repair", "--yes"]] {
            let result = Subprocess.run([Binary.path] + arguments, environment: journal.environment)
            #expect(result.status == 1, "\(arguments)")
            #expect((result.stdout + result.stderr).contains(journal.journalPath), "\(arguments): \(result.stderr)")
            #expect((result.stdout + result.stderr).contains("folder"), "\(arguments): \(result.stderr)")
        }
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: journal.journalPath, isDirectory: &isFolder) && isFolder.boolValue)
    }

    @Test("bytes that are not UTF-8 are named as such")
    func notUTF8() {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "rash", "1").status == 0)
        let bytes = (journal.bytes() ?? []) + [0x7B, 0xFF, 0xFE, 0x7D, 0x0A]
        journal.write(bytes)
        let shown = journal.run("show")
        #expect(shown.status == 1)
        #expect(shown.stderr.contains("line 3: it is not valid UTF-8 text"), "\(shown.stderr)")
        #expect(journal.bytes() == bytes)
    }

    @Test("a journal from a newer version can be viewed, is never written, and is not repaired")
    func newerVersion() {
        let journal = TemporaryJournal()
        let bytes = Array(("{\"format\":\"isojournal\",\"schemaVersion\":3}\n"
            + #"{"id":"symptom-2026-01-01-rash","rev":1,"kind":"symptom","recordedAt":"2026-01-01T10:00:00Z","day":"2026-01-01","data":{"grade":1,"symptom":"rash"},"mood":"new"}"#
            + "\n").utf8)
        journal.write(bytes)
        let shown = journal.run("show")
        #expect(shown.status == 0 && shown.stdout.contains("Rash"), "\(shown.stdout)")
        #expect(shown.stderr.contains("newer version"), "\(shown.stderr)")
        let logged = journal.run("log", "symptom", "rash", "2")
        #expect(logged.status == 1 && logged.stderr.contains("Nothing was saved"), "\(logged.stderr)")
        #expect(journal.run("check").stdout.contains("CANNOT CHECK"))
        #expect(journal.run("check").status == 1)
        #expect(journal.run("repair", "--yes").status == 1)
        #expect(journal.bytes() == bytes)
    }

    /// `ulimit -f`: writing past the limit raises SIGXFSZ, which would kill the process in the
    /// middle of a save; IsoJournal ignores it and reports EFBIG.
    @Test("past the file-size limit: a clear message, exit 1, no death by SIGXFSZ, the file intact")
    func fileSizeLimit() {
        let journal = TemporaryJournal()
        for day in 1...30 {
            _ = journal.run("log", "symptom", "headache", "1", "--date", isoDay(day), "--note", String(repeating: "long note ", count: 5))
        }
        let bytes = journal.bytes() ?? []
        #expect(bytes.count > 4096)
        // 1 block is 512 bytes in dash and 1024 in bash: the journal is past the limit either way.
        // The limit is set in a subshell whose output is a pipe, so the message itself can be read.
        let result = limited(journal, blocks: 1, "log", "symptom", "rash", "2")
        #expect(result.status == 1, "not killed by a signal (153 would be SIGXFSZ): \(result.status)")
        #expect(result.output.contains("NOT saved") && result.output.contains("larger than this system allows"), "\(result.output)")
        #expect(result.output.contains("ulimit -f"))
        #expect(!result.output.contains("Fatal error"))
        #expect(journal.bytes() == bytes)
        #expect(journal.run("check").status == 0)

        // A repair past the limit: stopped with a message, the damaged journal untouched, no partial copy.
        let damaged = bytes + Array("not json\n".utf8)
        journal.write(damaged)
        let repair = limited(journal, blocks: 1, "repair", "--yes")
        #expect(repair.status == 1, "\(repair.status)")
        #expect(repair.output.contains("The repair could not be finished") && repair.output.contains("larger than this system allows"),
                "\(repair.output)")
        #expect(journal.bytes() == damaged)
        #expect(!journal.fileNames.contains { $0.hasPrefix("journal.jsonl.damaged-") || $0.hasPrefix("journal.jsonl.tmp-") },
                "\(journal.fileNames)")

        // The very first entry, with no room at all: nothing is left behind.
        let fresh = TemporaryJournal()
        let first = limited(fresh, blocks: 0, "log", "symptom", "rash", "2")
        #expect(first.status == 1 && first.output.contains("larger than this system allows"), "\(first.status) \(first.output)")
        #expect(fresh.fileNames == ["journal.lock"], "\(fresh.fileNames)")
    }

    /// Runs the binary under `ulimit -f blocks`, its output (stdout and stderr) through a pipe.
    func limited(_ journal: TemporaryJournal, blocks: Int, _ arguments: String...) -> (status: Int32, output: String) {
        let script = "(ulimit -f \(blocks); \"$0\" \"$@\" 2>&1; echo \"exit=$?\") | cat"
        let result = Subprocess.run(["sh", "-c", script, Binary.path] + arguments, environment: journal.environment)
        let status = result.stdout.components(separatedBy: "exit=").last.flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? -1
        return (status, result.stdout)
    }

    /// Output to a full disk or past the size limit: the program says so instead of crashing,
    /// and an entry it saved stays saved.
    @Test("standard output on a full disk: a message and exit 1, never a crash; the entry is still saved")
    func outputToAFullDisk() {
        let journal = TemporaryJournal()
        let logged = Subprocess.run(["sh", "-c", "exec \"$0\" log symptom rash 2 --note full > /dev/full", Binary.path],
                                    environment: journal.environment)
        #expect(logged.status == 1)
        #expect(logged.stderr.contains("could not write the output: the disk is full"), "\(logged.stderr)")
        #expect(!logged.stderr.contains("Fatal error"))
        #expect(journal.records()?.compactMap(note(of:)) == ["full"])
        for arguments in [["show"], ["show", "--json"], ["check"]] {
            let shown = Subprocess.run(["sh", "-c", "exec \"$0\" \"$@\" > /dev/full"] + [Binary.path] + arguments,
                                       environment: journal.environment)
            #expect(shown.status == 1, "\(arguments): \(shown.status)")
            #expect(!shown.stderr.contains("Fatal error"), "\(arguments): \(shown.stderr)")
        }
        let limitedShow = limited(journal, blocks: 0, "show")
        #expect(limitedShow.status == 0, "a pipe is not a file: no limit applies")
        // Output to a file past the size limit: reported, not death by SIGXFSZ.
        let file = journal.directory + "-shown"
        let shownToFile = Subprocess.run(["sh", "-c", "(ulimit -f 0; \"$0\" show > \"$1\"; echo \"exit=$?\") 2>&1 | cat", Binary.path, file],
                                         environment: journal.environment)
        #expect(shownToFile.stdout.contains("could not write the output: the file has grown larger than this system allows"),
                "\(shownToFile.stdout)")
        #expect(shownToFile.stdout.contains("exit=1"), "\(shownToFile.stdout)")
    }
}
