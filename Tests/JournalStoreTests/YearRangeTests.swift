import Foundation
import JournalCore
@testable import JournalStore
import Testing

/// FORMAT.md allows years 0001–9999 in every time: the edges read, write back exactly, and show.
@Suite("The whole documented year range")
struct YearRangeTests {
    static let edges: [(recordedAt: String, at: String)] = [
        ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
        ("0001-01-01T00:00:00Z", "0001-01-01T04:00:00+05:00"),
        ("9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"),
        ("9999-12-31T23:59:59Z", "9999-12-31T23:59:59-05:00"),
    ]

    @Test("edge times read, are written back byte for byte, and are shown and reported without a crash")
    func edges() throws {
        for (recordedAt, at) in Self.edges {
            let day = String(at.prefix(10))
            let line = #"{"id":"dose-\#(day)-morning","rev":1,"kind":"dose","recordedAt":"\#(recordedAt)","day":"\#(day)","at":"\#(at)","data":{"milligrams":20,"slot":"morning","status":"taken","withFood":true}}"#
            let entry = try EntryCodec.decodeLine(Array(line.utf8))
            #expect(String(decoding: EntryCodec.encodeLine(entry), as: UTF8.self) == line + "\n")
            for zone in ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"] {
                _ = EntryDescription.line(entry, timeZone: TimeZone(identifier: zone)!)
            }
            var journal = Journal()
            journal.apply(entry)
            let range = ReportRange(from: LocalDate(iso: "0001-01-01")!, to: LocalDate(iso: "9999-12-31")!)
            _ = CSVReport.text(journal: journal, range: range, timeZone: TimeZone(identifier: "UTC")!)
        }
    }

    @Test("a time whose text would need year 0 or 10000 is still damage")
    func beyond() {
        for at in ["0000-12-31T23:59:59Z", "10000-01-01T00:00:00Z"] {
            let line = #"{"id":"x","rev":1,"kind":"dose","recordedAt":"\#(at)","day":"2026-11-26","data":{"milligrams":20,"slot":"morning","status":"taken"}}"#
            #expect(throws: EntryCodec.Problem.self) { try EntryCodec.decodeLine(Array(line.utf8)) }
        }
    }
}
