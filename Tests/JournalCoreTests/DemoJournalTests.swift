import Foundation
import Testing
import JournalCore

@Suite("Demo journal")
struct DemoJournalTests {
    let zone = TimeZone(identifier: "Europe/London")!
    let now = Timestamp.instant(of: LocalDate(iso: "2026-11-26")!, minuteOfDay: 22 * 60, in: TimeZone(identifier: "Europe/London")!)

    func journal(_ batches: [DemoJournal.Batch]) -> Journal {
        var journal = Journal()
        for batch in batches {
            for change in batch.changes {
                journal.apply(change.entry(after: journal.revisionNumber(of: change.id), recordedAt: batch.recordedAt))
            }
        }
        return journal
    }

    @Test("the same moment and seed always give the same journal; another seed another one")
    func deterministic() {
        #expect(DemoJournal.batches(now: now, timeZone: zone) == DemoJournal.batches(now: now, timeZone: zone))
        #expect(DemoJournal.batches(now: now, timeZone: zone, seed: 1) != DemoJournal.batches(now: now, timeZone: zone))
    }

    @Test("a course in its third month, every record dated up to now, written in time order")
    func courseInThirdMonth() throws {
        let batches = DemoJournal.batches(now: now, timeZone: zone)
        #expect(batches.map(\.recordedAt) == batches.map(\.recordedAt).sorted())
        #expect(batches.allSatisfy { $0.recordedAt <= now })
        let journal = journal(batches)
        let records = try #require(journal.courseRecords)
        let progress = CourseProgress(records: records, now: now, timeZone: zone)
        #expect(progress.courseMonth == 3)
        #expect(progress.dayOfCourse == DemoJournal.courseDaysSoFar + 1)
        #expect(progress.cumulativeMgPerKg > 60 && progress.cumulativeMgPerKg < 90)
        #expect(progress.overall.skipped >= 1 && progress.overall.unrecorded >= 1, "a few misses: \(progress.overall)")
        #expect(Double(progress.overall.taken) / Double(progress.overall.planned) > 0.9)
    }

    @Test("symptoms rise then settle; one red flag, mood checks, a flagged lab, corrections")
    func contents() {
        let journal = journal(DemoJournal.batches(now: now, timeZone: zone))
        let today = Timestamp.localDate(of: now, in: zone)
        let start = today.adding(days: -DemoJournal.courseDaysSoFar)
        let lips = SymptomSeries(symptom: "chapped-lips", journal: journal)
        #expect(lips.direction(from: start, to: start.adding(days: 35)) == .rising)
        #expect(lips.direction(from: start.adding(days: 45), to: today) == .settling)
        let flags = journal.currentEntries.filter { $0.kind == .redFlag }
        #expect(flags.count == 1)
        #expect(journal.currentEntries.filter { $0.kind == .moodCheck }.count == 3)
        #expect(journal.labRecords.results.contains { ($0.highestFlag?.level ?? .noted) >= .tell })
        #expect(journal.revisions.contains { $0.isRetraction })
        #expect(journal.revisions.contains { $0.revision > 1 && !$0.isRetraction })
    }

    @Test("last month's checklist is complete and this month's is under way")
    func checklists() throws {
        let journal = journal(DemoJournal.batches(now: now, timeZone: zone))
        let today = Timestamp.localDate(of: now, in: zone)
        let done = { (item: ChecklistItem) -> Bool in if case .done = item.status { return true } else { return false } }
        let last = try #require(MonthlyChecklist.build(journal: journal, month: 2, today: today))
        #expect(last.items.allSatisfy(done), "\(last.items.filter { !done($0) }.map { "\($0.title): \($0.status.label)" })")
        let current = try #require(MonthlyChecklist.build(journal: journal, today: today))
        #expect(current.month == 3)
        #expect(current.items.contains(where: done))
        #expect(current.items.contains { $0.status.needsAttention })
    }

    @Test("any time of day, in any zone: nothing dated after now, still a third-month course",
          arguments: ["Europe/London", "Asia/Tokyo", "America/Los_Angeles"], [30, 7 * 60, 20 * 60 + 10, 23 * 60 + 59])
    func anyTime(zoneName: String, minute: Int) throws {
        let zone = TimeZone(identifier: zoneName)!
        let now = Timestamp.instant(of: LocalDate(iso: "2027-03-01")!, minuteOfDay: minute, in: zone)
        let batches = DemoJournal.batches(now: now, timeZone: zone)
        #expect(batches.allSatisfy { $0.recordedAt <= now })
        let journal = journal(batches)
        #expect(journal.currentEntries.allSatisfy { entry in entry.occurredAt.map { $0 <= now } ?? true })
        let progress = CourseProgress(records: try #require(journal.courseRecords), now: now, timeZone: zone)
        #expect(progress.courseMonth == 3)
    }
}
