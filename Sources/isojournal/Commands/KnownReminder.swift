import Foundation
import JournalCore

/// `remind snooze|dismiss ID` act only on a reminder the journal knows: one due in the last
/// two weeks (what `remind --at` showed), now or later (up to a year ahead), or one already
/// snoozed or dismissed. A typo would otherwise be
/// "Snoozed" and written as a record that hides nothing, while the real reminder stays due.
enum KnownReminder {
    static func check(_ id: String, in journal: Journal, now: Date) throws(CommandFailure) {
        let upcoming = ReminderEngine.reminders(journal: journal, now: now, timeZone: .current, horizon: 366 * 86_400).map(\.id)
        var known = Set(upcoming).union(ReminderEngine.states(in: journal).keys)
        for daysAgo in 1...14 where !known.contains(id) {
            let then = now.addingTimeInterval(Double(-daysAgo) * 86_400)
            known.formUnion(ReminderEngine.reminders(journal: journal, now: then, timeZone: .current, horizon: 86_400).map(\.id))
        }
        guard !known.contains(id) else { return }
        let listed = upcoming.isEmpty ? "there are no reminders now" : "known ids: " + upcoming.prefix(12).joined(separator: ", ")
            + (upcoming.count > 12 ? ", … (isojournal remind --within 366d --json lists them all)" : "")
        throw .badInput("There is no reminder '\(id)'; \(listed).")
    }
}
