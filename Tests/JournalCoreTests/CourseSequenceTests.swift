import Foundation
import Testing
@testable import JournalCore

/// Finishing a course on the right day, and a second course in the same journal. Dates by hand
/// in UTC: course 1 from Mon 2 Mar 2026, 20 + 20 mg, 50 kg (each 20 mg dose is 0.4 mg/kg).
@Suite("Courses in sequence: finish, then a second course")
struct CourseSequenceTests {
    let zone = TimeZone(identifier: "UTC")!
    func day(_ text: String) -> LocalDate { LocalDate(iso: "2026-" + text)! }
    func at(_ date: String, _ hour: Int) -> Date { Timestamp.instant(of: day(date), minuteOfDay: hour * 60, in: zone) }

    func apply(_ changes: [JournalChange], to journal: inout Journal, at time: Date) {
        for change in changes { journal.apply(change.entry(after: journal.revisionNumber(of: change.id), recordedAt: time)) }
    }

    func taken(_ date: String, _ slot: String, in journal: inout Journal) {
        let time = at(date, slot == "morning" ? 8 : 20)
        apply([DoseIntake(slot: slot, status: .taken, milligrams: 20, withFood: true).change(day: day(date), at: time, timeZone: zone)],
              to: &journal, at: time)
    }

    /// Course 1: 2 Mar – (doses 2–6 Mar, both slots) in the category that can get pregnant.
    func firstCourse() -> Journal {
        var journal = Journal()
        let start = day("03-02")
        apply([.put(CourseSettings.entryID, day: start, body: .course(CourseSettings(startDate: start, patientCategory: .canGetPregnant))),
               .put(DoseStep.entryID(startDate: start), day: start, body: .doseStep(DoseStep(startDate: start, cycle: [[20, 20]]))),
               .put(WeightMeasurement.entryID(day: start), day: start, body: .weight(WeightMeasurement(value: 50, unit: .kilograms)))],
              to: &journal, at: at("03-01", 19))
        for date in ["03-02", "03-03", "03-04", "03-05", "03-06"] {
            taken(date, "morning", in: &journal)
            taken(date, "evening", in: &journal)
        }
        return journal
    }

