import Foundation
import Testing
@testable import JournalCore

/// After a missed window: the wait only where the rule set applies it, what is needed next,
/// and no past date as a deadline or future date on an overdue item. Dates worked by hand.
@Suite("Missed prescription windows")
struct MissedWindowTests {
    let t0 = Date(timeIntervalSince1970: 1_795_000_000)
    func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    func journal(start: String, category: CourseSettings.PatientCategory = .canGetPregnant,
                 extra: [(LocalDate, EntryID, EntryBody)]) -> Journal {
        var journal = Journal()
        func add(_ id: EntryID, _ d: LocalDate, _ body: EntryBody) {
            journal.apply(Entry(id: id, revision: journal.revisionNumber(of: id) + 1, recordedAt: t0, day: d, body: body))
        }
        add(CourseSettings.entryID, day(start), .course(CourseSettings(startDate: day(start), patientCategory: category)))
        add(DoseStep.entryID(startDate: day(start)), day(start), .doseStep(DoseStep(startDate: day(start), cycle: [[20, 20]])))
        for (d, id, body) in extra { add(id, d, body) }
        return journal
    }

    func negativeTest(_ date: String) -> (LocalDate, EntryID, EntryBody) {
        (day(date), LabResult.entryID(day: day(date), test: .pregnancy), .labResult(.pregnancyTest(.negative)))
    }

    func item(_ list: MonthlyChecklist, _ id: String) -> ChecklistItem { list.items.first { $0.id == id }! }

    @Test("the rule data: 2021 waits 19 days for the first prescription only; 2026 never waits")
    func ruleData() throws {
        let rules = ProgrammeRules.shipped
        let r2021 = try #require(rules.ruleSet(id: "us-ipledge-2021")?.rules(for: .canGetPregnant))
        #expect(r2021.missedWindowWaitDays == 19)
        #expect(r2021.waitAppliesTo == "first-prescription")
        #expect(r2021.missedWindowWait(month: 1) == 19)
        #expect(r2021.missedWindowWait(month: 2) == nil)
        let r2026 = try #require(rules.ruleSet(id: "us-ipledge-2026")?.rules(for: .canGetPregnant))
        #expect(r2026.missedWindowWait(month: 1) == nil)
    }

