import Foundation
@testable import JournalCore

/// Journals for the working-set differential tests: the synthetic years of daily records
/// (`SyntheticJournal`) with the rarer things a working set must keep sprinkled in at random
/// depths — red flags and the decisions that answer them, a pause, flagged and unjudged labs,
/// appointments never marked, self-harm answers, snoozes, a second course — and, after the
/// split, corrections and withdrawals of records old and new.
struct WorkingSetJournals {
    var random: SyntheticJournal.Random
    let zone = TimeZone(identifier: "UTC")!
    /// Entries in write order with revisions numbered as a store would.
    private(set) var entries: [Entry] = []
    private var revisions: [EntryID: Int] = [:]

    init(seed: UInt64) { random = SyntheticJournal.Random(state: seed) }

    mutating func put(_ id: EntryID, day: LocalDate, _ body: EntryBody?, at recordedAt: Date, reason: String? = nil) {
        let revision = (revisions[id] ?? 0) + 1
        if body == nil && revisions[id] == nil { return }
        revisions[id] = revision
        entries.append(Entry(id: id, revision: revision, recordedAt: recordedAt, day: day, body: body, reason: reason))
    }

    func noon(_ day: LocalDate, plus minutes: Int = 0) -> Date {
        Timestamp.instant(of: day, minuteOfDay: 12 * 60, in: zone).addingTimeInterval(Double(minutes * 60))
    }

    /// The history: `count` synthetic entries ending on `end`, with rare records mixed in.
    mutating func history(count: Int, end: LocalDate) {
        var extras: [(Date, EntryID, LocalDate, EntryBody?)] = []
        let base = SyntheticJournal.entries(count: count, seed: random.next(), endingOn: end)
        let first = base.first?.day ?? end
        let span = max(1, first.days(until: end))
        func someDay() -> LocalDate { first.adding(days: random.below(span + 1)) }
        for _ in 0..<(1 + random.below(3)) {
            let day = someDay()
            let flag = random.pick(["raised-pressure-headache", "mood-self-harm", "bowel"])
            let flagID = RedFlagReport.entryID(day: day, flag: flag)
            extras.append((noon(day), flagID, day, .redFlag(RedFlagReport(flag: flag, noticeShown: "shown", acknowledgedAt: noon(day)))))
            if random.chance(70) {
                let decided = noon(day.adding(days: 1 + random.below(20)))
                let decision = PrescriberDecision(outcome: .continueCourse, decidedBy: "Dr A", decidedAt: decided, resolves: [flagID])
                extras.append((decided, PrescriberDecision.entryID(decidedAt: decided), day, .prescriberDecision(decision)))
            }
        }
        if random.chance(60) {
            let day = someDay()
            extras.append((noon(day), CoursePause.entryID(startDate: day), day,
                           .pause(CoursePause(startDate: day, endDate: day.adding(days: 3 + random.below(20))))))
        }
        for _ in 0..<(1 + random.below(4)) {
            let day = someDay()
            let test = random.pick([LabTest.alt, .ast, .triglycerides])
            let value = Double(random.pick([45, 130, 250, 700, 1200]))
            let result = LabResult(test: test, value: value, unit: test == .triglycerides ? .milligramsPerDeciliter : .unitsPerLiter,
                                   upperLimitOfNormal: test == .triglycerides || random.chance(30) ? nil : 40, fasting: true)
            extras.append((noon(day, plus: 30), LabResult.entryID(day: day, test: test), day, .labResult(result)))
        }
        for _ in 0..<random.below(3) {
            let day = someDay()
            extras.append((noon(day), LabAppointment.entryID(day: day.adding(days: 3), what: .prescriberVisit), day.adding(days: 3),
                           .labAppointment(LabAppointment(what: .prescriberVisit, minuteOfDay: 600))))
        }
        if random.chance(50) {
            let day = someDay()
            extras.append((noon(day, plus: 5), MoodCheck.entryID(day: day), day, .moodCheck(MoodCheck(answers: [1, 1, 0, 0, 0, 0, 0, 0, 1], crisisGuidanceShownAt: noon(day, plus: 5)))))
        }
        for _ in 0..<random.below(3) {
            let day = someDay()
            let reminder = random.pick(["symptoms-\(end.iso)", "weight-after-\(day.iso)", "mood-\(end.iso)", "dose-\(end.iso)-evening"])
            extras.append((noon(day), ReminderState.entryID(reminder: reminder), day,
                           .reminderState(ReminderState(reminder: reminder, snoozedUntil: noon(end, plus: random.below(3000)), dismissed: random.chance(30)))))
        }
        if random.chance(30) {
            let day = first.adding(days: span / 2 + random.below(span / 2 + 1))
            extras.append((noon(day), CourseSettings.entryID(number: 2), day,
                           .course(CourseSettings(startDate: day, patientCategory: .cannotGetPregnant))))
        }
        // Merge by time of writing; the synthetic entries keep their order among themselves.
        extras.sort { $0.0 < $1.0 }
        var next = 0
        for entry in base {
            while next < extras.count, extras[next].0 < entry.recordedAt {
                put(extras[next].1, day: extras[next].2, extras[next].3, at: extras[next].0)
                next += 1
            }
            put(entry.id, day: entry.day, entry.body, at: entry.recordedAt, reason: entry.reason)
        }
        while next < extras.count {
            put(extras[next].1, day: extras[next].2, extras[next].3, at: extras[next].0)
            next += 1
        }
    }

