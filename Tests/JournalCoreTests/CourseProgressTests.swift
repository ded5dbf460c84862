import Foundation
import Testing
@testable import JournalCore

/// Every expected value here is worked out by hand in the comments.
@Suite("Course progress")
struct CourseProgressTests {
    let utc = TimeZone(identifier: "UTC")!
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    func at(_ date: String, _ hour: Int, _ minute: Int = 0, in zone: TimeZone? = nil) -> Date {
        Timestamp.instant(of: day(date), minuteOfDay: hour * 60 + minute, in: zone ?? utc)
    }

    /// 20 mg morning and evening from Sunday 1 March 2026, 60 kg, both doses taken 1–10 March.
    func tenDays(weights: [(LocalDate, Double)]? = nil, pauses: [CoursePause] = []) -> CourseRecords {
        var intakes: [LocalDate: [String: DoseIntake]] = [:]
        for offset in 0..<10 {
            let d = day("2026-03-01").adding(days: offset)
            guard !pauses.contains(where: { $0.contains(d) }) else { continue }
            intakes[d] = ["morning": DoseIntake(slot: "morning", status: .taken, milligrams: 20, withFood: true),
                          "evening": DoseIntake(slot: "evening", status: .taken, milligrams: 20, withFood: true)]
        }
        return CourseRecords(settings: CourseSettings(startDate: day("2026-03-01"), patientCategory: .cannotGetPregnant),
                             steps: [DoseStep(startDate: day("2026-03-01"), cycle: [[20, 20]])],
                             pauses: pauses,
                             weights: (weights ?? [(day("2026-03-01"), 60)]).map { (day: $0.0, kilograms: $0.1) },
                             intakes: intakes)
    }

    @Test("cumulative dose, adherence and projection on day 11")
    func basicCourse() {
        let progress = CourseProgress(records: tenDays(), now: at("2026-03-11", 9), timeZone: utc)
        // 10 days × 40 mg = 400 mg; 400 / 60 kg = 6.667 mg/kg.
        #expect(progress.cumulativeMilligrams == 400)
        #expect(abs(progress.cumulativeMgPerKg - 400.0 / 60.0) < 1e-9)
        #expect(abs(progress.fractionOfTarget - (400.0 / 60.0) / 120.0) < 1e-9)
        #expect(progress.dayOfCourse == 11)
        #expect(progress.courseMonth == 1)
        // Overall: 20 past intakes + this morning's (08:00 has passed) = 21 due, 20 taken.
        #expect(progress.overall == .init(planned: 21, taken: 20, skipped: 0))
        #expect(progress.overall.unrecorded == 1)
        // 11 March 2026 is a Wednesday; the week began Monday 9 March: 2 + 2 + 1 due, 4 taken.
        #expect(progress.thisWeek == .init(planned: 5, taken: 4, skipped: 0))
        // Recent: the 14 days before today, of which 10 are course days, each 40/60 mg/kg.
        #expect(abs(progress.recentDailyMgPerKg! - 40.0 / 60.0) < 1e-9)
        // Remaining 120 − 6.667 = 113.333 mg/kg at 0.6667 a day = 170 days → 28 August 2026.
        #expect(progress.projectedFinishAtRecentIntake == day("2026-08-28"))
        #expect(progress.projectedFinishAtPlannedDose == day("2026-08-28"))
    }

    @Test("a projection asked before the day's first dose counts today's doses; a plan step already scheduled counts from its day")
    func projectionCountsTodayAndScheduledSteps() {
        // From 1 March 2026, 20 + 20 mg at 60 kg = 40/60 = 0.6667 mg/kg a day, target 2 mg/kg, asked at 07:00 on day 1.
        var settings = CourseSettings(startDate: day("2026-03-01"), targetMgPerKg: 2, patientCategory: .cannotGetPregnant)
        settings.targetMgPerKg = 2
        let plain = CourseRecords(settings: settings, steps: [DoseStep(startDate: day("2026-03-01"), cycle: [[20, 20]])],
                                  weights: [(day: day("2026-03-01"), kilograms: 60)])
        // Today's two doses: 2 − 0.6667 = 1.3333; 2 March: 0.6667 left; 3 March: reached. (Counting from tomorrow said 4 March.)
        #expect(CourseProgress(records: plain, now: at("2026-03-01", 7), timeZone: utc).projectedFinishAtPlannedDose == day("2026-03-03"))
        // After the morning dose was taken at 08:00 and asked at 12:00: 2 − 0.3333 (taken) − 0.3333 (evening ahead)
        // = 1.3333 → 3 March still.
        var taken = plain
        taken.intakes[day("2026-03-01")] = ["morning": DoseIntake(slot: "morning", status: .taken, milligrams: 20, withFood: true)]
        #expect(CourseProgress(records: taken, now: at("2026-03-01", 12), timeZone: utc).projectedFinishAtPlannedDose == day("2026-03-03"))
        // 40 + 40 mg scheduled from 2 March (80/60 = 1.3333 a day): today 0.6667, 2 March 1.3333 → reached on 2 March.
        let stepped = CourseRecords(settings: settings, steps: [DoseStep(startDate: day("2026-03-01"), cycle: [[20, 20]]),
                                                                DoseStep(startDate: day("2026-03-02"), cycle: [[40, 40]])],
                                    weights: [(day: day("2026-03-01"), kilograms: 60)])
        #expect(CourseProgress(records: stepped, now: at("2026-03-01", 7), timeZone: utc).projectedFinishAtPlannedDose == day("2026-03-02"))
    }

