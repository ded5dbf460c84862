import Foundation
import Testing
@testable import JournalCore

/// After the course, as the label has it: a pregnancy test at the end of the course and
/// another one month after the last dose, each done by its own test. Dates worked by hand.
@Suite("After the course: two pregnancy tests")
struct AfterCourseTests {
    let t0 = Date(timeIntervalSince1970: 1_795_000_000)
    let utc = TimeZone(identifier: "UTC")!
    func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    /// Can get pregnant, course 1 Jun 2026 .. last dose Sun 31 Jan 2027.
    func finished(tests: [String] = []) -> Journal {
        var journal = Journal()
        func add(_ id: EntryID, _ d: LocalDate, _ body: EntryBody) {
            journal.apply(Entry(id: id, revision: journal.revisionNumber(of: id) + 1, recordedAt: t0, day: d, body: body))
        }
        let start = day("2026-06-01")
        var settings = CourseSettings(startDate: start, patientCategory: .canGetPregnant)
        settings.lastDoseDate = day("2027-01-31")
        add(CourseSettings.entryID, start, .course(settings))
        add(DoseStep.entryID(startDate: start), start, .doseStep(DoseStep(startDate: start, cycle: [[20, 20]])))
        for test in tests { add(LabResult.entryID(day: day(test), test: .pregnancy), day(test), .labResult(.pregnancyTest(.negative))) }
        return journal
    }

    func countdown(_ j: Journal, _ id: String, today: String) -> AfterCourseCountdown {
        AfterCourseCountdown.countdowns(journal: j, today: day(today)).first { $0.id == id }!
    }

    @Test("both tests are counted down: the end of the course on 31 Jan, one month after on 31 Jan + 1 month = 28 Feb")
    func twoTests() {
        let j = finished()
        let end = countdown(j, "pregnancy-test-end", today: "2027-01-31")
        #expect(end.date == day("2027-01-31"))
        #expect(end.daysLeft == 0)
        #expect(end.isPregnancyTest && !end.isDone)
        let after = countdown(j, "pregnancy-test-after", today: "2027-01-31")
        #expect(after.date == day("2027-02-28"))
        #expect(after.daysLeft == 28)
    }

    @Test("each test counts once: 31 Jan − 7 = 24 Jan .. 27 Feb is the end test's, from 28 Feb the one-month test's")
    func eachTestCountsOnce() {
        // 30 Jan ticks the end test only.
        let j1 = finished(tests: ["2027-01-30"])
        #expect(countdown(j1, "pregnancy-test-end", today: "2027-02-01").isDone)
        #expect(!countdown(j1, "pregnancy-test-after", today: "2027-02-01").isDone)
        // 27 Feb is the day before the one-month date: still the end test's, not the one-month one.
        let j2 = finished(tests: ["2027-02-27"])
        #expect(countdown(j2, "pregnancy-test-end", today: "2027-03-01").isDone)
        #expect(!countdown(j2, "pregnancy-test-after", today: "2027-03-01").isDone)
        // 23 Jan is before 24 Jan: it was a monthly test, not the end-of-course one.
        let j3 = finished(tests: ["2027-01-23"])
        #expect(!countdown(j3, "pregnancy-test-end", today: "2027-02-01").isDone)
        // 30 Jan and 28 Feb: both done.
        let both = finished(tests: ["2027-01-30", "2027-02-28"])
        #expect(countdown(both, "pregnancy-test-end", today: "2027-03-01").isDone)
        #expect(countdown(both, "pregnancy-test-after", today: "2027-03-01").isDone)
    }

    @Test("the end test reminds from the last dose's day and is overdue after it until done; the calendar lists it")
    func remindersAndCalendar() {
        let j = finished()
        func reminder(_ d: String, in journal: Journal) -> Reminder? {
            ReminderEngine.reminders(journal: journal, now: Timestamp.instant(of: day(d), minuteOfDay: 10 * 60, in: utc), timeZone: utc)
                .first { $0.id == "after-pregnancy-test-end" }
        }
        #expect(reminder("2027-01-31", in: j)?.urgency == .today)
        #expect(reminder("2027-01-31", in: j)?.message == "Pregnancy test at the end of the course: from 2027-01-31")
        // Still asked for 10 days later (tests stay until done, unlike the other countdowns).
        #expect(reminder("2027-02-10", in: j)?.urgency == .overdue)
        #expect(reminder("2027-02-10", in: finished(tests: ["2027-02-01"])) == nil)
        let ics = CalendarExport.ics(journal: j, now: Timestamp.instant(of: day("2027-01-31"), minuteOfDay: 8 * 60, in: utc),
                                     timeZone: utc, days: 10)
        #expect(ics.contains("UID:after-pregnancy-test-end@isojournal"))
        #expect(ics.contains("UID:after-pregnancy-test-after@isojournal"))
    }
}