    /// Later writing, from `from`: today's records, corrections and withdrawals at random depths
    /// (most recent, some of them years back), a weight, a lab, now and then a plan change.
    mutating func laterWriting(from: Date, today: LocalDate, courseMonth: Int, count: Int) {
        var clock = from
        let known = entries
        // One history in three also gets writing about old days (which a working set cannot take).
        let reachesBack = random.chance(33)
        for step in 0..<count {
            clock = clock.addingTimeInterval(Double(60 + random.below(7200)))
            let depth = reachesBack && random.chance(10) ? random.below(4000) : random.below(30)
            let day = today.adding(days: -depth)
            switch random.below(9) {
            case 0, 1:
                let slug = random.pick(SyntheticJournal.symptoms)
                put(SymptomRating.entryID(day: day, symptom: slug), day: day,
                    .symptom(SymptomRating(symptom: slug, grade: random.below(4), note: step % 3 == 0 ? "later note" : nil)), at: clock)
            case 2:
                let slot = random.pick(["morning", "evening"])
                let taken = random.chance(80)
                put(DoseIntake.entryID(day: day, slot: slot), day: day,
                    .dose(DoseIntake(slot: slot, status: taken ? .taken : .skipped, milligrams: taken ? 20 : nil, withFood: taken ? true : nil)), at: clock)
            case 3:
                // Mostly something recent; now and then anything at all.
                let pool = reachesBack && random.chance(20) ? known[...] : known.suffix(400)
                if let old = pool.randomElement(using: &self) { put(old.id, day: old.day, nil, at: clock, reason: "withdrawn") }
            case 4:
                put(WeightMeasurement.entryID(day: day), day: day, .weight(WeightMeasurement(value: Double(600 + random.below(90)) / 10, unit: .kilograms)), at: clock)
            case 5:
                let test = random.pick([LabTest.alt, .triglycerides, .pregnancy])
                let result = test == .pregnancy ? LabResult(test: .pregnancy, outcome: .negative, setting: .clinic)
                    : LabResult(test: test, value: Double(random.pick([30, 160, 600])), unit: test == .alt ? .unitsPerLiter : .milligramsPerDeciliter,
                                upperLimitOfNormal: test == .alt ? 40 : nil, fasting: true)
                put(LabResult.entryID(day: day, test: test), day: day, .labResult(result), at: clock)
            case 6:
                put(MedicineNote.entryID(day: day, name: "ibuprofen"), day: day, .medicine(MedicineNote(name: "ibuprofen", note: nil)), at: clock)
            case 7:
                if random.chance(5) {
                    put(DoseStep.entryID(startDate: today), day: today, .doseStep(DoseStep(startDate: today, cycle: [[20, 40]])), at: clock)
                } else {
                    // Mostly this month's checklist; now and then any month at all.
                    let month = reachesBack && random.chance(30) ? random.below(40) + 1 : courseMonth - 1 + random.below(3)
                    put(ChecklistTick.entryID(month: month, item: "pickup"), day: day,
                        .checklistTick(ChecklistTick(month: month, item: "pickup", done: random.chance(70))), at: clock)
                }
            default:
                put(MoodCheck.entryID(day: day), day: day, .moodCheck(MoodCheck(answers: (0..<9).map { _ in random.below(2) })), at: clock)
            }
        }
    }
}

extension WorkingSetJournals: RandomNumberGenerator {
    mutating func next() -> UInt64 { random.next() }
}
