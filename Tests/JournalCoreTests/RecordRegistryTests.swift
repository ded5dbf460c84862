import Foundation
import Testing
import JournalCore

/// The record-kind registry: each kind's declarations agree with the kind they are filed under,
/// and every path that reads a record (description, CSV, notes, group, alert) goes through them.
@Suite("Record kinds: one registry")
struct RecordRegistryTests {
    let zone = TimeZone(identifier: "Europe/London")!
    let now = Timestamp.instant(of: LocalDate(iso: "2026-11-26")!, minuteOfDay: 22 * 60, in: TimeZone(identifier: "Europe/London")!)

    @Test("every kind's payload type names that kind, and a group other than 'other'")
    func payloadTypesNameTheirKind() {
        for kind in EntryKind.allCases {
            #expect(kind.payloadType.kind == kind, "\(kind)")
            #expect(kind.group != .other, "\(kind)")
            #expect(RecordGroup.of(kind) == kind.group)
        }
        #expect(RecordGroup.of(nil) == .other)
    }

    @Test("every record of the demo journal: its payload names its kind and it has words and a CSV row")
    func demoRecordsGoThroughTheRegistry() throws {
        var journal = Journal()
        for batch in DemoJournal.batches(now: now, timeZone: zone) {
            for change in batch.changes {
                journal.apply(change.entry(after: journal.revisionNumber(of: change.id), recordedAt: batch.recordedAt))
            }
        }
        var seen = Set<EntryKind>()
        for entry in journal.entries(from: LocalDate(iso: "2000-01-01")!, to: LocalDate(iso: "2100-01-01")!) {
            let body = try #require(entry.body)
            let payload = try #require(body.payload)
            #expect(type(of: payload).kind == body.kind)
            #expect(payload.body == body, "a payload wraps back into the same body")
            #expect(!EntryDescription.line(entry, timeZone: zone).isEmpty)
            #expect(payload.implausibility == nil, "\(entry.id)")
            seen.insert(type(of: payload).kind)
        }
        // The demo covers the kinds a patient makes day to day.
        for kind in [EntryKind.symptom, .dose, .course, .doseStep, .labResult, .labAppointment, .moodCheck, .checklistTick] {
            #expect(seen.contains(kind), "\(kind)")
        }
    }

    @Test("a kind's own declarations decide its alert, notes and CSV fields")
    func declarationsDecide() {
        let day = LocalDate(iso: "2026-11-20")!
        let skipped = Entry(id: EntryID("dose-x"), revision: 1, recordedAt: now, day: day,
                            body: .dose(DoseIntake(slot: "morning", status: .skipped, milligrams: nil, withFood: nil)))
        #expect(RecordAlert.of(skipped, labs: Journal().labRecords)?.label == "skipped")
        let pause = Entry(id: EntryID("pause-x"), revision: 1, recordedAt: now, day: day,
                          body: .pause(CoursePause(startDate: day, endDate: nil, reason: "exams")))
        #expect(RecordNotes.of(pause) == ["exams"])
        #expect(pause.body?.payload?.subject == "Pause")
        let newer = Entry(id: EntryID("x"), revision: 1, recordedAt: now, day: day, body: .unrecognized(kind: "telepathy"))
        #expect(newer.body?.payload == nil)
        #expect(RecordNotes.of(newer).isEmpty)
        #expect(EntryDescription.line(newer, timeZone: zone).contains("newer IsoJournal"))
    }
}
