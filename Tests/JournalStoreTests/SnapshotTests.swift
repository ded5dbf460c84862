import Foundation
import Testing
import JournalCore
@testable import JournalStore

@Suite("Snapshots and the demo journal through the store")
struct SnapshotTests {
    @Test("a snapshot holds the journal byte for byte and reads back as the same journal")
    func roundTrip() throws {
        try withTemporaryDirectory { directory in
            let journalBytes = try Sample.writeMixedJournal(in: directory)
            appendFile(directory + "/journal.jsonl", Sample.futureLine)
            let store = try JournalStore(directory: directory, mode: .readOnly)
            let bytes = try Snapshot.make(journalPath: store.journalPath, createdAt: Sample.time)
            let header = String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self)
            #expect(header.hasPrefix(#"{"format":"isojournal-snapshot","snapshotVersion":1,"createdAt":"#))
            #expect(header.contains(#""journalBytes":\#(journalBytes.count + Sample.futureLine.count)"#))
            #expect(header.contains(#""sha256":"\#(Checksum.sha256Hex(journalBytes + Sample.futureLine))""#))
            #expect(Array(bytes.drop { $0 != 0x0A }.dropFirst()) == journalBytes + Sample.futureLine)
            let contents = try Snapshot.read(bytes, file: "s")
            #expect(contents.journal.revisions == store.journal.revisions, "unknown kinds included")
            #expect(contents.createdAt == Date(timeIntervalSince1970: 1_795_731_005))
        }
    }

    @Test("an unfinished last line is left out; a missing journal makes an empty snapshot")
    func tornAndMissing() throws {
        try withTemporaryDirectory { directory in
            let journalBytes = try Sample.writeMixedJournal(in: directory)
            appendFile(directory + "/journal.jsonl", Array(#"{"id":"half"#.utf8))
            let bytes = try Snapshot.make(journalPath: directory + "/journal.jsonl", createdAt: Sample.time)
            #expect(Array(bytes.drop { $0 != 0x0A }.dropFirst()) == journalBytes)
            let empty = try Snapshot.make(journalPath: directory + "/none/journal.jsonl", createdAt: Sample.time)
            #expect(try Snapshot.read(empty, file: "s").journal.revisions.isEmpty)
        }
    }

    @Test("any changed, added or removed byte is refused with a clear message")
    func tampering() throws {
        try withTemporaryDirectory { directory in
            try Sample.writeMixedJournal(in: directory)
            let bytes = try Snapshot.make(journalPath: directory + "/journal.jsonl", createdAt: Sample.time)
            let bodyStart = (bytes.firstIndex(of: 0x0A) ?? 0) + 1
            // A grade changed from 2 to 3, as someone editing the file might.
            var edited = bytes
            let digit = try #require(edited[bodyStart...].firstIndex(of: UInt8(ascii: "2")))
            edited[digit] = UInt8(ascii: "3")
            #expect(throws: SnapshotError.changed(file: "s", expectedBytes: bytes.count - bodyStart, actualBytes: bytes.count - bodyStart)) {
                try Snapshot.read(edited, file: "s")
            }
            let message = SnapshotError.changed(file: "s", expectedBytes: 10, actualBytes: 10).message
            #expect(message == "The snapshot s was changed or damaged after it was made: its SHA-256 check does not match. It was not opened. Ask for a fresh snapshot.")
            #expect(throws: SnapshotError.changed(file: "s", expectedBytes: bytes.count - bodyStart, actualBytes: bytes.count - bodyStart - 1)) {
                try Snapshot.read(Array(bytes.dropLast()), file: "s")
            }
            #expect(throws: SnapshotError.notASnapshot(file: "s")) { try Snapshot.read(Array(bytes[bodyStart...]), file: "s") }
            #expect(throws: SnapshotError.notASnapshot(file: "s")) { try Snapshot.read([], file: "s") }
            // A consistent header over a damaged journal part: the checksum matches, the line does not read.
            let damaged = Array(#"{"format":"isojournal","schemaVersion":1}"#.utf8) + [0x0A] + Array("not json\n".utf8)
            let forged = Snapshot.header(for: damaged, createdAt: Sample.time) + damaged
            #expect(throws: SnapshotError.journalDamaged(file: "s", line: 2, detail: "it is not valid JSON")) { try Snapshot.read(forged, file: "s") }
        }
    }

    @Test("the JSON report: the range's records with the file's own field names")
    func jsonReport() throws {
        try withTemporaryDirectory { directory in
            try Sample.writeMixedJournal(in: directory)
            let journal = try JournalStore(directory: directory, mode: .readOnly).journal
            let text = JSONReport.text(journal: journal, range: ReportRange(from: Sample.day, to: Sample.day), generatedAt: Sample.time) {
                EntryCodec.encodeLine($0)
            }
            let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(document["format"] as? String == "isojournal-report")
            #expect(document["from"] as? String == "2026-11-26" && document["to"] as? String == "2026-11-26")
            let records = try #require(document["records"] as? [[String: Any]])
            #expect(records.count == journal.entries(from: Sample.day, to: Sample.day).count)
            for record in records {
                #expect(Set(record.keys).isSubset(of: ["id", "rev", "kind", "recordedAt", "day", "at", "data", "reason"]))
                let line = try JSONSerialization.data(withJSONObject: record)
                let entry = try EntryCodec.decodeLine(line)
                #expect(journal.current(entry.id) == entry, "each record reads back as the journal's own")
            }
        }
    }

    @Test("the demo journal, recorded through the store batch by batch, opens read-only with every record")
    func demoThroughStore() throws {
        try withTemporaryDirectory { directory in
            let zone = TimeZone(identifier: "Europe/London")!
            let now = Timestamp.instant(of: Sample.day, minuteOfDay: 21 * 60, in: zone)
            let clock = TestClock()
            let store = try JournalStore(directory: directory, clock: clock.read)
            let batches = DemoJournal.batches(now: now, timeZone: zone)
            for batch in batches {
                clock.now = batch.recordedAt
                try store.record(batch.changes)
            }
            let reopened = try JournalStore(directory: directory, mode: .readOnly)
            #expect(reopened.journal.revisions.count == batches.reduce(0) { $0 + $1.changes.count })
            #expect(reopened.journal.revisions == store.journal.revisions)
            #expect(reopened.journal.revisions.first?.recordedAt == batches.first?.recordedAt)
            #expect(reopened.takeNotices().isEmpty)
        }
    }
}
