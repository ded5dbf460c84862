import Foundation
import Testing
@testable import JournalCore

/// The course's state machine: a stop event puts it on hold, the prescriber's decision ends the
/// hold (continue, pause, stop), and nothing prompts a dose in between. Dates worked by hand in
/// Berlin: the course starts Mon 2 Nov 2026, 20 + 20 mg at 08:00 and 20:00, 50 kg.
@Suite("Course holds and the prescriber's decision")
struct CourseHoldTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    let zone = CourseHoldTests.berlin

    static func day(_ text: String) -> LocalDate { LocalDate(iso: "2026-" + text)! }
    static func at(_ date: String, _ hour: Int, _ minute: Int = 0) -> Date {
        Timestamp.instant(of: day(date), minuteOfDay: hour * 60 + minute, in: berlin)
    }
    func day(_ text: String) -> LocalDate { Self.day(text) }
    func at(_ date: String, _ hour: Int, _ minute: Int = 0) -> Date { Self.at(date, hour, minute) }

    /// A journal with the course set up the evening before it starts.
    struct Builder {
        var journal = Journal()

        init(category: CourseSettings.PatientCategory = .cannotGetPregnant) {
            let start = CourseHoldTests.day("11-02")
            let written = CourseHoldTests.at("11-01", 19)
            put(CourseSettings.entryID, start, .course(CourseSettings(startDate: start, patientCategory: category)), written)
            put(DoseStep.entryID(startDate: start), start, .doseStep(DoseStep(startDate: start, cycle: [[20, 20]])), written)
            put(WeightMeasurement.entryID(day: start), start, .weight(WeightMeasurement(value: 50, unit: .kilograms)), written)
            put(ProgrammeSettings.entryID, start, .programmeSettings(ProgrammeSettings(ruleSetID: "generic")), written)
        }

        mutating func put(_ id: EntryID, _ day: LocalDate, _ body: EntryBody?, _ written: Date) {
            journal.apply(Entry(id: id, revision: journal.revisionNumber(of: id) + 1, recordedAt: written, day: day, body: body))
        }

        mutating func apply(_ changes: [JournalChange], written: Date) {
            for change in changes { journal.apply(change.entry(after: journal.revisionNumber(of: change.id), recordedAt: written)) }
        }

        mutating func redFlag(_ flag: String, on date: String, at time: Date) {
            put(RedFlagReport.entryID(day: CourseHoldTests.day(date), flag: flag), CourseHoldTests.day(date),
                .redFlag(RedFlagReport(flag: flag, noticeShown: "STOP", acknowledgedAt: time)), time)
        }

        mutating func lab(_ result: LabResult, on date: String, written: Date) {
            put(LabResult.entryID(day: CourseHoldTests.day(date), test: result.test), CourseHoldTests.day(date), .labResult(result), written)
        }

        mutating func taken(_ date: String, _ slot: String) {
            let d = CourseHoldTests.day(date)
            let time = CourseHoldTests.at(date, slot == "morning" ? 8 : 20, 5)
            apply([DoseIntake(slot: slot, status: .taken, milligrams: 20, withFood: true).change(day: d, at: time, timeZone: CourseHoldTests.berlin)],
                  written: time)
        }

        mutating func decide(_ outcome: PrescriberDecision.Outcome, at time: Date, from: LocalDate? = nil, to: LocalDate? = nil,
                             now: Date? = nil) throws {
            let request = PrescriberDecisionAction.Request(outcome: outcome, decidedBy: "Dr Rao", decidedAt: time, pauseFrom: from, pauseTo: to)
            apply(try PrescriberDecisionAction.changes(for: request, in: journal, now: now ?? time, zone: CourseHoldTests.berlin),
                  written: now ?? time)
        }
    }

    func state(_ journal: Journal, _ now: Date) -> CourseState { journal.courseRecords!.state(at: now, zone: zone) }
    func expected(_ journal: Journal, _ date: String) -> [String] {
        journal.courseRecords!.expectedIntakes(on: day(date), zone: zone).map(\.slot.name)
    }
    func doseReminders(_ journal: Journal, _ now: Date) -> [Reminder] {
        ReminderEngine.reminders(journal: journal, now: now, timeZone: zone, horizon: 48 * 3600).filter { $0.kind == .dose }
    }

    // MARK: what puts a course on hold

    @Test("a positive pregnancy test holds the course in both categories, from the time it was recorded")
    func positiveTest() throws {
        for category in CourseSettings.PatientCategory.allCases {
            var b = Builder(category: category)
            b.lab(.pregnancyTest(.positive), on: "11-10", written: at("11-10", 11, 30))
            #expect(state(b.journal, at("11-10", 11, 29)) == .active, "\(category): before it was recorded")
            guard case .onHold(let hold) = state(b.journal, at("11-10", 11, 30)) else {
                Issue.record("\(category): not on hold")
                continue
            }
            #expect(hold.since == at("11-10", 11, 30))
            #expect(hold.events.map(\.ruleID) == ["positive-pregnancy-test"])
            // The evening dose and every later one are not expected; the morning one was.
            #expect(expected(b.journal, "11-10") == ["morning"])
            #expect(expected(b.journal, "11-11").isEmpty)
            #expect(expected(b.journal, "12-25").isEmpty, "an open hold lasts until the decision")
        }
    }

    @Test("red flags, self-harm answers and 'contact promptly' labs hold; 'tell your prescriber' labs do not")
    func whatHolds() {
        for flag in ["raised-pressure-headache", "mood-self-harm", "bowel", "pancreas-liver", "hearing", "severe-skin"] {
            var b = Builder()
            b.redFlag(flag, on: "11-05", at: at("11-05", 21))
            #expect(state(b.journal, at("11-05", 21, 1)).isOnHold, "\(flag)")
        }
        var mood = Builder()
        mood.put(MoodCheck.entryID(day: day("11-05")), day("11-05"), .moodCheck(MoodCheck(answers: [1, 1, 0, 0, 0, 0, 0, 0, 1])), at("11-05", 21))
        #expect(state(mood.journal, at("11-05", 22)).isOnHold)
        var noSelfHarm = Builder()
        noSelfHarm.put(MoodCheck.entryID(day: day("11-05")), day("11-05"), .moodCheck(MoodCheck(answers: [3, 3, 3, 3, 3, 3, 3, 3, 0])), at("11-05", 21))
        #expect(state(noSelfHarm.journal, at("11-05", 22)) == .active, "a high PHQ-9 without item 9 asks to tell, not to stop")
        // Triglycerides: 850 mg/dL is above the label's 800 (contact promptly) → hold; 600 is only "tell".
        var high = Builder()
        high.lab(.measured(.triglycerides, 850, .milligramsPerDeciliter), on: "11-05", written: at("11-06", 9))
        #expect(state(high.journal, at("11-06", 9, 1)).isOnHold)
        var tell = Builder()
        tell.lab(.measured(.triglycerides, 600, .milligramsPerDeciliter), on: "11-05", written: at("11-06", 9))
        tell.lab(.measured(.alt, 150, .unitsPerLiter, upperLimitOfNormal: 40), on: "11-05", written: at("11-06", 9))
        #expect(state(tell.journal, at("11-06", 10)) == .active)
        // 9.1 mmol/L is 806 mg/dL (× 88.57): above 800, so it holds too.
        var mmol = Builder()
        mmol.lab(.measured(.triglycerides, 9.1, .millimolesPerLiter), on: "11-05", written: at("11-06", 9))
        #expect(state(mmol.journal, at("11-06", 10)).isOnHold)
    }

    @Test("pregnancy risks (late period, sex without two methods, stopping one) hold only for those who can get pregnant")
    func pregnancyRisks() {
        for flag in ["late-period", "unprotected-sex", "stopped-contraception"] {
            var can = Builder(category: .canGetPregnant)
            can.redFlag(flag, on: "11-05", at: at("11-05", 9))
            #expect(state(can.journal, at("11-05", 10)).isOnHold, "\(flag)")
            var cannot = Builder(category: .cannotGetPregnant)
            cannot.redFlag(flag, on: "11-05", at: at("11-05", 9))
            #expect(state(cannot.journal, at("11-05", 10)) == .active, "\(flag) is not a stop event for this category")
        }
    }

    @Test("a withdrawn positive test (entered by mistake) ends the hold it caused")
    func withdrawn() {
        var b = Builder()
        b.lab(.pregnancyTest(.positive), on: "11-10", written: at("11-10", 11))
        #expect(state(b.journal, at("11-10", 12)).isOnHold)
        b.put(LabResult.entryID(day: day("11-10"), test: .pregnancy), day("11-10"), nil, at("11-10", 12))
        #expect(state(b.journal, at("11-10", 13)) == .active)
    }

    // MARK: the decision

    @Test("continue: the hold ends at the decision and doses resume from the next slot")
    func continueResumes() throws {
        var b = Builder()
        b.redFlag("hearing", on: "11-10", at: at("11-10", 7))
        // Decided 19:59: the 20:00 evening dose is expected again; the morning one (08:00) fell in the hold.
        var early = b
        try early.decide(.continueCourse, at: at("11-10", 19, 59))
        #expect(state(early.journal, at("11-10", 20)) == .active)
        #expect(expected(early.journal, "11-10") == ["evening"])
        // Decided 20:01: the evening dose had already fallen in the hold.
        var late = b
        try late.decide(.continueCourse, at: at("11-10", 20, 1))
        #expect(expected(late.journal, "11-10").isEmpty)
        #expect(expected(late.journal, "11-11") == ["morning", "evening"])
        // The decision names the event it answers and is kept in the history.
        let decision = try #require(late.journal.prescriberDecisions.first)
        #expect(decision.resolves == [RedFlagReport.entryID(day: day("11-10"), flag: "hearing")])
        #expect(decision.decidedBy == "Dr Rao")
    }

    @Test("a decision just before or after midnight: the next morning's dose follows it")
    func aroundMidnight() throws {
        var b = Builder()
        b.redFlag("hearing", on: "11-10", at: at("11-10", 21))
        var beforeMidnight = b
        try beforeMidnight.decide(.continueCourse, at: at("11-10", 23, 59))
        #expect(expected(beforeMidnight.journal, "11-11") == ["morning", "evening"])
        var afterMidnight = b
        try afterMidnight.decide(.continueCourse, at: at("11-11", 0, 1))
        #expect(expected(afterMidnight.journal, "11-11") == ["morning", "evening"])
        #expect(afterMidnight.journal.prescriberDecisions.first.map { Timestamp.localDate(of: $0.decidedAt, in: zone) } == day("11-11"))
        var afterMorning = b
        try afterMorning.decide(.continueCourse, at: at("11-11", 8, 30))
        #expect(expected(afterMorning.journal, "11-11") == ["evening"])
    }

    @Test("hold, then pause, then continue: no dose is expected until the continue, and none is counted missed")
    func holdPauseContinue() throws {
        var b = Builder()
        b.taken("11-10", "morning")
        b.redFlag("severe-skin", on: "11-10", at: at("11-10", 12))
        try b.decide(.pause, at: at("11-10", 16), from: day("11-10"))
        guard case .paused(let pause) = state(b.journal, at("11-12", 9)) else {
            Issue.record("not paused: \(state(b.journal, at("11-12", 9)))")
            return
        }
        #expect(pause.startDate == day("11-10") && pause.endDate == nil)
        #expect(doseReminders(b.journal, at("11-12", 21)).isEmpty)
        // Continue on Sun 15 Nov at 12:00: the pause ends that day, the evening dose is expected.
        try b.decide(.continueCourse, at: at("11-15", 12), now: at("11-15", 12))
        #expect(state(b.journal, at("11-15", 12, 1)) == .active)
        #expect(expected(b.journal, "11-15") == ["evening"])
        #expect(b.journal.courseRecords!.pauses.first?.endDate == day("11-15"))
        // Adherence 2–16 Nov at 21:00 on the 16th: 8 days × 2 (2–9 Nov) + the 15th's evening + the
        // 16th's two = 19 expected. The pause covers the whole of the 10th (day by day), so the
        // morning dose taken before the red flag is not an expected intake; it still counts in the mg.
        let progress = CourseProgress(records: b.journal.courseRecords!, now: at("11-16", 21), timeZone: zone)
        #expect(progress.overall.planned == 19)
        #expect(progress.overall.taken == 0)
        #expect(progress.cumulativeMilligrams == 20)
    }

    @Test("a hold across a course-month boundary: neither month counts the held intakes as missed")
    func acrossMonths() throws {
        var b = Builder()
        // Course month 1 is the 30 days 2 Nov – 1 Dec; month 2 starts 2 Dec.
        b.redFlag("bowel", on: "11-30", at: at("11-30", 9))
        try b.decide(.continueCourse, at: at("12-03", 9), now: at("12-03", 9))
        let months = CourseSeries.adherenceByMonth(b.journal.courseRecords!, now: at("12-04", 23), timeZone: zone)
        // Month 1: 28 days × 2 (2–29 Nov) + 30 Nov morning (08:00, before 09:00) = 57; 1 Dec is day 30 → held.
        #expect(months.first?.adherence.planned == 57)
        // Month 2 (2–4 Dec): 2 Dec held, 3 Dec evening, 4 Dec both = 3.
        #expect(months.last?.adherence.planned == 3)
    }

    @Test("stop: the course finishes on the last dose taken, and the after-course dates count from it")
    func stop() throws {
        var b = Builder(category: .canGetPregnant)
        b.taken("11-09", "evening")
        b.lab(.pregnancyTest(.positive), on: "11-10", written: at("11-10", 11))
        try b.decide(.stop, at: at("11-10", 15))
        #expect(state(b.journal, at("11-10", 16)) == .finished(lastDose: day("11-09")))
        #expect(b.journal.courseRecords?.settings.lastDoseDate == day("11-09"))
        let countdowns = AfterCourseCountdown.countdowns(journal: b.journal, today: day("11-10"))
        #expect(countdowns.first { $0.id == "pregnancy-test-after" }?.date == day("12-09"))
        #expect(doseReminders(b.journal, at("11-11", 9)).isEmpty)
    }

    @Test("a decision with nothing on hold, before the hold, in the future, or a pause ending before it starts is refused")
    func refusals() {
        var b = Builder()
        #expect(throws: PrescriberDecisionProblem.nothingToDecide(stateName: "active")) {
            try b.decide(.continueCourse, at: at("11-05", 9))
        }
        b.redFlag("hearing", on: "11-05", at: at("11-05", 9))
        #expect(throws: PrescriberDecisionProblem.beforeHold(since: at("11-05", 9))) {
            try b.decide(.continueCourse, at: at("11-05", 8), now: at("11-05", 10))
        }
        #expect(throws: PrescriberDecisionProblem.inTheFuture) {
            try b.decide(.continueCourse, at: at("11-05", 12), now: at("11-05", 10))
        }
        #expect(throws: PrescriberDecisionProblem.pauseEndsBeforeStart) {
            try b.decide(.pause, at: at("11-05", 10), from: day("11-06"), to: day("11-05"))
        }
        #expect(b.journal.prescriberDecisions.isEmpty)
    }

    // MARK: every surface

    @Test("no dose reminder at any half hour of a hold or a pause; the stop alert leads and cannot be hidden")
    func remindersObeyHold() throws {
        var b = Builder()
        b.redFlag("hearing", on: "11-10", at: at("11-10", 7, 30))
        var now = at("11-10", 7, 30)
        while now < at("11-13", 0) {
            let all = ReminderEngine.reminders(journal: b.journal, now: now, timeZone: zone, horizon: 48 * 3600)
            #expect(all.filter { $0.kind == .dose }.isEmpty, "a dose reminder at \(now)")
            #expect(all.first?.kind == .stopAlert && all.first?.urgency == .alarm)
            now = now.addingTimeInterval(1800)
        }
        // A dismissal or a snooze of the stop alert hides nothing.
        let id = try #require(ReminderEngine.reminders(journal: b.journal, now: at("11-10", 9), timeZone: zone).first?.id)
        b.put(ReminderState.entryID(reminder: id), day("11-10"),
              .reminderState(ReminderState(reminder: id, snoozedUntil: at("11-11", 9), dismissed: true)), at("11-10", 9))
        #expect(ReminderEngine.reminders(journal: b.journal, now: at("11-10", 10), timeZone: zone).first?.id == id)
        // Paused days are as quiet.
        try b.decide(.pause, at: at("11-12", 10), from: day("11-12"), to: day("11-14"), now: at("11-12", 10))
        now = at("11-12", 10)
        while now < at("11-15", 0) {
            #expect(doseReminders(b.journal, now).filter { Timestamp.localDate(of: $0.due, in: zone) <= day("11-14") }.isEmpty)
            now = now.addingTimeInterval(1800)
        }
        #expect(doseReminders(b.journal, at("11-15", 8, 30)).map(\.id).prefix(2) == ["dose-2026-11-15-morning", "dose-2026-11-15-evening"])
    }

    @Test("projections say nothing while on hold; adherence does not count held intakes")
    func progressOnHold() {
        var b = Builder()
        b.taken("11-02", "morning")
        b.redFlag("hearing", on: "11-02", at: at("11-02", 12))
        let progress = CourseProgress(records: b.journal.courseRecords!, now: at("11-09", 12), timeZone: zone)
        #expect(progress.state.isOnHold)
        #expect(progress.projectedFinishAtRecentIntake == nil && progress.projectedFinishAtPlannedDose == nil)
        #expect(progress.overall.planned == 1 && progress.overall.taken == 1)
    }

    @Test("notifications: once when due, again on a change of urgency or when a snooze ends; a stop alert until acknowledged")
    func notificationPolicy() {
        let due = Reminder(id: "dose-x", kind: .dose, due: at("11-10", 8), urgency: .dueNow, message: "")
        let overdue = Reminder(id: "dose-x", kind: .dose, due: at("11-10", 8), urgency: .overdue, message: "")
        #expect(NotificationPolicy.shouldSend(due, state: nil, now: at("11-10", 8)))
        let sent = ReminderState(reminder: "dose-x", notifiedAt: at("11-10", 8), notifiedUrgency: "due now")
        #expect(!NotificationPolicy.shouldSend(due, state: sent, now: at("11-10", 8, 30)))
        #expect(NotificationPolicy.shouldSend(overdue, state: sent, now: at("11-10", 9, 1)))
        var snoozed = sent
        snoozed.snoozedUntil = at("11-10", 8, 45)
        #expect(!NotificationPolicy.shouldSend(due, state: snoozed, now: at("11-10", 8, 44)))
        #expect(NotificationPolicy.shouldSend(due, state: snoozed, now: at("11-10", 8, 45)))
        let upcoming = Reminder(id: "dose-y", kind: .dose, due: at("11-10", 20), urgency: .today, message: "")
        #expect(!NotificationPolicy.shouldSend(upcoming, state: nil, now: at("11-10", 9)))
        let stop = Reminder(id: "hold-1", kind: .stopAlert, due: at("11-10", 7), urgency: .alarm, message: "")
        var stopSent = ReminderState(reminder: "hold-1", notifiedAt: at("11-10", 7), notifiedUrgency: "stop")
        #expect(NotificationPolicy.shouldSend(stop, state: stopSent, now: at("11-10", 7, 5)))
        stopSent.acknowledgedAt = at("11-10", 7, 10)
        #expect(!NotificationPolicy.shouldSend(stop, state: stopSent, now: at("11-10", 7, 15)))
    }

    @Test("calendar: held and paused intakes are left out (EXDATE, a shorter series), a series with none left is cancelled")
    func calendar() throws {
        var b = Builder()
        let before = CalendarExport.ics(journal: b.journal, now: at("11-10", 9), timeZone: zone, days: 10)
        #expect(before.contains("RRULE:FREQ=DAILY;INTERVAL=1;COUNT=11"))
        #expect(!before.contains("EXDATE"))
        // Paused 12–13 Nov: those two days are excluded at the slot's own time.
        b.apply([.put(CoursePause.entryID(startDate: day("11-12")), day: day("11-12"),
                          body: .pause(CoursePause(startDate: day("11-12"), endDate: day("11-13"))))], written: at("11-10", 9))
        let paused = CalendarExport.ics(journal: b.journal, now: at("11-10", 9), timeZone: zone, days: 10)
        #expect(paused.contains("EXDATE:20261112T080000,20261113T080000"))
        #expect(paused.contains("EXDATE:20261112T200000,20261113T200000"))
        let sequenceBefore = try #require(paused.split(separator: "\r\n").first { $0.hasPrefix("SEQUENCE:") })
        // An open hold from 10 Nov 09:30: the morning series keeps only today (already past), the
        // evening one has nothing left and is cancelled under the same UID with a higher SEQUENCE.
        b.redFlag("hearing", on: "11-10", at: at("11-10", 9, 30))
        let held = CalendarExport.ics(journal: b.journal, now: at("11-10", 10), timeZone: zone, days: 10)
        let events = held.components(separatedBy: "BEGIN:VEVENT").dropFirst()
        let evening = try #require(events.first { $0.contains("UID:dose-2026-11-02-0-evening@isojournal") })
        #expect(evening.contains("STATUS:CANCELLED"))
        #expect(!evening.contains("BEGIN:VALARM"))
        let morning = try #require(events.first { $0.contains("UID:dose-2026-11-02-0-morning@isojournal") })
        #expect(morning.contains("COUNT=1") || morning.contains("STATUS:CANCELLED"))
        let sequenceAfter = try #require(held.split(separator: "\r\n").first { $0.hasPrefix("SEQUENCE:") })
        #expect(Int(sequenceAfter.dropFirst(9))! > Int(sequenceBefore.dropFirst(9))!)
    }
}
