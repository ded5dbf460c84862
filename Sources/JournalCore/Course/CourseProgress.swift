import Foundation

/// The numbers that matter on a course, as of one moment: cumulative dose, adherence and
/// the projected finish. A pure function of the course records and the time.
public struct CourseProgress: Equatable, Sendable {
    public struct Adherence: Equatable, Sendable {
        /// Planned intakes that were due by now (and early ones already taken).
        public var planned: Int
        public var taken: Int
        public var skipped: Int
        /// Due, but neither taken nor skipped: missing from the record.
        public var unrecorded: Int { planned - taken - skipped }
        public var fraction: Double? { planned == 0 ? nil : Double(taken) / Double(planned) }
    }

    public var cumulativeMilligrams: Double
    public var cumulativeMgPerKg: Double
    public var targetMgPerKg: Double
    public var fractionOfTarget: Double { targetMgPerKg > 0 ? cumulativeMgPerKg / targetMgPerKg : 0 }
    /// Day 1 is the start date.
    public var dayOfCourse: Int
    /// Course months are 30-day blocks from the start date (month 1 = days 1–30).
    public var courseMonth: Int
    public var thisWeek: Adherence
    public var thisCourseMonth: Adherence
    public var overall: Adherence
    /// mg/kg per day actually taken over the last 14 whole days, paused days left out.
    public var recentDailyMgPerKg: Double?
    /// When the target is reached at the recent actual intake; nil if there is none.
    public var projectedFinishAtRecentIntake: LocalDate?
    /// When the target is reached at the plan in force today, at today's weight.
    public var projectedFinishAtPlannedDose: LocalDate?
    public var currentWeightKilograms: Double?
    public var currentStep: DoseStep?
    /// Active, on hold, paused, finished: projections are left out unless active.
    public var state: CourseState

    public static let recentWindowDays = 14

    public init(records: CourseRecords, now: Date, timeZone: TimeZone) {
        let today = Timestamp.localDate(of: now, in: timeZone)
        let minuteNow = Timestamp.minuteOfDay(of: now, in: timeZone)
        let settings = records.settings
        targetMgPerKg = settings.targetMgPerKg

        // Cumulative: each taken intake divided by the weight in force on its own day.
        // A working set carries the days it left out as settled totals and holds every day after.
        let settled = records.settled
        var milligrams = settled?.milligrams ?? 0
        var mgPerKg = settled?.mgPerKg ?? 0
        for (day, slots) in records.intakes where day <= today && settled.map({ day > $0.through }) ?? true {
            let dayMg = slots.values.reduce(0) { $0 + $1.takenMilligrams }
            milligrams += dayMg
            if dayMg > 0, let kg = records.weight(on: day), kg > 0 { mgPerKg += dayMg / kg }
        }
        cumulativeMilligrams = milligrams
        cumulativeMgPerKg = mgPerKg

        dayOfCourse = max(0, settings.startDate.days(until: today) + 1)
        courseMonth = max(1, (dayOfCourse - 1) / 30 + 1)
        currentWeightKilograms = records.weight(on: today)
        currentStep = records.step(on: today)
        state = records.state(at: now, zone: timeZone)

        let weekStart = today.adding(days: -(today.isoWeekday - 1))
        let monthStart = settings.startDate.adding(days: (courseMonth - 1) * 30)
        thisWeek = Self.adherence(records, from: max(weekStart, settings.startDate), to: today, minuteNow: minuteNow, zone: timeZone)
        thisCourseMonth = Self.adherence(records, from: monthStart, to: today, minuteNow: minuteNow, zone: timeZone)
        if let settled, settled.through >= settings.startDate {
            var rest = Self.adherence(records, from: settled.through.adding(days: 1), to: today, minuteNow: minuteNow, zone: timeZone)
            rest.planned += settled.planned
            rest.taken += settled.taken
            rest.skipped += settled.skipped
            overall = rest
        } else {
            overall = Self.adherence(records, from: settings.startDate, to: today, minuteNow: minuteNow, zone: timeZone)
        }

        // Recent intake: the 14 whole days before today, not counting paused, held or pre-course days.
        var recentTotal = 0.0
        var recentDays = 0
        for offset in 1...Self.recentWindowDays {
            let day = today.adding(days: -offset)
            let planned = records.plannedIntakes(on: day)
            let quietAllDay = records.isPaused(day) || (!planned.isEmpty && records.expectedIntakes(on: day, zone: timeZone).isEmpty)
            guard records.isCourseDay(day), !quietAllDay else { continue }
            recentDays += 1
            let dayMg = records.intakes[day]?.values.reduce(0) { $0 + $1.takenMilligrams } ?? 0
            if let kg = records.weight(on: day), kg > 0 { recentTotal += dayMg / kg }
        }
        recentDailyMgPerKg = recentDays > 0 ? recentTotal / Double(recentDays) : nil

        let remaining = max(0, settings.targetMgPerKg - mgPerKg)
        // On hold, paused or finished nothing is projected: no dose is expected until the prescriber says.
        guard state.promptsDoses || state == .notStarted(settings.startDate) else {
            projectedFinishAtRecentIntake = nil
            projectedFinishAtPlannedDose = nil
            return
        }
        // Today's intakes still ahead count today, at the plan: asked before the first dose, the
        // course does not lose a day.
        let kg = currentWeightKilograms ?? 0
        let aheadToday = kg > 0 ? records.expectedIntakes(on: today, zone: timeZone)
            .filter { $0.slot.minuteOfDay >= minuteNow && records.intakes[today]?[$0.slot.name] == nil }
            .reduce(0) { $0 + $1.milligrams } / kg : 0
        projectedFinishAtRecentIntake = Self.finish(remaining: remaining - aheadToday, perDay: recentDailyMgPerKg, today: today)
        projectedFinishAtPlannedDose = kg > 0
            ? Self.finishAtPlan(records, remaining: remaining - aheadToday, after: today, kilograms: kg, zone: timeZone) : nil
    }

