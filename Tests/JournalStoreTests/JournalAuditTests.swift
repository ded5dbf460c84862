import Foundation
import JournalCore
@testable import JournalStore
import Testing

/// `check` on lines that each read but are odd together, and on dates after now.
@Suite("check: revision anomalies and future dates")
struct JournalAuditTests {
    static let header = #"{"format":"isojournal","schemaVersion":1,"createdAt":"2026-11-26T22:48:16Z"}"#

    static func symptom(_ rev: Int, day: String = "2026-11-20", id: String = "symptom-2026-11-20-headache") -> String {
        #"{"id":"\#(id)","rev":\#(rev),"kind":"symptom","recordedAt":"2026-11-26T22:48:16Z","day":"\#(day)","data":{"grade":1,"symptom":"headache"}}"#
    }

    static func examine(_ lines: [String]) -> JournalExamination {
        JournalExamination(Array(([header] + lines).map { $0 + "\n" }.joined().utf8))
    }

    @Test("a sound journal has nothing to point out")
    func sound() {
        let examination = Self.examine([Self.symptom(1), Self.symptom(2)])
        #expect(examination.isSound)
        #expect(examination.audit.remarks.isEmpty)
        #expect(examination.audit.future(now: Date(timeIntervalSince1970: 1_795_731_005), timeZone: .gmt).isEmpty)
    }

    @Test("two revision-1 lines, a revision going back, an id changing kind: each named by line")
    func anomalies() {
        let dose = #"{"id":"symptom-2026-11-20-headache","rev":3,"kind":"dose","recordedAt":"2026-11-26T22:48:16Z","day":"2026-11-20","data":{"milligrams":20,"slot":"morning","status":"taken"}}"#
        let examination = Self.examine([Self.symptom(1), Self.symptom(1), Self.symptom(4), Self.symptom(2), dose])
        #expect(examination.isSound) // not damage: every line reads
        let remarks = examination.audit.remarks
        #expect(remarks.map(\.line) == [3, 5, 6, 6])
        #expect(remarks[0].text.contains("revision 1 twice (also on line 2)"))
        #expect(remarks[1].text.contains("goes back from revision 4 (line 4) to 2"))
        #expect(remarks[3].text.contains("changes kind from symptom"))
    }

    @Test("a record dated more than a day after now is pointed out; tomorrow is not")
    func future() {
        let now = Date(timeIntervalSince1970: 1_795_731_005) // 2026-11-26T22:10:05Z
        let examination = Self.examine([Self.symptom(1, day: "2026-11-27", id: "a"), Self.symptom(1, day: "2027-03-01", id: "b")])
        let future = examination.audit.future(now: now, timeZone: .gmt)
        #expect(future.map(\.line) == [3])
        #expect(future.first?.text.contains("2027-03-01") == true)
    }
}
