import Foundation

/// The words of a stop alert, the same on every surface (Today, Doses, `remind`, the
/// notification, the report, the caregiver view), so no two places can disagree.
public enum StopAlertText {
    public static let instruction = "Stop taking isotretinoin and contact your prescriber now."
    public static let nextStep = "Then record their decision: continue, pause or stop."

    /// Stable for the life of one hold, so a notification and a snooze refer to it.
    public static func reminderID(_ hold: CourseHold) -> String {
        "hold-" + Timestamp.utcText(hold.since).filter(\.isNumber)
    }

    /// "2026-11-30 10:15" in the patient's zone.
    public static func when(_ instant: Date, zone: TimeZone) -> String {
        Timestamp.localDate(of: instant, in: zone).iso + " " + Timestamp.clockText(minuteOfDay: Timestamp.minuteOfDay(of: instant, in: zone))
    }

    /// "On hold since 2026-11-30 10:15 — ask your prescriber before the next dose".
    public static func headline(_ hold: CourseHold, zone: TimeZone) -> String {
        "On hold since \(when(hold.since, zone: zone)) — ask your prescriber before the next dose"
    }

    /// One line for `remind` and notifications.
    public static func line(_ hold: CourseHold, zone: TimeZone) -> String {
        "ON HOLD since \(when(hold.since, zone: zone)): \(sentence(hold.reasons)) \(instruction) \(nextStep)"
    }

    /// Text ending as a sentence: a full stop added unless it already ends in one ("…one?").
    public static func sentence(_ text: String) -> String {
        guard let last = text.last, !".?!".contains(last) else { return text }
        return text + "."
    }
}
