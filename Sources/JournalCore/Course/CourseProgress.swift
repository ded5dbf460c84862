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

    public static let recentWindowDays = 14

    public init(records: CourseRecords, now: Date, timeZone: TimeZone) {
        let today = Timestamp.localDate(of: now, in: timeZone)
        let minuteNow = Timestamp.minuteOfDay(of: now, in: timeZone)
        let settings = records.settings
        targetMgPerKg = settings.targetMgPerKg

        // Cumulative: each taken intake divided by the weight in force on its own day.
        var milligrams = 0.0
        var mgPerKg = 0.0
        for (day, slots) in records.intakes where day <= today {
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

        let weekStart = today.adding(days: -(today.isoWeekday - 1))
        let monthStart = settings.startDate.adding(days: (courseMonth - 1) * 30)
        thisWeek = Self.adherence(records, from: max(weekStart, settings.startDate), to: today, minuteNow: minuteNow)
        thisCourseMonth = Self.adherence(records, from: monthStart, to: today, minuteNow: minuteNow)
        overall = Self.adherence(records, from: settings.startDate, to: today, minuteNow: minuteNow)

        // Recent intake: the 14 whole days before today, not counting paused or pre-course days.
        var recentTotal = 0.0
        var recentDays = 0
        for offset in 1...Self.recentWindowDays {
            let day = today.adding(days: -offset)
            guard records.isCourseDay(day), !records.isPaused(day) else { continue }
            recentDays += 1
            let dayMg = records.intakes[day]?.values.reduce(0) { $0 + $1.takenMilligrams } ?? 0
            if let kg = records.weight(on: day), kg > 0 { recentTotal += dayMg / kg }
        }
        recentDailyMgPerKg = recentDays > 0 ? recentTotal / Double(recentDays) : nil

        let remaining = max(0, settings.targetMgPerKg - mgPerKg)
        projectedFinishAtRecentIntake = Self.finish(remaining: remaining, perDay: recentDailyMgPerKg, today: today)
        let plannedPerDay: Double? = {
            guard let step = currentStep, let kg = currentWeightKilograms, kg > 0 else { return nil }
            return step.averageDailyMilligrams / kg
        }()
        projectedFinishAtPlannedDose = Self.finish(remaining: remaining, perDay: plannedPerDay, today: today)
    }

    /// The day the remaining mg/kg is reached, counting from tomorrow (today's doses are
    /// already in the cumulative total or still to come).
    static func finish(remaining: Double, perDay: Double?, today: LocalDate) -> LocalDate? {
        if remaining <= 0 { return today }
        guard let perDay, perDay > 0 else { return nil }
        // A hair below each whole day so 170.0000001 (floating-point noise) stays 170.
        return today.adding(days: Int(clamping: (remaining / perDay - 1e-9).rounded(.up)))
    }

    /// Planned intakes from `from` to `to` that were due by `minuteNow` on `to`, and how
    /// each was recorded. An intake taken early (before its slot time today) counts as due.
    static func adherence(_ records: CourseRecords, from: LocalDate, to: LocalDate, minuteNow: Int) -> Adherence {
        var result = Adherence(planned: 0, taken: 0, skipped: 0)
        guard from <= to else { return result }
        var day = from
        while day <= to {
            for (slot, _) in records.plannedIntakes(on: day) {
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
