import Foundation

/// Planned doses with no record, day by day, for the timeline: a day where nothing was
/// recorded is exactly the day a caregiver asks about, so it must not vanish from the history.
/// "Not recorded" is all it says: a dose is taken only when the patient says so.
public enum UnrecordedDoses {
    /// From the course's start to `now` (today's doses once their time has come), the planned
    /// intakes without a record, as "morning 40 mg", by day.
    public static func byDay(_ records: CourseRecords, now: Date, timeZone: TimeZone) -> [LocalDate: [String]] {
        let today = Timestamp.localDate(of: now, in: timeZone)
        let minute = Timestamp.minuteOfDay(of: now, in: timeZone)
        var result: [LocalDate: [String]] = [:]
        var day = records.settings.startDate
        while day <= today {
            let missing = records.plannedIntakes(on: day).filter { planned in
                records.intakes[day]?[planned.slot.name] == nil && (day < today || planned.slot.minuteOfDay <= minute)
            }
            if !missing.isEmpty { result[day] = missing.map { "\($0.slot.name) \(MilligramText.format($0.milligrams)) mg" } }
            day = day.adding(days: 1)
        }
        return result
    }

    /// The timeline with each day's unrecorded doses added, and a day for each date that has
    /// only unrecorded doses. Newest day first, as the timeline is.
    public static func adding(_ unrecorded: [LocalDate: [String]], to days: [TimelineDay], courseStart: LocalDate) -> [TimelineDay] {
        guard !unrecorded.isEmpty else { return days }
        var byDay = Dictionary(days.map { ($0.day, $0) }, uniquingKeysWith: { a, _ in a })
        for (day, doses) in unrecorded {
            var timelineDay = byDay[day] ?? TimelineDay(day: day, courseDay: courseStart.days(until: day) + 1, rows: [])
            timelineDay.unrecordedDoses = doses
            byDay[day] = timelineDay
        }
        return byDay.keys.sorted(by: >).compactMap { byDay[$0] }
    }
}
