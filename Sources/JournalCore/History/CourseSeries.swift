import Foundation

/// The course over time, for the trends screen and the report's charts: cumulative mg/kg day
/// by day, and adherence per course month. The same arithmetic as `CourseProgress`.
public enum CourseSeries {
    public struct DayTotal: Equatable, Sendable {
        public let day: LocalDate
        /// mg/kg taken up to and including this day.
        public let cumulativeMgPerKg: Double
    }

    public struct MonthAdherence: Equatable, Sendable {
        public let month: Int
        public let firstDay: LocalDate
        public let adherence: CourseProgress.Adherence
    }

    /// From the start date (or an earlier recorded dose) to `through` (inclusive), each day's running total: each taken dose
    /// divided by the weight in force on its own day.
    public static func cumulative(_ records: CourseRecords, through: LocalDate) -> [DayTotal] {
        var totals: [DayTotal] = []
        var running = 0.0
        // Doses recorded before the start date still count, as they do in `CourseProgress`.
        var day = min(records.settings.startDate, records.intakes.keys.min() ?? records.settings.startDate)
        while day <= through {
            let mg = records.intakes[day]?.values.reduce(0) { $0 + $1.takenMilligrams } ?? 0
            if mg > 0, let kg = records.weight(on: day), kg > 0 { running += mg / kg }
            totals.append(DayTotal(day: day, cumulativeMgPerKg: running))
            day = day.adding(days: 1)
        }
        return totals
    }

    /// Adherence in each course month (30-day blocks) up to `now`: planned intakes that were
    /// due, taken, skipped and not recorded.
    public static func adherenceByMonth(_ records: CourseRecords, now: Date, timeZone: TimeZone) -> [MonthAdherence] {
        let today = Timestamp.localDate(of: now, in: timeZone)
        let minute = Timestamp.minuteOfDay(of: now, in: timeZone)
        let start = records.settings.startDate
        guard start <= today else { return [] }
        let months = start.days(until: today) / 30 + 1
        return (1...months).map { month in
            let first = start.adding(days: (month - 1) * 30)
            let last = min(first.adding(days: 29), today)
            return MonthAdherence(month: month, firstDay: first,
                                  adherence: CourseProgress.adherence(records, from: first, to: last, minuteNow: last == today ? minute : 24 * 60, zone: timeZone))
        }
    }

    /// Adherence over any range of days, up to `now`.
    public static func adherence(_ records: CourseRecords, from: LocalDate, to: LocalDate, now: Date, timeZone: TimeZone) -> CourseProgress.Adherence {
        let today = Timestamp.localDate(of: now, in: timeZone)
        let last = min(to, today)
        let minute = last == today ? Timestamp.minuteOfDay(of: now, in: timeZone) : 24 * 60
        return CourseProgress.adherence(records, from: max(from, records.settings.startDate), to: last, minuteNow: minute, zone: timeZone)
    }
}
