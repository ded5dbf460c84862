import Foundation

extension Journal {
    /// `ReminderEngine.reminders` with the shipped programme rules, worked out once per journal
    /// value and moment (a screen asks in `update` and again in `view`; see `DerivedRecords`).
    public func reminders(now: Date, timeZone: TimeZone, horizon: TimeInterval = 24 * 3600) -> [Reminder] {
        derived.reminders(now: now, zone: timeZone, horizon: horizon) {
            ReminderEngine.reminders(journal: self, now: now, timeZone: timeZone, horizon: horizon)
        }
    }
}
