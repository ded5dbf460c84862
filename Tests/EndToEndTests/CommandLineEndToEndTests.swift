import Foundation
import Testing

/// The non-interactive commands, as scripts and shell users run them.
@Suite("End to end: the command line")
struct CommandLineEndToEndTests {
    var today: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    @Test("log symptom then show --json lists the records with their file field names")
    func logAndShowJSON() throws {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "chapped-lips", "2", "--note", "cracked, \"sore\"").status == 0)
        #expect(journal.run("log", "symptom", "dry-eyes", "1", "--date", "2026-01-15").status == 0)
        let shown = journal.run("show", "--json")
        #expect(shown.status == 0)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [[String: Any]])
        #expect(records.count == 2)
        #expect(records[0]["day"] as? String == "2026-01-15")
        #expect(records[1]["kind"] as? String == "symptom")
        #expect(records[1]["day"] as? String == today)
        let data = try #require(records[1]["data"] as? [String: Any])
        #expect(data["symptom"] as? String == "chapped-lips")
        #expect(data["grade"] as? Int == 2)
        #expect(data["note"] as? String == "cracked, \"sore\"")
        #expect(records[1]["rev"] as? Int == 1)
        #expect(records[1]["id"] as? String == "symptom-\(today)-chapped-lips")
    }

    @Test("logging the same symptom twice for a day replaces it and keeps the history")
    func replaceKeepsHistory() throws {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "headache", "1").status == 0)
        let second = journal.run("log", "symptom", "headache", "2")
        #expect(second.stdout.contains("replacing the earlier grade"))
        let shown = journal.run("show", "--json")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [[String: Any]])
        #expect(records.count == 1)
        #expect(records[0]["rev"] as? Int == 2)
        let file = try String(contentsOfFile: journal.directory + "/journal.jsonl", encoding: .utf8)
        #expect(file.split(separator: "\n").count == 3) // header + two revisions
    }

    @Test("bad input is refused with one line and exit code 2, and nothing is written", arguments: [
        (["log", "symptom", "headach", "2"], "Did you mean 'headache'?"),
        (["log", "symptom", "xylophone", "2"], "Valid names: chapped-lips"),
        (["log", "symptom", "headache", "4"], "is not 0, 1, 2 or 3"),
        (["log", "symptom", "headache", "-1"], "grade"),
        (["log", "symptom"], "Missing expected argument"),
        (["log", "symptom", "headache", "2", "--colour"], "Unknown option"),
        (["log", "symptom", "headache", "two"], "is not 0, 1, 2 or 3"),
        (["log", "symptom", "headache", "2", "--date", "2026-02-30"], "is not a date"),
        (["log", "symptom", "headache", "2", "--date", "26/11/2026"], "is not a date"),
        (["log", "symptom", "headache", "2", "--date", "2999-01-01"], "is in the future"),
        (["log", "symptom", "other", "2"], "--note"),
    ])
    func badInput(arguments: [String], message: String) {
        let journal = TemporaryJournal()
        let result = Subprocess.run([Binary.path] + arguments, environment: journal.environment)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: journal.directory + "/journal.jsonl"))
    }

    @Test("files are private: directory 0700, journal 0600, even with umask 022")
    func permissions() throws {
        let journal = TemporaryJournal()
        let result = Subprocess.run(["sh", "-c", "umask 022; exec \"$0\" log symptom rash 1", Binary.path],
                                    environment: journal.environment)
        #expect(result.status == 0, "\(result.stderr)")
        let dir = try FileManager.default.attributesOfItem(atPath: journal.directory)
        let file = try FileManager.default.attributesOfItem(atPath: journal.directory + "/journal.jsonl")
        #expect((dir[.posixPermissions] as? Int) == 0o700)
        #expect((file[.posixPermissions] as? Int) == 0o600)
    }

    @Test("without a terminal the interactive journal says so, exits non-zero and writes no escape codes")
    func noTerminal() {
        let journal = TemporaryJournal()
        let result = journal.run()
        #expect(result.status != 0)
        #expect(result.stderr.contains("terminal"), "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}") && !result.stderr.contains("\u{1B}"))
    }

    // TERM=dumb opens the plain mode instead (PlainModeEndToEndTests).
    @Test("an unknown TERM is refused with a message", arguments: ["no-such-terminal-xyz"])
    func unusableTerm(term: String) {
        let journal = TemporaryJournal()
        let tmux = TmuxSession("env TERM=\(term) ISOJOURNAL_DATA_DIR='\(journal.directory)' '\(Binary.path)'")
        #expect(tmux.waitFor("[exited 1]"), "\(tmux.screen)")
        #expect(tmux.screen.contains("TERM"), "\(tmux.screen)")
    }

    @Test("--help and --version work for every command")
    func help() {
        let journal = TemporaryJournal()
        #expect(journal.run("--version").stdout.contains("0.1.0"))
        for command in [["--help"], ["log", "--help"], ["log", "symptom", "--help"], ["show", "--help"], ["open", "--help"]] {
            let result = Subprocess.run([Binary.path] + command, environment: journal.environment)
            #expect(result.status == 0)
            #expect(result.stdout.contains("USAGE"), "\(command)")
        }
    }
}
