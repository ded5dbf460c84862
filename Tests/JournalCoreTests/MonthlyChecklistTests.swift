import Foundation
import Testing
@testable import JournalCore

/// Windows and items worked out by hand; the comments show the counting.
@Suite("Monthly checklist")
struct MonthlyChecklistTests {
    let t0 = Date(timeIntervalSince1970: 1_795_000_000)

    func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    func journal(start: String, category: CourseSettings.PatientCategory, extra: [(LocalDate, EntryID, EntryBody)] = [],
                 settings: ProgrammeSettings? = nil) -> Journal {
        var journal = Journal()
        func add(_ id: EntryID, _ d: LocalDate, _ body: EntryBody) {
            journal.apply(Entry(id: id, revision: journal.revisionNumber(of: id) + 1, recordedAt: t0, day: d, body: body))
        }
        let course = CourseSettings(startDate: day(start), patientCategory: category)
        add(CourseSettings.entryID, day(start), .course(course))
        add(DoseStep.entryID(startDate: day(start)), day(start), .doseStep(DoseStep(startDate: day(start), cycle: [[20, 20]])))
        if let settings { add(ProgrammeSettings.entryID, day(start), .programmeSettings(settings)) }
        for (d, id, body) in extra { add(id, d, body) }
        return journal
    }

    func pregnancyTest(_ date: String, _ outcome: LabResult.PregnancyOutcome = .negative) -> (LocalDate, EntryID, EntryBody) {
        (day(date), LabResult.entryID(day: day(date), test: .pregnancy), .labResult(.pregnancyTest(outcome)))
    }

    func tick(_ month: Int, _ item: String, on date: String) -> (LocalDate, EntryID, EntryBody) {
        (day(date), ChecklistTick.entryID(month: month, item: item), .checklistTick(ChecklistTick(month: month, item: item, done: true)))
    }

    func item(_ list: MonthlyChecklist, _ id: String) -> ChecklistItem { list.items.first { $0.id == id }! }

    @Test("the 7-day window opens on the specimen day and closes on Day 7 = Day 1 + 6")
    func sevenDayWindow() throws {
        // Course from Mon 2 Nov 2026; month 2 starts 2 Nov + 30 = 2 Dec, its 7-day look-back is 25 Nov – 1 Dec.
        // Specimen Fri 27 Nov is month 2's test → window 27 Nov – 3 Dec.
        let j = journal(start: "2026-11-02", category: .canGetPregnant, extra: [pregnancyTest("2026-11-27")])
        let list = try #require(MonthlyChecklist.build(journal: j, month: 2, today: day("2026-11-29")))
        #expect(list.month == 2)
        #expect(list.window == PickupWindow(opens: day("2026-11-27"), length: 7))
        #expect(list.window?.closes == day("2026-12-03"))
        #expect(item(list, "pregnancy-test").status == .done(day("2026-11-27")))
        #expect(item(list, "pickup-window").status == .due)
        #expect(item(list, "pickup-window").detail == "Day 3 of 7 — closes on 2026-12-03")
        // Day 6 and Day 7 say so plainly.
        let daySix = try #require(MonthlyChecklist.build(journal: j, month: 2, today: day("2026-12-02")))
        #expect(item(daySix, "pickup-window").detail == "Day 6 of 7 — closes tomorrow, 2026-12-03")
        let daySeven = try #require(MonthlyChecklist.build(journal: j, month: 2, today: day("2026-12-03")))
        #expect(item(daySeven, "pickup-window").detail == "Day 7 of 7 — closes TODAY")
    }

    @Test("across a month end and a leap day")
    func monthEndAndLeapDay() {
        // Specimen Sat 26 Feb 2028: 26, 27, 28, 29 Feb, 1, 2, 3 Mar → closes Fri 3 Mar 2028.
        let window = PickupWindow(opens: day("2028-02-26"), length: 7)
        #expect(window.closes == day("2028-03-03"))
        #expect(window.dayNumber(on: day("2028-02-29")) == 4)
        #expect(window.dayNumber(on: day("2028-03-04")) == nil)
        // In 2027 (no 29 Feb): 26 Feb + 6 = 4 Mar.
        #expect(PickupWindow(opens: day("2027-02-26"), length: 7).closes == day("2027-03-04"))
        // 31 Dec → 6 Jan across the year end.
        #expect(PickupWindow(opens: day("2026-12-31"), length: 7).closes == day("2027-01-06"))
    }

