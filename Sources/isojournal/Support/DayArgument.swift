import Foundation
import JournalCore

/// Reading a `--date` given on the command line: well-formed, a real day, not in the future.
enum DayArgument {
    static func parse(_ text: String?, today: LocalDate) throws -> LocalDate {
        guard let text else { return today }
        guard let day = LocalDate(iso: text) else {
            throw CommandFailure.badInput("'\(text)' is not a date. Write it as YYYY-MM-DD, for example \(today.iso).")
        }
        guard day <= today else {
            throw CommandFailure.badInput("\(day.iso) is in the future (today is \(today.iso)); only days that have begun can be logged.")
        }
        return day
    }

    /// For ranges (`show --from`): well-formed and real; the future is allowed.
    static func parseBound(_ text: String?, option: String) throws -> LocalDate? {
        guard let text else { return nil }
        guard let day = LocalDate(iso: text) else {
            throw CommandFailure.badInput("\(option) '\(text)' is not a date. Write it as YYYY-MM-DD.")
        }
        return day
    }
}
