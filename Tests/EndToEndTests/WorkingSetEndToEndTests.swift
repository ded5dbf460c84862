import Foundation
import Testing

/// The working-set cache from outside: the real binary, with and without its cache, prints
/// the same first screen, reminders and status (the fast path against a full replay).
@Suite("End to end: the working-set cache")
struct WorkingSetEndToEndTests {
    static let clock = "2026-11-26 08:05:00"

    @Test("with the cache or without it, remind, status and the first screen print the same",
          .enabled(if: FakeTime.path != nil, "faketime is not installed: comparing whole screens needs a fixed clock"))
    func sameOutputWithAndWithoutTheCache() throws {
        let journal = TemporaryJournal()
        let made = journal.runAt(Self.clock, ["bench", "generate", "--entries", "9000", "--seed", "7", "--data-dir", journal.directory])
        try #require(made.status == 0, "\(made.stderr)")
        // A log writes the cache (and is itself a fast-path write).
        let logged = journal.runAt(Self.clock, "log", "symptom", "headache", "2", "--note", "after the cache")
        #expect(logged.status == 0, "\(logged.stderr)")
        let cache = journal.directory + "/journal.cache"
        try #require(FileManager.default.fileExists(atPath: cache), "log wrote no cache")
        let mode = (try FileManager.default.attributesOfItem(atPath: cache)[.posixPermissions] as? Int) ?? -1
        #expect(mode == 0o600)

        let commands: [[String]] = [["remind"], ["remind", "--json", "--within", "3d"], ["status"], ["status", "--json"]]
        let fast = commands.map { journal.runAt(Self.clock, $0) }
        let firstScreens = [journal.runKeys("<screen>q", at: Self.clock), journal.runKeys("<screen>q", width: 120, height: 40, at: Self.clock)]
        try FileManager.default.removeItem(atPath: cache)
        let whole = commands.map { journal.runAt(Self.clock, $0) }
        #expect(!FileManager.default.fileExists(atPath: cache), "a viewing command wrote the cache")
        // The screens last: `open` is read-write and writes the cache again.
        let wholeScreens = [journal.runKeys("<screen>q", at: Self.clock), journal.runKeys("<screen>q", width: 120, height: 40, at: Self.clock)]
        for (index, command) in commands.enumerated() {
            #expect(fast[index].status == whole[index].status, "\(command)")
            #expect(fast[index].stdout == whole[index].stdout, "\(command): with the cache\n\(fast[index].stdout)\nwithout\n\(whole[index].stdout)")
        }
        for index in 0..<2 {
            #expect(firstScreens[index].stdout == wholeScreens[index].stdout, "first screen \(index)")
            #expect(firstScreens[index].stdout.contains("IsoJournal"))
        }
        #expect(whole[0].stdout.count > 20)
    }

    @Test("a log for an old day from the fast path is numbered after the record's real revisions",
          .enabled(if: FakeTime.path != nil, "faketime is not installed"))
    func oldDayFromTheFastPath() throws {
        let journal = TemporaryJournal()
        try #require(journal.runAt(Self.clock, ["bench", "generate", "--entries", "6000", "--seed", "2", "--data-dir", journal.directory]).status == 0)
        #expect(journal.runAt(Self.clock, "log", "symptom", "dry-skin", "1").status == 0)
        // Three times the same old day: revisions follow one another, whatever the cache held.
        for (index, grade) in ["3", "2", "1"].enumerated() {
            let run = journal.runAt(Self.clock, "log", "symptom", "dry-skin", grade, "--date", "2026-01-15")
            #expect(run.status == 0, "\(run.stderr)")
            if index > 0 { #expect(run.stdout.contains("replacing the earlier grade"), "\(run.stdout)") }
        }
        let text = try String(contentsOfFile: journal.directory + "/journal.jsonl", encoding: .utf8)
        let revisions = text.split(separator: "\n").filter { $0.contains("\"symptom-2026-01-15-dry-skin\"") }
            .compactMap { line in line.range(of: "\"rev\":").map { Int(line[$0.upperBound...].prefix { $0.isNumber }) ?? 0 } }
        #expect(revisions.count >= 3 && revisions == Array(1...revisions.count), "\(revisions)")
    }
}