    @Test("the specimen's calendar day counts, even collected late in the evening")
    func lateEveningSpecimen() throws {
        // A test at 23:50 on 27 Nov in New York is 04:50 UTC on the 28th; the record's day is the local day.
        let zone = TimeZone(identifier: "America/New_York")!
        let collected = Timestamp.instant(of: day("2026-11-27"), minuteOfDay: 23 * 60 + 50, in: zone)
        #expect(Timestamp.localDate(of: collected, in: zone) == day("2026-11-27"))
        let j = journal(start: "2026-11-02", category: .canGetPregnant, extra: [pregnancyTest("2026-11-27")])
        let list = try #require(MonthlyChecklist.build(journal: j, month: 2, today: day("2026-11-27")))
        #expect(item(list, "pickup-window").detail == "Day 1 of 7 — closes on 2026-12-03")
    }

    @Test("a missed first window: 2021 rules make the next test wait 19 days, 2026 rules do not")
    func missedWindowRules() throws {
        // Month 1 of a course starting 2 Jul 2026, specimen 1 Jul: window 1–7 Jul, no pickup, today 9 Jul.
        let j2021 = journal(start: "2026-07-02", category: .canGetPregnant, extra: [pregnancyTest("2026-07-01")])
        let list2021 = try #require(MonthlyChecklist.build(journal: j2021, today: day("2026-07-09")))
        #expect(list2021.ruleSet.id == "us-ipledge-2021") // 2 Jul 2026 is before 8 Aug 2026
        #expect(item(list2021, "pickup-window").status == .missed)
        #expect(item(list2021, "pickup-window").detail == "closed on 2026-07-07 without a pickup")
        // 1 Jul + 19 days = 20 Jul.
        #expect(list2021.missedWindowAdvice?.contains("on or after 2026-07-20") == true)

        // The same, one month later in the calendar, falls under the 2026 modification (from 8 Aug 2026).
        let j2026 = journal(start: "2026-09-02", category: .canGetPregnant, extra: [pregnancyTest("2026-09-01")])
        let list2026 = try #require(MonthlyChecklist.build(journal: j2026, today: day("2026-09-09")))
        #expect(list2026.ruleSet.id == "us-ipledge-2026")
        #expect(list2026.missedWindowAdvice?.contains("new pregnancy test may be done at once") == true)
        #expect(list2026.missedWindowAdvice?.contains("19 days") == false)
    }

    @Test("the 2026 effective date is a setting; a rule set can be chosen by hand")
    func ruleSetChoice() throws {
        let postponed = ProgrammeSettings(effectiveFromOverrides: ["us-ipledge-2026": day("2027-01-01")])
        let j = journal(start: "2026-09-02", category: .canGetPregnant, settings: postponed)
        #expect(MonthlyChecklist.build(journal: j, today: day("2026-09-09"))?.ruleSet.id == "us-ipledge-2021")
        let generic = journal(start: "2026-09-02", category: .canGetPregnant, settings: ProgrammeSettings(ruleSetID: "generic"))
        let list = try #require(MonthlyChecklist.build(journal: generic, today: day("2026-09-09")))
        #expect(list.ruleSet.id == "generic")
        #expect(!list.items.contains { $0.id == "pickup-window" })
        #expect(!list.items.contains { $0.id == "programme-confirmation" })
    }

    @Test("cannot get pregnant: a 30-day window from the office visit, no pregnancy items")
    func thirtyDayWindow() throws {
        // Visit Tue 10 Nov 2026 (ticked): Day 1 = 10 Nov, Day 30 = 9 Dec.
        let j = journal(start: "2026-11-02", category: .cannotGetPregnant, extra: [tick(1, "prescriber-visit", on: "2026-11-10")])
        let list = try #require(MonthlyChecklist.build(journal: j, today: day("2026-11-26")))
        #expect(list.items.map(\.id) == ["pickup-window", "blood-draw", "prescriber-visit", "pickup", "mood-check"])
        #expect(list.window?.closes == day("2026-12-09"))
        #expect(item(list, "pickup-window").detail == "Day 17 of 30 — closes on 2026-12-09")
        #expect(item(list, "prescriber-visit").status == .done(day("2026-11-10")))
    }