    @Test("each intake is divided by the weight in force on its own day")
    func weightChange() {
        let records = tenDays(weights: [(day("2026-03-01"), 60), (day("2026-03-06"), 64)])
        let progress = CourseProgress(records: records, now: at("2026-03-11", 9), timeZone: utc)
        // 1–5 March: 5 × 40 / 60 = 3.3333; 6–10 March: 5 × 40 / 64 = 3.125; total 6.4583.
        #expect(abs(progress.cumulativeMgPerKg - (200.0 / 60.0 + 200.0 / 64.0)) < 1e-9)
        #expect(progress.currentWeightKilograms == 64)
        // The planned projection uses today's weight: 40 / 64 = 0.625 mg/kg a day.
        // Remaining 120 − 6.4583 = 113.5417 / 0.625 = 181.67 → 182 days after 11 March = 9 September.
        #expect(progress.projectedFinishAtPlannedDose == day("2026-09-09"))
    }

    @Test("a weight measured after the start still applies to the first days")
    func weightBeforeFirstMeasurement() {
        let records = tenDays(weights: [(day("2026-03-05"), 50)])
        let progress = CourseProgress(records: records, now: at("2026-03-11", 9), timeZone: utc)
        #expect(abs(progress.cumulativeMgPerKg - 400.0 / 50.0) < 1e-9)
    }

    @Test("paused days are neither expected nor averaged in")
    func pauses() {
        let pause = CoursePause(startDate: day("2026-03-04"), endDate: day("2026-03-06"), reason: "labs")
        let progress = CourseProgress(records: tenDays(pauses: [pause]), now: at("2026-03-11", 9), timeZone: utc)
        // 7 dosing days × 40 mg = 280 mg.
        #expect(progress.cumulativeMilligrams == 280)
        // Due: 7 days × 2 + this morning = 15; taken 14.
        #expect(progress.overall == .init(planned: 15, taken: 14, skipped: 0))
        // Recent: 7 unpaused course days, 40/60 each → still 0.6667 a day.
        #expect(abs(progress.recentDailyMgPerKg! - 40.0 / 60.0) < 1e-9)
    }

    @Test("skipped doses count as skipped, never as taken")
    func skipped() {
        var records = tenDays()
        records.intakes[day("2026-03-10")]!["evening"] = DoseIntake(slot: "evening", status: .skipped, milligrams: nil, withFood: nil)
        let progress = CourseProgress(records: records, now: at("2026-03-11", 9), timeZone: utc)
        #expect(progress.cumulativeMilligrams == 380)
        #expect(progress.overall == .init(planned: 21, taken: 19, skipped: 1))
        #expect(progress.overall.unrecorded == 1)
    }

    @Test("a dose taken before its slot time counts as due and taken")
    func takenEarly() {
        var records = tenDays()
        records.intakes[day("2026-03-11")] = ["evening": DoseIntake(slot: "evening", status: .taken, milligrams: 20, withFood: true)]
        let progress = CourseProgress(records: records, now: at("2026-03-11", 18), timeZone: utc)
        // Morning (due, unrecorded) + evening (early, taken) today: 20 + 2 due, 21 taken.
        #expect(progress.overall == .init(planned: 22, taken: 21, skipped: 0))
        #expect(progress.cumulativeMilligrams == 420)
    }