    @Test("finish before a dose recorded as taken is refused naming it; with --yes it ends on the last dose taken")
    func finishChecksRecords() throws {
        var journal = firstCourse()
        #expect(throws: CourseLifecycleProblem.dosesAfterFinish(days: [day("03-05"), day("03-06")])) {
            try CourseLifecycle.finish(journal: journal, lastDose: day("03-04"), acceptLaterDoses: false)
        }
        #expect(throws: CourseLifecycleProblem.finishBeforeStart(start: day("03-02"))) {
            try CourseLifecycle.finish(journal: journal, lastDose: day("03-01"), acceptLaterDoses: true)
        }
        let result = try CourseLifecycle.finish(journal: journal, lastDose: day("03-04"), acceptLaterDoses: true)
        #expect(result.lastDose == day("03-06"))
        apply(result.changes, to: &journal, at: at("03-08", 9))
        // The test a month after the last dose: 6 Mar + 1 month = 6 Apr (not 4 Apr).
        let countdowns = AfterCourseCountdown.countdowns(journal: journal, today: day("03-08"))
        #expect(countdowns.first { $0.id == "pregnancy-test-after" }?.date == day("04-06"))
    }

    @Test("a second course: its own numbers and months; the first keeps its own; the old countdowns close")
    func secondCourse() throws {
        var journal = firstCourse()
        apply(try CourseLifecycle.finish(journal: journal, lastDose: day("03-06"), acceptLaterDoses: false).changes,
              to: &journal, at: at("03-06", 21))
        // Not finished yet → refused; inside the course → refused; before the 2-month wait (6 Mar + 2 months = 6 May) → confirmation.
        var unfinished = firstCourse()
        #expect(throws: CourseLifecycleProblem.currentNotFinished(number: 1)) {
            try CourseLifecycle.start(.init(start: day("06-01")), journal: unfinished, confirmedEarly: true)
        }
        unfinished = journal
        #expect(throws: CourseLifecycleProblem.startsInsideCourse(number: 1, lastDose: day("03-06"))) {
            try CourseLifecycle.start(.init(start: day("03-06")), journal: unfinished, confirmedEarly: true)
        }
        #expect(throws: CourseLifecycleProblem.tooSoon(until: day("05-06"), rule: "A second course, if ever needed, not before a two-month break",
                                                       source: "isotretinoin label")) {
            try CourseLifecycle.start(.init(start: day("05-05")), journal: unfinished, confirmedEarly: false)
        }
        #expect(throws: Never.self) { try CourseLifecycle.start(.init(start: day("05-06")), journal: unfinished, confirmedEarly: false) }

        apply(try CourseLifecycle.start(.init(start: day("06-01"), planCycle: [[30, 30]], targetMgPerKg: 150), journal: journal,
                                        confirmedEarly: false), to: &journal, at: at("05-31", 19))
        taken("06-01", "morning", in: &journal)
        let second = try #require(journal.courseRecords)
        #expect(second.number == 2 && second.settings.startDate == day("06-01") && second.settings.lastDoseDate == nil)
        #expect(second.settings.targetMgPerKg == 150)
        #expect(second.plannedIntakes(on: day("06-01")).map(\.milligrams) == [30, 30], "the plan has a dose again")
        // Course 2's cumulative: one 20 mg dose at 50 kg = 0.4 mg/kg; course 1: ten doses = 200 mg = 4 mg/kg.
        let now = at("06-01", 12)
        let progress = CourseProgress(records: second, now: now, timeZone: zone)
        #expect(progress.cumulativeMilligrams == 20)
        #expect(abs(progress.cumulativeMgPerKg - 0.4) < 1e-9)
        #expect(progress.dayOfCourse == 1 && progress.courseMonth == 1)
        let first = try #require(journal.courseRecords(number: 1))
        #expect(first.settings.lastDoseDate == day("03-06") && first.nextCourseStart == day("06-01"))
        #expect(CourseProgress(records: first, now: now, timeZone: zone).cumulativeMilligrams == 200)
        // The old course's after-course test is not overdue: its countdowns closed with the new course.
        #expect(AfterCourseCountdown.countdowns(journal: journal, today: day("06-01")).isEmpty)
        #expect(!ReminderEngine.reminders(journal: journal, now: now, timeZone: zone).contains { $0.kind == .afterCourse })
        // The checklist's month 1 is course 2's first 30 days.
        #expect(MonthlyChecklist.build(journal: journal, today: day("06-01"))?.firstDay == day("06-01"))
        // The timeline says which course a day belongs to.
        let timeline = Timeline.build(journal: journal, timeZone: zone)
        #expect(timeline.first { $0.day == day("06-01") }?.courseText == " · course 2, day 1")
        #expect(timeline.first { $0.day == day("03-03") }?.courseText == " · course 1, day 2")
    }

    @Test("a course started in the evening expects nothing from that morning")
    func startTime() {
        var settings = CourseSettings(startDate: day("03-02"), patientCategory: .cannotGetPregnant)
        settings.startMinuteOfDay = 18 * 60
        let records = CourseRecords(settings: settings, steps: [DoseStep(startDate: day("03-02"), cycle: [[20, 20]])],
                                    weights: [(day: day("03-02"), kilograms: 50)])
        #expect(records.plannedIntakes(on: day("03-02")).map(\.slot.name) == ["evening"])
        #expect(records.plannedIntakes(on: day("03-03")).map(\.slot.name) == ["morning", "evening"])
        // 2 March at 21:00: only the 20:00 dose was due (the 08:00 one came before the start).
        #expect(CourseProgress(records: records, now: at("03-02", 21), timeZone: zone).overall.planned == 1)
    }

    @Test("the first mood check is due at the end of the first week (course day 7), not on day 1; a setting moves it")
    func firstMoodCheck() {
        var journal = firstCourse()
        func mood(_ date: String) -> Reminder? {
            ReminderEngine.reminders(journal: journal, now: at(date, 10), timeZone: zone).first { $0.kind == .moodCheck }
        }
        // Start Mon 2 Mar: day 7 is Sun 8 Mar.
        #expect(mood("03-02") == nil)
        #expect(mood("03-07")?.urgency == .upcoming)
        #expect(mood("03-08")?.urgency == .today)
        #expect(mood("03-09")?.urgency == .overdue)
        #expect(MonthlyChecklist.build(journal: journal, today: day("03-03"))?.items.first { $0.id == "mood-check" }?.status == .upcoming)
        apply([.put(ProgrammeSettings.entryID, day: day("03-02"), body: .programmeSettings(ProgrammeSettings(moodCheckIntervalDays: nil)))],
              to: &journal, at: at("03-02", 9))
        var settings = journal.programmeSettings
        settings.firstMoodCheckCourseDay = 3
        apply([.put(ProgrammeSettings.entryID, day: day("03-02"), body: .programmeSettings(settings))], to: &journal, at: at("03-02", 9))
        #expect(mood("03-04")?.urgency == .today)
    }
}