    @Test("can get pregnant: every programme item, ticks and a pickup inside the window")
    func itemsAndTicks() throws {
        let j = journal(start: "2026-11-02", category: .canGetPregnant,
                        // Specimen 20 Nov (month 1 owns tests up to 2 Nov + 22 = 24 Nov): window 20 – 26 Nov.
                        extra: [pregnancyTest("2026-11-20"), tick(1, "contraception-1", on: "2026-11-27"),
                                tick(1, "contraception-2", on: "2026-11-27"), tick(1, "pickup", on: "2026-11-23")],
                        settings: ProgrammeSettings(contraceptionMethods: ["IUD", "condoms"]))
        let list = try #require(MonthlyChecklist.build(journal: j, today: day("2026-11-30")))
        #expect(list.items.map(\.id) == ["pregnancy-test", "pickup-window", "contraception-1", "contraception-2",
                                         "programme-confirmation", "blood-draw", "prescriber-visit", "pickup", "mood-check"])
        #expect(item(list, "contraception-1").title == "Contraception 1: IUD")
        #expect(item(list, "contraception-2").status == .done(day("2026-11-27")))
        #expect(item(list, "programme-confirmation").status == .due)
        #expect(item(list, "pickup-window").status == .done(day("2026-11-23")))
        #expect(item(list, "pickup-window").detail == "picked up on Day 4 of 7 (2026-11-23)")
        #expect(item(list, "blood-draw").status == .notApplicable)
        // After the month, what was not done is overdue.
        let later = try #require(MonthlyChecklist.build(journal: j, month: 1, today: day("2026-12-05")))
        #expect(item(later, "programme-confirmation").status == .overdue)
    }

    @Test("a positive pregnancy test is an alert, never just 'done'")
    func positiveTest() throws {
        let j = journal(start: "2026-11-02", category: .canGetPregnant, extra: [pregnancyTest("2026-11-27", .positive)])
        let list = try #require(MonthlyChecklist.build(journal: j, today: day("2026-11-28")))
        #expect(item(list, "pregnancy-test").status == .alarm)
        #expect(item(list, "pregnancy-test").detail.contains("stop taking isotretinoin and contact your prescriber at once"))
        #expect(list.window == nil)
    }

    @Test("course months are 30-day blocks")
    func months() {
        #expect(MonthlyChecklist.currentMonth(startDate: day("2026-11-02"), today: day("2026-12-01")) == 1)
        #expect(MonthlyChecklist.currentMonth(startDate: day("2026-11-02"), today: day("2026-12-02")) == 2)
        #expect(MonthlyChecklist.currentMonth(startDate: day("2026-11-02"), today: day("2026-10-01")) == 1)
        #expect(MonthlyChecklist.firstDay(ofMonth: 3, startDate: day("2026-11-02")) == day("2027-01-01"))
    }

    @Test("after the course: one calendar month for the test, contraception and blood; two for a new course")
    func afterCourse() {
        var j = journal(start: "2026-06-01", category: .canGetPregnant)
        var settings = j.courseRecords!.settings
        settings.lastDoseDate = day("2027-01-31")
        j.apply(Entry(id: CourseSettings.entryID, revision: 2, recordedAt: t0, day: settings.startDate, body: .course(settings)))
        let countdowns = AfterCourseCountdown.countdowns(journal: j, today: day("2027-02-10"))
        #expect(countdowns.map(\.id) == ["pregnancy-test-end", "pregnancy-test-after", "contraception-until", "blood-donation", "second-course"])
        // The end-of-course test is due on the last dose's day, 31 Jan.
        #expect(countdowns[0].date == day("2027-01-31"))
        // 31 Jan + 1 month = 28 Feb 2027 (February is shorter); + 2 months = 31 Mar.
        #expect(countdowns[1].date == day("2027-02-28"))
        #expect(countdowns[1].daysLeft == 18)
        #expect(countdowns[4].date == day("2027-03-31"))
        var cannot = journal(start: "2026-06-01", category: .cannotGetPregnant)
        var other = cannot.courseRecords!.settings
        other.lastDoseDate = day("2027-01-31")
        cannot.apply(Entry(id: CourseSettings.entryID, revision: 2, recordedAt: t0, day: other.startDate, body: .course(other)))
        #expect(AfterCourseCountdown.countdowns(journal: cannot, today: day("2027-02-10")).map(\.id) == ["blood-donation", "second-course"])
    }

    @Test("PHQ scoring, the step-up and the item-9 rule")
    func phq() {
        #expect(Questionnaire.questionCount(afterAnswers: [], stepUpAt: 3) == 2)
        #expect(Questionnaire.questionCount(afterAnswers: [1, 1], stepUpAt: 3) == 2)
        #expect(Questionnaire.questionCount(afterAnswers: [2, 1], stepUpAt: 3) == 9)
        let short = MoodCheck(answers: [1, 1])
        #expect(short.phq2Score == 2 && short.phq9Score == nil && !short.selfHarmAnswered)
        let full = MoodCheck(answers: [2, 1, 1, 1, 0, 0, 1, 0, 1])
        #expect(full.phq2Score == 3 && full.phq9Score == 7 && full.selfHarmAnswered)
        #expect(!MoodCheck(answers: [2, 2, 3, 3, 3, 3, 3, 3, 0]).selfHarmAnswered)
        #expect(Questionnaire.phq.items.count == 9)
        #expect(Questionnaire.phq.answers == ["Not at all", "Several days", "More than half the days", "Nearly every day"])
        #expect(ProgrammeRules.shipped.moodCheck.phq2StepUpAt == 3)
    }
}
