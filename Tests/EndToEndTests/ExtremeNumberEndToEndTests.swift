import Foundation
import Testing

/// Numbers no person could mean, typed or found in the file: one line and exit 2 at input,
/// damage named by line when reading — never a crash (exit 132, SIGILL).
@Suite("End to end: extreme numbers")
struct ExtremeNumberEndToEndTests {
    static var start: String {
        ISO8601DateFormatter.string(from: Date() - 20 * 86_400, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
    }

    @Test("course set --weight, log weight and log dose refuse 1e20, 1e308 and 1e20 lb with one line, exit 2, nothing written")
    func refusedAtInput() throws {
        let journal = TemporaryJournal()
        let course = ["course", "set", "--start", Self.start, "--dose", "20+20", "--category", "cannot-get-pregnant"]
        for weight in ["1e20", "1e308"] {
            let result = Subprocess.run([Binary.path] + course + ["--weight", weight], environment: journal.environment)
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
        #expect(Subprocess.run([Binary.path] + course + ["--weight", "61"], environment: journal.environment).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: journal.directory + "/journal.jsonl"))
        for arguments in [["log", "weight", "1e20"], ["log", "weight", "1e308", "--unit", "lb"], ["log", "dose", "1e20"],
                          ["log", "dose", "1e308"], ["log", "dose", "5000"]] {
            let result = Subprocess.run([Binary.path] + arguments, environment: journal.environment)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal.directory + "/journal.jsonl")) == before)
    }

    @Test("a journal line with 1e308 mg: check names the line (exit 1); show, status, report and labs say it is damaged")
    func damagedFile() throws {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "headache", "1").status == 0)
        let path = journal.directory + "/journal.jsonl"
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"id":"dose-2026-11-26-morning","rev":1,"kind":"dose","recordedAt":"2026-11-26T08:05:00Z","day":"2026-11-26","data":{"milligrams":1e308,"slot":"morning","status":"taken"}}"#.utf8 + [0x0A]))
        handle.closeFile()
        let check = journal.run("check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("line 3"), "\(check.stdout)")
        for command in [["show"], ["status"], ["report"], ["labs"], ["show", "--json"]] {
            let result = Subprocess.run([Binary.path] + command, environment: journal.environment)
            #expect(result.status == 1, "\(command): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("damaged at line 3"), "\(command): \(result.stderr)")
        }
    }
}

/// `check` on lines that each read but do not fit together.
@Suite("End to end: check points out odd lines")
struct CheckAuditEndToEndTests {
    @Test("a duplicated line and an entry dated next year: WORTH A LOOK with their line numbers, exit 0")
    func oddLines() throws {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "headache", "1").status == 0)
        let path = journal.directory + "/journal.jsonl"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let entryLine = String(text.split(separator: "\n")[1])
        let nextYear = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
        let future = #"{"id":"symptom-\#(nextYear)-01-01-rash","rev":1,"kind":"symptom","recordedAt":"\#(nextYear)-01-01T08:00:00Z","day":"\#(nextYear)-01-01","data":{"grade":1,"symptom":"rash"}}"#
        try (text + entryLine + "\n" + future + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let check = journal.run("check")
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("OK:"))
        #expect(check.stdout.contains("WORTH A LOOK"), "\(check.stdout)")
        #expect(check.stdout.contains("line 3: record symptom-"), "\(check.stdout)")
        #expect(check.stdout.contains("line 4: record symptom-\(nextYear)-01-01-rash is dated"), "\(check.stdout)")
    }
}
