import Foundation
import JournalCore

/// Dates and times as the screens show them ("Thu 26 Nov 2026", "08:05").
public enum DateText {
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    /// "Thu 26 Nov 2026"
    public static func short(_ date: LocalDate) -> String {
        "\(weekdays[date.isoWeekday - 1].prefix(3)) \(date.day) \(months[date.month - 1].prefix(3)) \(date.year)"
    }

    /// "Thursday 26 November 2026"
    public static func long(_ date: LocalDate) -> String {
        "\(weekdays[date.isoWeekday - 1]) \(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// "today", "yesterday" or the short date.
    public static func relative(_ date: LocalDate, today: LocalDate) -> String {
        switch date.days(until: today) {
        case 0: return "today"
        case 1: return "yesterday"
        default: return short(date)
        }
    }

    /// "08:05" in the patient's zone.
    public static func clock(_ instant: Date, in zone: TimeZone) -> String {
        Timestamp.clockText(minuteOfDay: Timestamp.minuteOfDay(of: instant, in: zone))
    }
}
