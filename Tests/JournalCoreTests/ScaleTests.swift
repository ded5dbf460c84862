import Foundation
import Testing
@testable import JournalCore

/// The synthetic journals used by `isojournal bench`, and the indexes that keep a large
/// journal fast: they must give exactly what walking every record gives.
@Suite("Journals at scale")
struct ScaleTests {
    let start = LocalDate(iso: "2026-01-05")!

    func byID(_ entries: [Entry]) -> [EntryID: Entry] {
        Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test("the generator is deterministic, sized as asked, numbered like a store, and has every shape")
    func generator() {
        let entries = SyntheticJournal.entries(count: 2000, seed: 3, start: start)
        #expect(entries.count == 2000)
        #expect(entries == SyntheticJournal.entries(count: 2000, seed: 3, start: start))
        #expect(entries != SyntheticJournal.entries(count: 2000, seed: 4, start: start))
        #expect(entries.first?.day == start)
        var latest: [EntryID: Int] = [:]
        for entry in entries {
            #expect(entry.revision == (latest[entry.id] ?? 0) + 1)
            latest[entry.id] = entry.revision
        }
        let kinds = Set(entries.compactMap(\.kind))
        for kind: EntryKind in [.course, .doseStep, .dose, .symptom, .weight, .labAppointment, .labResult, .checklistTick, .moodCheck] {
            #expect(kinds.contains(kind), "no \(kind)")
        }
        #expect(entries.contains { $0.isRetraction })
        #expect(entries.contains { $0.body != nil && $0.revision > 1 })
        let ending = SyntheticJournal.entries(count: 500, seed: 3, endingOn: start)
        #expect(ending.last?.day == start)
    }

    @Test("current records by kind equal a walk over every current record, through corrections, retractions and kind changes")
    func kindIndex() {
        var entries = SyntheticJournal.entries(count: 3000, seed: 11, start: start)
        let id = EntryID("shape-shifter")
        let t = Date(timeIntervalSince1970: 1_800_000_000)
        entries += [
            Entry(id: id, revision: 1, recordedAt: t, day: start, body: .weight(WeightMeasurement(value: 70, unit: .kilograms))),
            Entry(id: id, revision: 2, recordedAt: t, day: start, body: .unrecognized(kind: "future")),
            Entry(id: id, revision: 3, recordedAt: t, day: start, body: .moodCheck(MoodCheck(answers: [0, 1]))),
            Entry(id: id, revision: 4, recordedAt: t, day: start, body: nil),
            Entry(id: id, revision: 5, recordedAt: t, day: start, body: .symptom(SymptomRating(symptom: "rash", grade: 1))),
        ]
        var journal = Journal()
        for (index, entry) in entries.enumerated() {
            journal.apply(entry)
            guard index % 500 == 0 || index >= entries.count - 5 else { continue }
            for kind in EntryKind.allCases {
                let walked = journal.currentEntries.filter { $0.kind == kind }
                let indexed = journal.currentEntries(of: kind)
                #expect(indexed.count == walked.count, "\(kind) after \(index + 1) entries")
                #expect(byID(indexed) == byID(walked), "\(kind) after \(index + 1) entries")
            }
        }
    }

    @Test("course and lab records are worked out again after every change, and copies keep their own")
    func derivedRecords() throws {
        let entries = SyntheticJournal.entries(count: 1500, seed: 5, start: start)
        var journal = Journal(revisions: entries)
        let before = try #require(journal.courseRecords)
        let labsBefore = journal.labRecords
        let copy = journal
        let day = entries.last!.day.adding(days: 1)
        let t = Date(timeIntervalSince1970: 1_800_000_000)
        journal.apply(Entry(id: DoseIntake.entryID(day: day, slot: "morning"), revision: 1, recordedAt: t, day: day,
                            body: .dose(DoseIntake(slot: "morning", status: .taken, milligrams: 20, withFood: true))))
        journal.apply(Entry(id: LabResult.entryID(day: day, test: .alt), revision: 1, recordedAt: t, day: day,
                            body: .labResult(LabResult(test: .alt, value: 30, unit: .unitsPerLiter, upperLimitOfNormal: 40))))
        #expect(journal.courseRecords?.intakes[day]?["morning"] != nil)
        #expect(journal.labRecords.results.count == labsBefore.results.count + 1)
        #expect(copy.courseRecords == before)
        #expect(copy.courseRecords?.intakes[day] == nil)
        #expect(copy.labRecords.results.count == labsBefore.results.count)
        // The same answer as working it out from scratch.
        let fresh = Journal(revisions: journal.revisions)
        #expect(fresh.courseRecords == journal.courseRecords)
        #expect(fresh.labRecords.results.count == journal.labRecords.results.count)
    }
}

@Suite("Journals at scale: the timeline")
struct ScaleTimelineTests {
    @Test("the timeline kept beside a journal is the one built from scratch, and follows every change")
    func timeline() {
        let start = LocalDate(iso: "2026-01-05")!
        let zone = TimeZone(identifier: "UTC")!
        var journal = Journal(revisions: SyntheticJournal.entries(count: 800, seed: 9, start: start))
        let first = Timeline.build(journal: journal, timeZone: zone)
        #expect(first == Timeline.build(journal: journal, timeZone: zone, labs: journal.labRecords))
        #expect(Timeline.build(journal: journal, timeZone: zone) == first)
        let last = journal.revisions.last!
        journal.apply(Entry(id: last.id, revision: last.revision + 1, recordedAt: last.recordedAt, day: last.day, body: nil, reason: "test"))
        let after = Timeline.build(journal: journal, timeZone: zone)
        #expect(after != first)
        #expect(after == Timeline.build(journal: journal, timeZone: zone, labs: journal.labRecords))
    }
}

@Suite("Journals at scale: reminders kept beside the journal")
struct ScaleReminderTests {
    @Test("the kept reminders are the engine's, for each moment, and follow every change")
    func reminders() {
        let end = LocalDate(iso: "2026-11-26")!
        let zone = TimeZone(identifier: "UTC")!
        var journal = Journal(revisions: SyntheticJournal.entries(count: 900, seed: 2, endingOn: end))
        let morning = Timestamp.instant(of: end, minuteOfDay: 9 * 60, in: zone)
        let night = Timestamp.instant(of: end, minuteOfDay: 23 * 60, in: zone)
        for now in [morning, night, morning] {
            #expect(journal.reminders(now: now, timeZone: zone) == ReminderEngine.reminders(journal: journal, now: now, timeZone: zone))
        }
        #expect(journal.reminders(now: morning, timeZone: zone, horizon: 3 * 86_400)
                == ReminderEngine.reminders(journal: journal, now: morning, timeZone: zone, horizon: 3 * 86_400))
        let before = journal.reminders(now: morning, timeZone: zone)
        let due = before.first { $0.urgency.isDue }
        if let due {
            var state = ReminderState(reminder: due.id)
            state.dismissed = true
            journal.apply(Entry(id: ReminderState.entryID(reminder: due.id), revision: 1, recordedAt: morning, day: end,
                                body: .reminderState(state)))
            #expect(!journal.reminders(now: morning, timeZone: zone).contains { $0.id == due.id })
        }
        #expect(journal.reminders(now: morning, timeZone: zone) == ReminderEngine.reminders(journal: journal, now: morning, timeZone: zone))
    }
}
