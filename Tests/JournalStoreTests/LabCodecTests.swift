import Foundation
import JournalCore
@testable import JournalStore
import Testing

/// The lab kinds on disk: exactly the lines FORMAT.md shows, round trips, and refusals.
@Suite("Lab records <-> lines")
struct LabCodecTests {
    let recorded = Date(timeIntervalSince1970: 1_795_731_005) // 2026-11-26T22:10:05Z
    let day = LocalDate(iso: "2026-11-26")!


    @Test("FORMAT.md's lab examples are read and written exactly as shown")
    func documentedExamples() throws {
        let lines = try formatDocumentLines(fence: "jsonl")
        #expect(lines.count == 6)
        var kinds: Set<String> = []
        for line in lines {
            let entry = try EntryCodec.decodeLine(Array(line.utf8))
            try EntryCodec.check(entry)
            kinds.insert(entry.body?.kindName ?? "")
            #expect(String(decoding: EntryCodec.encodeLine(entry), as: UTF8.self) == line + "\n")
        }
        #expect(kinds == ["lab-appointment", "lab-result", "lab-flag-settings"])
    }

    @Test("every lab body survives a round trip", arguments: [
        EntryBody.labResult(LabResult(test: .triglycerides, value: 6.2, unit: .millimolesPerLiter, fasting: true,
                                      note: "after the holidays", noticeShown: "Tell your prescriber.")),
        .labResult(.measured(.ast, 33.5, .unitsPerLiter, upperLimitOfNormal: 35)),
        .labResult(.pregnancyTest(.invalid, setting: .home)),
        .labAppointment(LabAppointment(what: .pregnancyTest, setting: .home, minuteOfDay: 0, note: "kit from pharmacy")),
        .labAppointment(LabAppointment(what: .lipids, minuteOfDay: 1439, status: .moved, movedTo: LocalDate(iso: "2026-12-01"))),
        .labAppointment(LabAppointment(what: .pharmacyPickup, status: .scheduled, movedFrom: LocalDate(iso: "2026-11-20"))),
        .labFlagSettings(LabFlagSettings()),
        .labFlagSettings(LabFlagSettings(limits: ["alt-tell": 2.5, "triglycerides-promptly": 1000], setBy: "me",
                                         preferredLipidUnit: .milligramsPerDeciliter)),
    ])
    func roundTrip(body: EntryBody) throws {
        let entry = Entry(id: EntryID("x"), revision: 1, recordedAt: recorded, day: day, body: body)
        try EntryCodec.check(entry)
        #expect(try EntryCodec.decodeLine(EntryCodec.encodeLine(entry)) == entry)
    }

    @Test("values JSON cannot hold are refused before writing")
    func nonFiniteRefused() {
        for body in [EntryBody.labResult(.measured(.ldl, .nan, .milligramsPerDeciliter)),
                     .labResult(.measured(.alt, 30, .unitsPerLiter, upperLimitOfNormal: .infinity)),
                     .labFlagSettings(LabFlagSettings(limits: ["triglycerides-tell": .nan])),
                     .labAppointment(LabAppointment(what: .liver, minuteOfDay: 1440))] {
            let entry = Entry(id: EntryID("x"), revision: 1, recordedAt: recorded, day: day, body: body)
            #expect(throws: EntryCodec.Problem.self) { try EntryCodec.check(entry) }
        }
    }

    @Test("a lab line with a wrong value is damage, reported by field", arguments: [
        (#""data":{"test":"cholesterol-ish","unit":"mg/dL","value":5}"#, "test"),
        (#""data":{"test":"ldl","unit":"furlongs","value":5}"#, "unit"),
        (#""data":{"test":"ldl","unit":"mg/dL","value":"five"}"#, "value"),
        (#""data":{"fasting":true,"status":"scheduled","time":"8:30","what":"lipids"}"#, "time"),
        (#""data":{"fasting":true,"status":"later","what":"lipids"}"#, "status"),
        (#""data":{"status":"scheduled","what":"lipids"}"#, "fasting"),
    ])
    func damaged(data: String, field: String) {
        let kind = data.contains("what") ? "lab-appointment" : "lab-result"
        let line = #"{"id":"x","rev":1,"kind":""# + kind + #"","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","# + data + "}"
        do {
            _ = try EntryCodec.decodeLine(Array(line.utf8))
            Issue.record("accepted \(line)")
        } catch {
            #expect(error.detail.contains(field), "\(error.detail)")
        }
    }
}
