import Foundation
import Glibc
import Testing

/// `report`, `export ics`, `export snapshot` and `export fhir` with `-o`: a report can never cost the journal.
@Suite("End to end: output files")
struct OutputEndToEndTests {
    static let commands: [[String]] = [
        ["report"], ["report", "--format", "html"], ["report", "--format", "csv"], ["report", "--format", "json"],
        ["export", "ics"], ["export", "snapshot"], ["export", "fhir"],
    ]

    @Test("-o into the journal folder is refused (exit 2) and the journal stays whole", arguments: commands)
    func refusesJournalFolder(command: [String]) throws {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "headache", "1", "--note", "kept").status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: journal.directory + "/journal.jsonl"))
        for target in [journal.directory + "/journal.jsonl", journal.directory + "/report.out"] {
            let result = Subprocess.run([Binary.path] + command + ["-o", target, "--force"], environment: journal.environment)
            #expect(result.status == 2, "\(command) \(result.stderr)")
            #expect(result.stderr.contains("inside the journal folder"), "\(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal.directory + "/journal.jsonl")) == before)
        #expect(journal.run("check").status == 0)
        #expect(!FileManager.default.fileExists(atPath: journal.directory + "/report.out"))
    }

    @Test("an existing file needs --force; -o - writes to standard output", arguments: commands)
    func existingFileAndStandardOutput(command: [String]) throws {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "headache", "1").status == 0)
        let target = URL(fileURLWithPath: journal.directory).deletingLastPathComponent().appendingPathComponent("out.txt").path
        FileManager.default.createFile(atPath: target, contents: Data("mine".utf8))
        let refused = Subprocess.run([Binary.path] + command + ["-o", target], environment: journal.environment)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("already exists") && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "mine")

        let forced = Subprocess.run([Binary.path] + command + ["-o", target, "--force"], environment: journal.environment)
        #expect(forced.status == 0, "\(forced.stderr)")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written != "mine")
        #expect((try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int) == 0o600)

        let toStandardOutput = Subprocess.run([Binary.path] + command + ["-o", "-"], environment: journal.environment)
        #expect(toStandardOutput.status == 0)
        #expect(!toStandardOutput.stdout.isEmpty && !toStandardOutput.stdout.hasPrefix("Wrote"))
    }
}

/// Every command against a named pipe, a linked journal and a linked lock: an answer within
/// seconds, never a hang, never a change through the link.
@Suite("End to end: pipes and links in the journal folder")
struct FileSafetyEndToEndTests {
    static let commands: [[String]] = [["show"], ["status"], ["report"], ["labs"], ["remind"], ["export", "ics"], ["check"],
                                       ["checklist"], ["log", "symptom", "headache", "1"]]

    @Test("a named pipe as the journal: every command ends at once with a message")
    func pipe() {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "headache", "1").status == 0)
        unlink(journal.directory + "/journal.jsonl")
        #expect(mkfifo(journal.directory + "/journal.jsonl", 0o600) == 0)
        for command in Self.commands {
            let result = Subprocess.run(["timeout", "10", Binary.path] + command, environment: journal.environment)
            #expect(result.status != 124 && result.status != 0, "\(command) hung or succeeded: \(result.status)")
            #expect(result.stderr.contains("named pipe") || result.stdout.contains("named pipe"), "\(command): \(result.stderr)")
        }
    }

    @Test("a journal.lock link: log refuses it and the target keeps its mode")
    func lockLink() throws {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "headache", "1").status == 0)
        let target = URL(fileURLWithPath: journal.directory).deletingLastPathComponent().appendingPathComponent("target").path
        FileManager.default.createFile(atPath: target, contents: Data("x".utf8), attributes: [.posixPermissions: 0o644])
        unlink(journal.directory + "/journal.lock")
        symlink(target, journal.directory + "/journal.lock")
        let result = journal.run("log", "symptom", "rash", "1")
        #expect(result.status == 1)
        #expect(result.stderr.contains("symbolic link"), "\(result.stderr)")
        #expect((try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int) == 0o644)
    }
}