    /// Day by day at the plan as scheduled (later plan steps, pauses and holds included) at
    /// today's weight: the day the remaining mg/kg is reached; nil if never within 20 years.
    static func finishAtPlan(_ records: CourseRecords, remaining: Double, after today: LocalDate, kilograms: Double,
                             zone: TimeZone) -> LocalDate? {
        var left = remaining
        var day = today
        // A hair above zero so floating-point noise does not add a day.
        guard left > 1e-9 else { return today }
        for _ in 0..<(20 * 366) {
            day = day.adding(days: 1)
            left -= records.expectedIntakes(on: day, zone: zone).reduce(0) { $0 + $1.milligrams } / kilograms
            if left <= 1e-9 { return day }
        }
        return nil
    }

    /// The day the remaining mg/kg (after today's intakes still ahead) is reached at `perDay`
    /// from tomorrow on.
    static func finish(remaining: Double, perDay: Double?, today: LocalDate) -> LocalDate? {
        if remaining <= 0 { return today }
        guard let perDay, perDay > 0 else { return nil }
        // A hair below each whole day so 170.0000001 (floating-point noise) stays 170.
        return today.adding(days: Int(clamping: (remaining / perDay - 1e-9).rounded(.up)))
    }

    /// Planned intakes from `from` to `to` that were due by `minuteNow` on `to`, and how
    /// each was recorded. An intake taken early (before its slot time today) counts as due.
    /// Intakes in a pause or a hold are not expected, so they are never counted as missed.
    static func adherence(_ records: CourseRecords, from: LocalDate, to: LocalDate, minuteNow: Int, zone: TimeZone) -> Adherence {
        var result = Adherence(planned: 0, taken: 0, skipped: 0)
        guard from <= to else { return result }
        var day = from
        while day <= to {
            for (slot, _) in records.expectedIntakes(on: day, zone: zone) {
                let recorded = records.intakes[day]?[slot.name]
                let due = day < to || slot.minuteOfDay <= minuteNow
                guard due || recorded != nil else { continue }
                result.planned += 1
                switch recorded?.status {
                case .taken?: result.taken += 1
                case .skipped?: result.skipped += 1
                case nil: break
                }
            }
            day = day.adding(days: 1)
        }
        return result
    }
}
