import Foundation
import Glibc
import Testing

/// `report`, `export ics` and `export snapshot` with `-o`: a report can never cost the journal.
@Suite("End to end: output files")
struct OutputEndToEndTests {
    static let commands: [[String]] = [
        ["report"], ["report", "--format", "html"], ["report", "--format", "csv"], ["report", "--format", "json"],
        ["export", "ics"], ["export", "snapshot"],
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
