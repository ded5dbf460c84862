import Foundation

/// The dose alarms a calendar app would still ring after importing an exported .ics:
/// every occurrence of every dose event that is not cancelled, expanded from DTSTART,
/// RRULE (FREQ=DAILY with INTERVAL and COUNT or UNTIL, the only form the export writes)
/// and EXDATE. Times are the file's floating local times, as "YYYYMMDDTHHMMSS" text,
/// which sorts like the time it names.
enum CalendarOccurrences {
    static func doseAlarms(in ics: String) -> [String] {
        // Unfold continuation lines first (RFC 5545 3.1).
        let text = ics.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n ", with: "")
        var alarms: [String] = []
        for block in text.components(separatedBy: "BEGIN:VEVENT").dropFirst() {
            let lines = block.components(separatedBy: "\n")
            func value(_ name: String) -> String? {
                lines.first { $0.hasPrefix(name + ":") || $0.hasPrefix(name + ";") }
                    .map { String($0[$0.index(after: $0.firstIndex(of: ":")!)...]) }
            }
            guard value("UID")?.hasPrefix("dose-") == true, value("STATUS") != "CANCELLED",
                  let start = value("DTSTART") else { continue }
            let excluded = Set(lines.filter { $0.hasPrefix("EXDATE") }
                .flatMap { $0.split(separator: ":", maxSplits: 1).last.map { $0.split(separator: ",").map(String.init) } ?? [] })
            var rule: [String: String] = [:]
            for part in (value("RRULE") ?? "COUNT=1").split(separator: ";") {
                let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { rule[pair[0]] = pair[1] }
            }
            let interval = Int(rule["INTERVAL"] ?? "1") ?? 1
            // No COUNT and no UNTIL means forever; a year of it is enough to see.
            let count = Int(rule["COUNT"] ?? "") ?? 366
            var day = localDate(start)
            for _ in 0..<count {
                let stamp = stampText(day)
                if let until = rule["UNTIL"], stamp > until { break }
                if !excluded.contains(stamp) { alarms.append(stamp) }
                day = day.addingTimeInterval(Double(interval) * 86_400)
            }
        }
        return alarms.sorted()
    }

    /// Now as the same floating local text, for the time zone the test journal runs in (UTC).
    static func now(_ date: Date = Date()) -> String { stampText(date) }

    private static let utc = TimeZone(identifier: "UTC")!

    private static func localDate(_ stamp: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = utc
        formatter.dateFormat = stamp.count > 8 ? "yyyyMMdd'T'HHmmss" : "yyyyMMdd"
        return formatter.date(from: stamp) ?? .distantPast
    }

    private static func stampText(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = utc
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        return formatter.string(from: date)
    }
}
