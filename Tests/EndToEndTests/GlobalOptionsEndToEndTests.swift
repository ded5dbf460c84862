import Foundation
import Testing

/// `--data-dir` and `--snapshot` anywhere among the command words, as shell users write them.
/// ISOJOURNAL_DATA_DIR points elsewhere, so a command that ignored `--data-dir` would be caught.
@Suite("End to end: global options before or after the command")
struct GlobalOptionsEndToEndTests {
    let elsewhere = TemporaryJournal()
    let journal = TemporaryJournal()

    func run(_ arguments: String...) -> Subprocess.Result {
        Subprocess.run([Binary.path] + arguments, environment: elsewhere.environment)
    }

    @Test("--data-dir D before, between and after the command words, and as --data-dir=D")
    func dataDirAnywhere() throws {
        let d = journal.directory
        let logged = run("--data-dir", d, "log", "symptom", "headache", "2", "--note", "x")
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(run("log", "--data-dir", d, "symptom", "dry-skin", "1").status == 0)
        #expect(run("--data-dir=\(d)", "log", "symptom", "rash", "1").status == 0)
        #expect(run("log", "symptom", "nosebleed", "1", "--data-dir", d).status == 0)
        for shown in [run("--data-dir", d, "show"), run("show", "--data-dir", d), run("--data-dir=\(d)", "show")] {
            #expect(shown.status == 0, "\(shown.stderr)")
            for name in ["Headache 2 (limits some activities): x", "Dry skin 1", "Rash 1", "Nosebleed 1"] {
                #expect(shown.stdout.contains(name), "\(shown.stdout)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: elsewhere.directory + "/journal.jsonl"))
    }

    @Test("--snapshot F before the command reads the snapshot")
    func snapshotFirst() throws {
        #expect(journal.run("log", "symptom", "headache", "3").status == 0)
        let file = URL(fileURLWithPath: journal.directory).deletingLastPathComponent().appendingPathComponent("j.snapshot").path
        #expect(run("--data-dir", journal.directory, "export", "snapshot", "-o", file).status == 0)
        let shown = run("--snapshot", file, "show")
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Headache 3"))
    }

    @Test("errors name the word that is wrong", arguments: [
        (["--data-dir", "D", "log", "symptom", "headache", "2", "--bogus"], "Unknown option '--bogus'"),
        (["--bogus", "show"], "Unknown option '--bogus'"),
        (["--data-dir", "D", "log", "symtom", "headache", "2"], "unexpected arguments: 'symtom'"),
        (["--data-dir", "D", "shw"], "Unexpected argument 'shw'"),
        (["--data-dir", "D", "log", "symptom", "headache", "2", "--note"], "Missing value for '--note"),
        (["log", "symptom", "headache", "2", "--data-dir"], "Missing value for '--data-dir"),
        (["--data-dir"], "Missing value for '--data-dir"),
    ])
    func errorsNameTheWrongWord(arguments: [String], message: String) {
        let result = Subprocess.run([Binary.path] + arguments.map { $0 == "D" ? journal.directory : $0 },
                                    environment: elsewhere.environment)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: journal.directory + "/journal.jsonl"))
    }

    @Test("after --, a word that reads like --data-dir is an argument, not moved")
    func doubleDashEndsOptions() {
        let result = run("log", "symptom", "other", "1", "--note", "x", "--", "--data-dir")
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unexpected argument '--data-dir'"), "\(result.stderr)")
    }

    @Test("a note that reads like --data-dir stays the note")
    func valueLooksLikeOption() throws {
        let result = run("--data-dir", journal.directory, "log", "symptom", "other", "1", "--note=--data-dir")
        #expect(result.status == 0, "\(result.stderr)")
        let shown = run("show", "--json", "--data-dir", journal.directory)
        #expect(shown.stdout.contains("\"note\":\"--data-dir\""), "\(shown.stdout)")
    }
}