    @Test("2021 rules, course month 2: no 19-day date; a new test may be done at once and the old test is not 'done'")
    func laterMonthUnder2021() throws {
        // Course from Mon 1 Jun 2026: month 2 = 1 Jun + 30 = Wed 1 Jul .. 1 Jul + 29 = 30 Jul (before 8 Aug: 2021 rules).
        // Specimen 1 Jul opens the window 1 Jul .. 1 Jul + 6 = 7 Jul; no pickup; today Thu 9 Jul.
        let j = journal(start: "2026-06-01", extra: [negativeTest("2026-07-01")])
        let list = try #require(MonthlyChecklist.build(journal: j, today: day("2026-07-09")))
        #expect(list.month == 2)
        #expect(list.ruleSet.id == "us-ipledge-2021")
        #expect(item(list, "pickup-window").status == .missed)
        let advice = try #require(list.missedWindowAdvice)
        #expect(advice.contains("may be done at once"), "\(advice)")
        #expect(!advice.contains("on or after"), "\(advice)")
        // 1 Jul + 19 = 20 Jul would be the first-prescription date: it must not appear.
        #expect(!advice.contains("2026-07-20"))
        let test = item(list, "pregnancy-test")
        #expect(test.status == .due)
        #expect(test.detail == "a new pregnancy test is needed; it may be done at once and opens a new window"
                + " (the window of the 2026-07-01 test closed on 2026-07-07 without a pickup)")
        let pickup = item(list, "pickup")
        #expect(pickup.status == .upcoming)
        #expect(!pickup.detail.contains("by 2026-07-07"), "a past date is never shown as due by")
        #expect(pickup.detail.hasPrefix("not picked up: a new pregnancy test is needed"))
        // The reminder says the same.
        let utc = TimeZone(identifier: "UTC")!
        let messages = ReminderEngine.reminders(journal: j, now: Timestamp.instant(of: day("2026-07-09"), minuteOfDay: 600, in: utc),
                                                timeZone: utc).map(\.message)
        #expect(messages.contains { $0.hasPrefix("Prescription window missed:") && $0.contains("may be done at once") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("Pregnancy test for month 2: a new pregnancy test is needed") }, "\(messages)")
    }

    @Test("2021 rules, course month 1: the next test waits 19 days, and says so until that day")
    func firstMonthUnder2021() throws {
        // Course from Thu 2 Jul 2026; specimen Wed 1 Jul (in month 1's 7-day look-back); window 1 .. 7 Jul; today 9 Jul.
        // 1 Jul + 19 days = Mon 20 Jul.
        let j = journal(start: "2026-07-02", extra: [negativeTest("2026-07-01")])
        let list = try #require(MonthlyChecklist.build(journal: j, today: day("2026-07-09")))
        #expect(list.missedWindowAdvice?.contains("on or after 2026-07-20") == true)
        #expect(item(list, "pregnancy-test").status == .upcoming)
        #expect(item(list, "pregnancy-test").detail.hasPrefix("a new pregnancy test is needed, on or after 2026-07-20"))
        // On 20 Jul the wait is over: due, and no date left to wait for.
        let later = try #require(MonthlyChecklist.build(journal: j, month: 1, today: day("2026-07-20")))
        #expect(item(later, "pregnancy-test").status == .due)
        #expect(item(later, "pregnancy-test").detail.hasPrefix("a new pregnancy test is needed; it may be done at once"))
        // A new negative test on 21 Jul opens a new window, 21 .. 27 Jul: done again.
        let retested = journal(start: "2026-07-02", extra: [negativeTest("2026-07-01"), negativeTest("2026-07-21")])
        let after = try #require(MonthlyChecklist.build(journal: retested, today: day("2026-07-22")))
        #expect(item(after, "pregnancy-test").status == .done(day("2026-07-21")))
        #expect(after.missedWindowAdvice == nil)
        #expect(item(after, "pickup").detail == "by 2026-07-27, when the window closes")
    }

    @Test("2021 rules, course month 1: a retest before the 19 days are over does not open a window")
    func earlyRetestUnder2021() throws {
        // Course from 2 Jul 2026; specimen 1 Jul, window 1 .. 7 Jul missed; 1 Jul + 19 = 20 Jul.
        // A retest on 12 Jul is too early under the rules: still waiting on 14 Jul.
        let early = journal(start: "2026-07-02", extra: [negativeTest("2026-07-01"), negativeTest("2026-07-12")])
        let waiting = try #require(MonthlyChecklist.build(journal: early, today: day("2026-07-14")))
        #expect(waiting.window == PickupWindow(opens: day("2026-07-01"), length: 7))
        #expect(item(waiting, "pregnancy-test").status == .upcoming)
        #expect(item(waiting, "pregnancy-test").detail.hasPrefix("a new pregnancy test is needed, on or after 2026-07-20"))
        // A retest on 20 Jul counts: window 20 .. 26 Jul, Day 2 of 7 on 21 Jul.
        let onTime = journal(start: "2026-07-02", extra: [negativeTest("2026-07-01"), negativeTest("2026-07-12"), negativeTest("2026-07-20")])
        let open = try #require(MonthlyChecklist.build(journal: onTime, today: day("2026-07-21")))
        #expect(item(open, "pregnancy-test").status == .done(day("2026-07-20")))
        #expect(item(open, "pickup-window").detail == "Day 2 of 7 — closes on 2026-07-26")
        // Under the 2026 rules (course from 2 Sep 2026) a retest 11 days later counts at once: 12 .. 18 Sep.
        let now = journal(start: "2026-09-02", extra: [negativeTest("2026-09-01"), negativeTest("2026-09-12")])
        let list2026 = try #require(MonthlyChecklist.build(journal: now, today: day("2026-09-13")))
        #expect(item(list2026, "pregnancy-test").status == .done(day("2026-09-12")))
        #expect(list2026.window?.closes == day("2026-09-18"))
    }

    @Test("2026 rules, course month 1: a new test at once")
    func firstMonthUnder2026() throws {
        // Course from 2 Sep 2026 (after 8 Aug 2026); specimen 1 Sep; window 1 .. 7 Sep; today 9 Sep.
        let j = journal(start: "2026-09-02", extra: [negativeTest("2026-09-01")])
        let list = try #require(MonthlyChecklist.build(journal: j, today: day("2026-09-09")))
        #expect(list.ruleSet.id == "us-ipledge-2026")
        #expect(list.missedWindowAdvice?.contains("may be done at once") == true)
        #expect(item(list, "pregnancy-test").status == .due)
    }

    @Test("a pickup still possible after the month ends is due by that date, never 'overdue — by <a future date>'")
    func noOverdueWithFutureDate() throws {
        // Cannot get pregnant, course from Mon 2 Nov 2026: month 1 = 2 Nov .. 1 Dec. Visit ticked Fri 20 Nov:
        // 30-day window 20 Nov .. 20 Nov + 29 = Sat 19 Dec. Looking back at month 1 on Thu 3 Dec:
        let j = journal(start: "2026-11-02", category: .cannotGetPregnant,
                        extra: [(day("2026-11-20"), ChecklistTick.entryID(month: 1, item: "prescriber-visit"),
                                 .checklistTick(ChecklistTick(month: 1, item: "prescriber-visit", done: true)))])
        let list = try #require(MonthlyChecklist.build(journal: j, month: 1, today: day("2026-12-03")))
        let pickup = item(list, "pickup")
        #expect(pickup.status == .due)
        #expect(pickup.detail == "by 2026-12-19, when the window closes")
        // Every overdue item of any month, any day, names no date after today.
        for today in ["2026-12-03", "2026-12-19", "2026-12-20", "2027-01-10"] {
            for month in 1...3 {
                let l = try #require(MonthlyChecklist.build(journal: j, month: month, today: day(today)))
                for item in l.items where item.status == .overdue {
                    let dates = item.detail.split(separator: " ").compactMap { LocalDate(iso: String($0.trimmingCharacters(in: .punctuationCharacters))) }
                    #expect(dates.allSatisfy { $0 <= day(today) }, "\(today) month \(month): \(item.title) \(item.detail)")
                }
            }
        }
    }
}