    @Test("alternating-day plans repeat from the step's start, across a leap day")
    func alternatingPlan() {
        let step = DoseStep(startDate: day("2028-02-28"), cycle: [[40, 0], [40, 40]])
        #expect(step.plannedMilligrams(on: day("2028-02-28")) == [40, 0])
        #expect(step.plannedMilligrams(on: day("2028-02-29")) == [40, 40])
        #expect(step.plannedMilligrams(on: day("2028-03-01")) == [40, 0])
        #expect(step.averageDailyMilligrams == 60)
        #expect(step.summary == "40 mg / 40 + 40 mg")
        let records = CourseRecords(settings: CourseSettings(startDate: day("2028-02-28"), patientCategory: .cannotGetPregnant),
                                    steps: [step], weights: [(day: day("2028-02-28"), kilograms: 80)])
        #expect(records.plannedIntakes(on: day("2028-03-01")).map(\.slot.name) == ["morning"])
        #expect(records.plannedIntakes(on: day("2028-02-29")).map(\.milligrams) == [40, 40])
    }

    @Test("plan steps take over on their start date")
    func planSteps() {
        var records = tenDays()
        records.steps.append(DoseStep(startDate: day("2026-03-08"), cycle: [[40, 40]]))
        #expect(records.plannedIntakes(on: day("2026-03-07")).map(\.milligrams) == [20, 20])
        #expect(records.plannedIntakes(on: day("2026-03-08")).map(\.milligrams) == [40, 40])
    }

    @Test("slot times are local: on the spring-forward day the evening dose is due at 20:00 CEST")
    func daylightSaving() {
        let records = CourseRecords(settings: CourseSettings(startDate: day("2026-03-29"), patientCategory: .cannotGetPregnant),
                                    steps: [DoseStep(startDate: day("2026-03-29"), cycle: [[20, 20]])],
                                    weights: [(day: day("2026-03-29"), kilograms: 70)])
        let before = CourseProgress(records: records, now: at("2026-03-29", 19, 59, in: berlin), timeZone: berlin)
        #expect(before.overall.planned == 1)
        let after = CourseProgress(records: records, now: at("2026-03-29", 20, 0, in: berlin), timeZone: berlin)
        #expect(after.overall.planned == 2)
        // 20:00 CEST is 18:00 UTC: in UTC terms the dose is already due at 18:30 UTC.
        #expect(Timestamp.utcText(at("2026-03-29", 20, 0, in: berlin)) == "2026-03-29T18:00:00Z")
    }

    @Test("a late-evening intake in New York is counted on its local day")
    func nearMidnight() {
        let newYork = TimeZone(identifier: "America/New_York")!
        var records = tenDays()
        records.settings.intakeSlots = [IntakeSlot(name: "morning", minuteOfDay: 480), IntakeSlot(name: "evening", minuteOfDay: 23 * 60 + 30)]
        // At 23:45 on 10 March in New York it is already 11 March in UTC; still day 10 locally.
        let progress = CourseProgress(records: records, now: at("2026-03-10", 23, 45, in: newYork), timeZone: newYork)
        #expect(progress.dayOfCourse == 10)
        #expect(progress.overall == .init(planned: 20, taken: 20, skipped: 0))
    }

    @Test("reaching the target projects today; no intake projects nothing")
    func projectionEdges() {
        #expect(CourseProgress.finish(remaining: 0, perDay: nil, today: day("2026-05-01")) == day("2026-05-01"))
        #expect(CourseProgress.finish(remaining: 10, perDay: 0, today: day("2026-05-01")) == nil)
        #expect(CourseProgress.finish(remaining: 10, perDay: 1, today: day("2026-05-01")) == day("2026-05-11"))
        #expect(CourseProgress.finish(remaining: 10.5, perDay: 1, today: day("2026-05-01")) == day("2026-05-12"))
    }

    @Test("after the last dose no more intakes are expected")
    func finishedCourse() {
        var records = tenDays()
        records.settings.lastDoseDate = day("2026-03-10")
        let progress = CourseProgress(records: records, now: at("2026-03-20", 12), timeZone: utc)
        #expect(progress.overall == .init(planned: 20, taken: 20, skipped: 0))
    }

    @Test("weights convert from pounds exactly")
    func pounds() {
        let weight = WeightMeasurement(value: 150, unit: .pounds)
        #expect(abs(weight.kilograms - 68.0388555) < 1e-6)
        #expect(weight.enteredValue == 150)
        #expect(MilligramText.format(68.0388555) == "68")
        #expect(MilligramText.format(20.25) == "20.3")
        #expect(MilligramText.format(20) == "20")
    }
}
