import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Only the person can read their journal: the folder 0700 and every file 0600 after every
/// kind of write, whatever the umask; looser permissions are pointed out (and tightened when
/// writing); and the program never touches the network.
@Suite("End to end: privacy")
struct PrivacyEndToEndTests {
    /// Runs the binary with umask 022, as most accounts have.
    func underUmask022(_ journal: TemporaryJournal, _ arguments: String...) -> Subprocess.Result {
        Subprocess.run(["sh", "-c", "umask 022; exec \"$@\"", "sh", Binary.path] + arguments, environment: journal.environment)
    }

    func expectPrivate(_ journal: TemporaryJournal, after step: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(journal.permissions() == 0o700, "\(step): the folder", sourceLocation: sourceLocation)
        for name in journal.fileNames {
            #expect(journal.permissions(name) == 0o600, "\(step): \(name) is \(String(journal.permissions(name) ?? 0, radix: 8))",
                    sourceLocation: sourceLocation)
        }
    }

    @Test("under umask 022 every file IsoJournal writes is 0600 and the folder 0700")
    func everyKindOfWriteIsPrivate() throws {
        let journal = TemporaryJournal()
        #expect(underUmask022(journal, "log", "symptom", "rash", "1").status == 0)
        expectPrivate(journal, after: "creating the journal and its lock")
        #expect(underUmask022(journal, "log", "symptom", "headache", "2").status == 0)
        expectPrivate(journal, after: "appending")

        // A torn end, as a crash leaves it: the next save moves it to a side file.
        let handle = try #require(FileHandle(forWritingAtPath: journal.journalPath))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"id":"symptom-2026-01-01-rash","rev":1,"ki"#.utf8))
        try handle.close()
        #expect(underUmask022(journal, "log", "symptom", "nosebleed", "1").status == 0)
        #expect(journal.fileNames.contains { $0.hasPrefix("journal.torn-") }, "\(journal.fileNames)")
        expectPrivate(journal, after: "setting aside a torn end")

        // A repair: the kept copy and the new journal.
        journal.write((journal.bytes() ?? []) + Array("not json\n".utf8))
        #expect(underUmask022(journal, "repair", "--yes").status == 0)
        #expect(journal.fileNames.contains { $0.hasPrefix("journal.jsonl.damaged-") }, "\(journal.fileNames)")
        expectPrivate(journal, after: "repairing")

        // The interactive journal's first save, in a new folder.
        let fresh = TemporaryJournal()
        let env = fresh.environment.map { "\($0)='\($1)'" }.sorted().joined(separator: " ")
        let tmux = TmuxSession("umask 022; env \(env) '\(Binary.path)'")
        #expect(tmux.reachToday(), "\(tmux.screen)")
        tmux.send("l")
        #expect(tmux.waitFor("Grade:"))
        tmux.send("1", "s")
        #expect(tmux.waitFor("Saved 1 change"), "\(tmux.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("[exited 0]"))
        #expect(fresh.fileNames.contains("journal.jsonl"))
        expectPrivate(fresh, after: "saving from the screen")
    }

    @Test("looser permissions: viewing and check warn without changing them; saving tightens them and says so")
    func loosePermissionsAreReported() {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "rash", "1").status == 0)
        #expect(chmod(journal.directory, 0o755) == 0 && chmod(journal.journalPath, 0o644) == 0)

        let shown = journal.run("show")
        #expect(shown.status == 0)
        #expect(shown.stderr.contains("can be read by other people") && shown.stderr.contains("chmod 600"), "\(shown.stderr)")
        let checked = journal.run("check")
        #expect(checked.status == 0)
        #expect(checked.stdout.contains("chmod 700") && checked.stdout.contains("chmod 600"), "\(checked.stdout)")
        #expect(journal.permissions() == 0o755 && journal.permissions("journal.jsonl") == 0o644)

        let logged = journal.run("log", "symptom", "headache", "1")
        #expect(logged.status == 0)
        #expect(logged.stderr.contains("IsoJournal has made it private (700)"), "\(logged.stderr)")
        #expect(logged.stderr.contains("IsoJournal has made it private (600)"), "\(logged.stderr)")
        #expect(journal.permissions() == 0o700 && journal.permissions("journal.jsonl") == 0o600)

        // The interactive journal says so on screen.
        #expect(chmod(journal.journalPath, 0o640) == 0)
        let env = journal.environment.map { "\($0)='\($1)'" }.sorted().joined(separator: " ")
        let tmux = TmuxSession("env \(env) '\(Binary.path)'")
        #expect(tmux.waitFor("Please note"), "\(tmux.screen)")
        // The text inside the dialog's frame, its lines joined.
        let dialog = tmux.screen.split(separator: "\n").compactMap { line -> String? in
            guard let first = line.firstIndex(of: "│"), let last = line.lastIndex(of: "│"), first < last else { return nil }
            return String(line[line.index(after: first)..<last])
        }.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(dialog.contains("(permissions 640). IsoJournal has made it private (600)."), "\(dialog)")
        #expect(journal.permissions("journal.jsonl") == 0o600)
        tmux.send("Enter")
        #expect(tmux.reachToday(), "\(tmux.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("[exited 0]"))
    }

    static let straceWorks: Bool = Subprocess.run(["strace", "-f", "-qq", "-o", "/dev/null", "true"]).status == 0

    /// Every command and the interactive journal, traced for network system calls.
    @Test("no network system call, from any command or the interactive journal (traced with strace)",
          .enabled(if: PrivacyEndToEndTests.straceWorks, "strace is not installed or may not trace here"))
    func noNetworkCalls() throws {
        let journal = TemporaryJournal()
        let trace = journal.directory + "-trace"
        try FileManager.default.createDirectory(atPath: (journal.directory as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let commands: [[String]] = [
            ["log", "symptom", "rash", "1", "--note", "traced"], ["show"], ["show", "--json"], ["check"], ["repair"], ["--help"],
        ]
        var traced = 0
        for command in commands {
            let result = Subprocess.run(["strace", "-f", "-qq", "-e", "trace=network", "-o", trace + "-\(traced)", Binary.path] + command,
                                        environment: journal.environment)
            #expect(result.status == 0 || command == ["repair"], "\(command): \(result.stderr)")
            traced += 1
        }
        let env = journal.environment.map { "\($0)='\($1)'" }.sorted().joined(separator: " ")
        let tmux = TmuxSession("env \(env) strace -f -qq -e trace=network -o '\(trace)-\(traced)' '\(Binary.path)'")
        #expect(tmux.reachToday(), "\(tmux.screen)")
        tmux.send("l")
        #expect(tmux.waitFor("Grade:"))
        tmux.send("2", "s")
        #expect(tmux.waitFor("Saved 1 change"), "\(tmux.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("[exited 0]"))
        traced += 1

        for index in 0..<traced {
            let calls = try #require(try? String(contentsOfFile: trace + "-\(index)", encoding: .utf8), "trace \(index) missing")
            // strace also notes signals ("--- SIGCONT …") and exits ("+++ …"); only system calls count.
            let systemCalls = calls.split(separator: "\n").filter { line in
                let call = line.drop { $0.isNumber || $0 == " " }
                return !call.hasPrefix("---") && !call.hasPrefix("+++") && call.contains("(")
            }
            #expect(systemCalls.isEmpty, "network calls: \(systemCalls)")
        }
        print("NETWORK: \(traced) runs (\(commands.map { $0.joined(separator: " ") }.joined(separator: "; ")); the interactive journal) "
              + "traced with strace -e trace=network: 0 network system calls")
    }

    static let unshareWorks: Bool = Subprocess.run(["unshare", "-n", "true"]).status == 0

    @Test("with no network at all (unshare -n) everything works the same",
          .enabled(if: PrivacyEndToEndTests.unshareWorks, "unshare -n is not permitted here (needs root or user namespaces)"))
    func worksWithoutANetwork() {
        let journal = TemporaryJournal()
        let logged = Subprocess.run(["unshare", "-n", Binary.path, "log", "symptom", "rash", "2"], environment: journal.environment)
        #expect(logged.status == 0, "\(logged.stderr)")
        let shown = Subprocess.run(["unshare", "-n", Binary.path, "show"], environment: journal.environment)
        #expect(shown.status == 0 && shown.stdout.contains("Rash 2"), "\(shown.stdout)")
    }
}
