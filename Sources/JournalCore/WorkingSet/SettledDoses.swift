import Foundation

/// One course's dose totals over the days a working set leaves out (through `through`), so
/// the cumulative dose and overall adherence come out the same without those days' records.
public struct SettledDoses: Equatable, Sendable, Codable {
    /// The last day counted; the working set holds every intake after it.
    public var through: LocalDate
    public var milligrams = 0.0
    public var mgPerKg = 0.0
    /// Overall adherence from the course start through `through` (every intake of those days was due).
    public var planned = 0
    public var taken = 0
    public var skipped = 0

    public init(through: LocalDate) { self.through = through }

    /// The totals through `day`: this course's intakes up to `day`, added to what `records`
    /// already carry settled (a working set folded forward) or counted from the start.
    public static func through(_ day: LocalDate, records: CourseRecords, zone: TimeZone) -> SettledDoses {
        let base = records.settled
        var totals = base ?? SettledDoses(through: day)
        totals.through = max(day, base?.through ?? day)
        let after = base?.through
        for (intakeDay, slots) in records.intakes where intakeDay <= day && after.map({ intakeDay > $0 }) ?? true {
            let dayMg = slots.values.reduce(0) { $0 + $1.takenMilligrams }
            totals.milligrams += dayMg
            if dayMg > 0, let kg = records.weight(on: intakeDay), kg > 0 { totals.mgPerKg += dayMg / kg }
        }
        let from = max(records.settings.startDate, after.map { $0.adding(days: 1) } ?? records.settings.startDate)
        if from <= day {
            // Every intake of a settled day was due: minute 24:00 counts the whole last day.
            let counted = CourseProgress.adherence(records, from: from, to: day, minuteNow: 24 * 60, zone: zone)
            totals.planned += counted.planned
            totals.taken += counted.taken
            totals.skipped += counted.skipped
        }
        return totals
    }
}

extension Journal {
    /// The current course's numbers at `now`, as `CourseProgress(records:now:timeZone:)` gives
    /// them. The days before the last `WorkingSetWindow.lookBackDays` are summed once per journal
    /// value and day: Today asks on every key and tick, and a course's doses go back years.
    public func courseProgress(now: Date, timeZone: TimeZone) -> CourseProgress? {
        guard var records = courseRecords else { return nil }
        if records.settled == nil {
            let through = Timestamp.localDate(of: now, in: timeZone).adding(days: -WorkingSetWindow.lookBackDays)
            let base = records
            records.settled = derived.settled(through: through, zone: timeZone) {
                SettledDoses.through(through, records: base, zone: timeZone)
            }
        }
        return CourseProgress(records: records, now: now, timeZone: timeZone)
    }
}
