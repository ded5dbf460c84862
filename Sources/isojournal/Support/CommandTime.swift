import Foundation
import JournalCore

/// Times and spans given on the command line: "2026-11-26 08:05", "30m", "12h", "3d".
enum CommandTime {
    static func parse(_ text: String, option: String, zone: TimeZone) throws(CommandFailure) -> Date {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let day = LocalDate(iso: parts[0]), let minute = Timestamp.parseClock(parts[1]) else {
            throw .badInput("\(option) '\(text)' is not a time like \"2026-11-26 08:05\".")
        }
        return Timestamp.instant(of: day, minuteOfDay: minute, in: zone)
    }

    static func span(_ text: String, option: String) throws(CommandFailure) -> TimeInterval {
        guard let unit = text.last, let value = Int(text.dropLast()), value > 0, value <= 100_000 else {
            throw .badInput("\(option) '\(text)' is not a span like 30m, 12h or 3d.")
        }
        switch unit {
        case "m": return TimeInterval(value * 60)
        case "h": return TimeInterval(value * 3600)
        case "d": return TimeInterval(value * 86_400)
        default: throw .badInput("\(option) '\(text)': use m (minutes), h (hours) or d (days).")
        }
    }
}
