import Foundation
import Glibc
import JournalCore
@testable import JournalStore
import Testing

/// `JournalRepair.check` reads without changing anything; `repair` keeps the damaged file
/// byte for byte and writes a journal of every line that still reads.
@Suite("Checking and repairing a damaged journal")
struct CheckAndRepairTests {
    /// The mixed journal with line 3 and line 5 spoiled and an unfinished end.
    func damagedJournal() throws -> (bytes: [UInt8], good: [UInt8], badLines: [Int]) {
        let good = try withTemporaryDirectory { try Sample.writeMixedJournal(in: $0) }
        var parts = good.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        parts[2] = Array(#"{"id":"symptom-2026-11-26-dry-lips","rev":1,"kind":"sym"#.utf8) // cut short
        parts[4] = [0x7B, 0xC3, 0x28, 0x7D] // not UTF-8
        let bytes = Array(parts.joined(separator: [0x0A])) + Array(#"{"id":"unfinished"#.utf8)
        return (bytes, good, [3, 5])
    }

    @Test func checkOfASoundJournalCountsItsLines() throws {
        try withTemporaryDirectory { dir in
            try Sample.writeMixedJournal(in: dir)
            let before = directoryNames(dir)
            let finding = try JournalRepair.check(directory: dir)
            #expect(finding.state == .examined && finding.isSound)
            let examination = try #require(finding.examination)
            #expect(examination.completeLines == 6)
            #expect(examination.readableEntryLines == 5)
            #expect(examination.journal.currentRecordCount == 2)
            #expect(examination.unfinishedBytes == 0)
            #expect(finding.remarks.isEmpty)
            #expect(directoryNames(dir) == before)
        }
    }

    @Test func checkListsEveryBadLineAndChangesNothing() throws {
        let (bytes, _, badLines) = try damagedJournal()
        try withTemporaryDirectory { dir in
            writeFile(dir + "/journal.jsonl", bytes, mode: 0o644)
            writeFile(dir + "/journal.jsonl.tmp-00000000000000ab", [1])
            writeFile(dir + "/journal.torn-20261126T221005Z", [2])
            let before = directoryNames(dir)
            let finding = try JournalRepair.check(directory: dir)
            #expect(!finding.isSound)
            let examination = try #require(finding.examination)
            #expect(examination.badLines.map(\.line) == badLines)
            #expect(examination.badLines[0].detail == "it is not valid JSON")
            #expect(examination.badLines[1].detail == "it is not valid UTF-8 text")
            #expect(examination.unfinishedBytes == 17)
            #expect(examination.readableEntryLines == 3)
            #expect(finding.remarks.count == 3, "\(finding.remarks)")
            #expect(finding.remarks[0].contains("chmod 600"))
            #expect(finding.remarks.contains { $0.contains("journal.torn-20261126T221005Z") })
            #expect(finding.remarks.contains { $0.contains("journal.jsonl.tmp-00000000000000ab") })
            #expect(fileBytes(dir + "/journal.jsonl") == bytes)
            #expect(permissions(dir + "/journal.jsonl") == 0o644)
            #expect(directoryNames(dir) == before, "no lock file, nothing removed")
        }
    }

    @Test func checkOfAMissingJournalFolderOrFileIsSound() throws {
        try withTemporaryDirectory { root in
            #expect(try JournalRepair.check(directory: root + "/none").state == .missing)
            #expect(try JournalRepair.check(directory: root).state == .missing)
            #expect(mkdir(root + "/journal.jsonl", 0o700) == 0)
            let finding = try JournalRepair.check(directory: root)
            #expect(finding.state == .notAFile && !finding.isSound)
            #expect(throws: JournalRepair.Failure.self) { try JournalRepair.repair(directory: root) }
        }
    }

    @Test func repairKeepsTheDamagedFileAndEveryLineThatReads() throws {
        let (bytes, good, _) = try damagedJournal()
        try withTemporaryDirectory { dir in
            let path = dir + "/journal.jsonl"
            writeFile(path, bytes)
            let outcome = try JournalRepair.repair(directory: dir, clock: TestClock().read)
            let copy = try #require(outcome.keptCopy)
            #expect(copy == dir + "/journal.jsonl.damaged-20261126T221005Z")
            #expect(fileBytes(copy) == bytes, "the original, byte for byte")
            #expect(permissions(copy) == 0o600 && permissions(path) == 0o600)
            #expect(outcome.keptLines == 3)
            #expect(outcome.leftOut.map(\.line) == [3, 5])
            #expect(outcome.unfinishedBytesLeftOut == 17)
            // The new journal: lines 1, 2, 4, 6 of the good journal, unchanged.
            let goodLines = lines(good)
            #expect(lines(fileBytes(path)!) == [goodLines[0], goodLines[1], goodLines[3], goodLines[5], ""])
            #expect(directoryNames(dir) == ["journal.jsonl", "journal.jsonl.damaged-20261126T221005Z", "journal.lock"])
            let store = try JournalStore(directory: dir)
            #expect(store.notices.isEmpty)
            #expect(store.journal.revisions.count == 3)
            #expect(try JournalRepair.check(directory: dir).isSound)
            // A second damage in the same second gets its own copy.
            appendFile(path, Array("oops\n".utf8))
            let again = try JournalRepair.repair(directory: dir, clock: TestClock().read)
            #expect(again.keptCopy == dir + "/journal.jsonl.damaged-20261126T221005Z-2")
            #expect(fileBytes(copy) == bytes)
        }
    }

    @Test func anUnreadableHeaderGetsAFreshOne() throws {
        let good = try withTemporaryDirectory { try Sample.writeMixedJournal(in: $0) }
        for header in [Array("garbage".utf8), Array(#"{"format":"notes","schemaVersion":1}"#.utf8), []] {
            try withTemporaryDirectory { dir in
                var parts = good.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
                parts[0] = header
                let bytes = Array(parts.joined(separator: [0x0A]))
                writeFile(dir + "/journal.jsonl", bytes)
                let outcome = try JournalRepair.repair(directory: dir, clock: TestClock().read)
                #expect(outcome.leftOut.map(\.line) == [1])
                #expect(fileBytes(outcome.keptCopy ?? "") == bytes)
                let text = lines(fileBytes(dir + "/journal.jsonl")!)
                #expect(text[0] == #"{"format":"isojournal","schemaVersion":1,"createdAt":"2026-11-26T22:10:05Z"}"#)
                #expect(try JournalStore(directory: dir).journal.revisions.count == 5)
            }
        }
    }

    @Test func anEmptyFileBecomesAnEmptyJournalAndIsKept() throws {
        try withTemporaryDirectory { dir in
            writeFile(dir + "/journal.jsonl", [])
            #expect(try JournalRepair.check(directory: dir).examination?.badLines.first?.detail == "the file is empty")
            let outcome = try JournalRepair.repair(directory: dir, clock: TestClock().read)
            #expect(fileBytes(outcome.keptCopy ?? "") == [])
            #expect(lines(fileBytes(dir + "/journal.jsonl")!).count == 2)
            #expect(try JournalStore(directory: dir).journal.revisions.isEmpty)
        }
    }

    @Test func soundJournalsAndNewerVersionsAreNotRewritten() throws {
        try withTemporaryDirectory { dir in
            let bytes = try Sample.writeMixedJournal(in: dir)
            let outcome = try JournalRepair.repair(directory: dir)
            #expect(outcome.keptCopy == nil)
            #expect(fileBytes(dir + "/journal.jsonl") == bytes)
            // Only an unfinished end: it is set aside as on any open for writing.
            appendFile(dir + "/journal.jsonl", Array("{\"id".utf8))
            let tail = try JournalRepair.repair(directory: dir, clock: TestClock().read)
            #expect(tail.keptCopy == nil)
            #expect(fileBytes(dir + "/journal.jsonl") == bytes)
            #expect(tail.notices.count == 1 && tail.notices[0].contains("journal.torn-"))
        }
        try withTemporaryDirectory { dir in
            let bytes = Array("{\"format\":\"isojournal\",\"schemaVersion\":9}\nnot for us\n".utf8)
            writeFile(dir + "/journal.jsonl", bytes)
            let finding = try JournalRepair.check(directory: dir)
            #expect(finding.examination?.isNewerVersion == true && !finding.isSound)
            #expect(throws: JournalRepair.Failure.self) { try JournalRepair.repair(directory: dir) }
            #expect(fileBytes(dir + "/journal.jsonl") == bytes)
            #expect(directoryNames(dir) == ["journal.jsonl", "journal.lock"])
        }
    }

    /// Found by fuzzing: a time in the right text form whose offset takes it outside years
    /// 1–9999 used to load, and then came out of `show --json` as "10000-01-01T04:59:59Z".
    /// Loading now refuses what the writer would refuse, so every entry read can be written again.
    /// (`recordedAt` is written in UTC, so this one would need year 10000. Times whose written
    /// form stays within 0001–9999, such as 0001-01-01T00:00:00Z, are valid: see YearRangeTests.)
    @Test(arguments: [
        (#""recordedAt":"9999-12-31T23:59:59-05:00""#, "the time it was recorded is not a real date in years 1–9999"),
        (#""recordedAt":"0001-01-01T00:00:00+00:01""#, "the time it was recorded is not a real date in years 1–9999"),
    ])
    func timesTheWriterWouldRefuseAreDamage(fields: String, detail: String) throws {
        let line = #"{"id":"symptom-2026-11-26-acne","rev":1,"kind":"symptom","# + fields
            + #","day":"2026-11-26","data":{"grade":1,"symptom":"acne"}}"#
        let bytes = Array(("{\"format\":\"isojournal\",\"schemaVersion\":1}\n" + line + "\n").utf8)
        try withTemporaryDirectory { dir in
            writeFile(dir + "/journal.jsonl", bytes)
            #expect(throws: StoreError.damaged(file: dir + "/journal.jsonl", line: 2, detail: detail)) {
                try JournalStore(directory: dir)
            }
            let finding = try JournalRepair.check(directory: dir)
            #expect(finding.examination?.badLines == [.init(line: 2, detail: detail)])
            #expect(fileBytes(dir + "/journal.jsonl") == bytes)
        }
    }

    /// Any system call of a repair failing, once or from then on: the original bytes are
    /// always either still the journal or in the kept copy, and the journal is always either
    /// the original or the complete repair.
    @Test func failingAnyCallOfARepairNeverLosesTheOriginal() throws {
        let (bytes, _, _) = try damagedJournal()
        let expected = try withTemporaryDirectory { dir -> (journal: [UInt8], calls: Int) in
            writeFile(dir + "/journal.jsonl", bytes)
            let fileSystem = FaultyFileSystem()
            fileSystem.arm(failAt: nil)
            _ = try JournalRepair.repair(directory: dir, fileSystem: fileSystem, clock: TestClock().read)
            return (fileBytes(dir + "/journal.jsonl")!, fileSystem.calls.count)
        }
        var failures = 0
        for failAt in 1...(expected.calls + 1) {
            for pattern in [FaultyFileSystem.Pattern.once, .fromThenOn] {
                try withTemporaryDirectory { dir in
                    let path = dir + "/journal.jsonl"
                    writeFile(path, bytes)
                    let fileSystem = FaultyFileSystem()
                    fileSystem.arm(failAt: failAt, pattern: pattern, errno: ENOSPC)
                    let label = "call \(failAt) failing \(pattern)"
                    do {
                        _ = try JournalRepair.repair(directory: dir, fileSystem: fileSystem, clock: TestClock().read)
                    } catch let failure as JournalRepair.Failure {
                        failures += 1
                        #expect(!failure.message.isEmpty, "\(label)")
                    }
                    fileSystem.disarm()
                    let journal = fileBytes(path)
                    #expect(journal == bytes || journal == expected.journal, "\(label)")
                    let copies = directoryNames(dir).filter { $0.hasPrefix("journal.jsonl.damaged-") }
                    #expect(journal == bytes || copies.contains { fileBytes(dir + "/" + $0) == bytes }, "\(label): original lost")
                    #expect(copies.allSatisfy { fileBytes(dir + "/" + $0) == bytes }, "\(label): a partial copy was left")
                    // The next open for writing leaves no temporary file behind.
                    _ = try? JournalStore(directory: dir)
                    #expect(!directoryNames(dir).contains { $0.hasPrefix("journal.jsonl.tmp-") }, "\(label)")
                }
            }
        }
        #expect(failures > expected.calls)
    }

    /// Journals with one to four random bytes replaced (a fixed seed, so every run tries the
    /// same ones; 1,000 by default, `ISOJOURNAL_BYTE_CHANGE_ROUNDS=10000` for the full run):
    /// opening never crashes; a journal refused is untouched and named with its line; one that
    /// opens lost nothing but a set-aside end; `check` agrees with opening; and `repair` always
    /// leaves a journal that opens, with the original kept.
    @Test func randomByteChanges() throws {
        let good = try withTemporaryDirectory { dir in
            let store = try JournalStore(directory: dir, clock: TestClock().read)
            try store.record([Sample.symptom(note: "ok"), Sample.redFlag()])
            try store.record([Sample.symptom("acne", grade: 1)])
            return fileBytes(store.journalPath)!
        }
        var random = SeededRandom(seed: 8)
        var outcomes: [String: Int] = [:]
        try withTemporaryDirectory { root in
            for round in 0..<Self.byteChangeRounds {
                var bytes = good
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
                let dir = root + "/\(round)"
                #expect(mkdir(dir, 0o700) == 0)
                let path = dir + "/journal.jsonl"
                writeFile(path, bytes)
                let examination = JournalExamination(bytes)
                do throws(StoreError) {
                    let store = try JournalStore(directory: dir, clock: TestClock().read)
                    outcomes["opened", default: 0] += 1
                    #expect(examination.isSound || examination.isNewerVersion, "round \(round)")
                    #expect(store.journal.revisions.count == examination.readableEntryLines || examination.isNewerVersion, "round \(round)")
                    let side = directoryNames(dir).filter { $0.hasPrefix("journal.torn-") }.map { fileBytes(dir + "/" + $0)! }
                    #expect((fileBytes(path) ?? []) + side.joined() == bytes, "round \(round): only a torn end moved")
                } catch {
                    outcomes[String("\(Mirror(reflecting: error).children.first?.label ?? "\(error)")"), default: 0] += 1
                    #expect(fileBytes(path) == bytes, "round \(round): never written")
                    #expect(error.message.contains(path), "round \(round)")
                    if case .damaged(_, let line, _) = error {
                        #expect(examination.badLines.first?.line == line, "round \(round)")
                    }
                }
                if round % 10 == 0 {
                    // Repair: nothing lost, and what is left opens.
                    writeFile(path, bytes)
                    do throws(JournalRepair.Failure) {
                        let outcome = try JournalRepair.repair(directory: dir, clock: TestClock().read)
                        if let copy = outcome.keptCopy { #expect(fileBytes(copy) == bytes, "round \(round)") }
                        let after = try? JournalRepair.check(directory: dir)
                        #expect(after?.isSound == true, "round \(round)")
                    } catch {
                        guard case .notRepairable = error, examination.isNewerVersion else {
                            Issue.record("round \(round): \(error)"); continue
                        }
                    }
                }
                try? FileManager.default.removeItem(atPath: dir)
            }
        }
        #expect(outcomes["opened", default: 0] > Self.byteChangeRounds / 100)
        #expect(outcomes["damaged", default: 0] > 0, "\(outcomes)")
        print("BYTE CHANGES: \(Self.byteChangeRounds) journals with random bytes changed, 0 crashes; outcomes: "
              + outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }

    static let byteChangeRounds = ProcessInfo.processInfo.environment["ISOJOURNAL_BYTE_CHANGE_ROUNDS"].flatMap { Int($0) } ?? 1_000
}

/// SplitMix64: a small generator with a seed, so "random" tests try the same cases every run.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
