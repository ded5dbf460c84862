import Foundation

/// Small text pieces the record declarations share.
enum RecordText {
    /// "08:05" in the reader's time zone.
    static func clock(_ instant: Date, _ zone: TimeZone) -> String {
        Timestamp.clockText(minuteOfDay: Timestamp.minuteOfDay(of: instant, in: zone))
    }

    /// A number as typed: no trailing ".0", no exponent, "." as the decimal point.
    static func number(_ value: Double) -> String { NumberText.plain(value) ?? String(value) }
}
