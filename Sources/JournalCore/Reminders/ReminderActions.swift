import Foundation

/// Snooze, dismiss and acknowledge: what a person may do to a reminder, decided once for the
/// full-screen program and the shell. Each returns the change to save, or why not; the shell
/// calls it inside its store transaction, so it judges the journal as it stands on disk.
public enum ReminderActions {
    public enum Action: Equatable, Sendable {
        /// Hide it until then (it comes back by itself).
        case snooze(until: Date)
        /// Stop showing it.
        case dismiss
        /// A stop alert's notification stops repeating; the alert itself stays.
        case acknowledge
    }

    public enum Problem: Error, Equatable, Sendable {
        /// No reminder the journal knows has this id (a typo would otherwise hide nothing).
        case unknown(id: String, known: [String])
        /// A stop alert stays until the prescriber's decision is recorded.
        case stopAlertStays(id: String, verb: String)
        /// Only an open stop alert can be acknowledged.
        case noOpenStopAlert(id: String, open: [String])

        public var message: String {
            switch self {
            case .unknown(let id, let known):
                let listed = known.isEmpty ? "there are no reminders now" : "known ids: " + known.prefix(12).joined(separator: ", ")
                    + (known.count > 12 ? ", … (isojournal remind --within 366d --json lists them all)" : "")
                return "There is no reminder '\(id)'; \(listed)."
            case .stopAlertStays(let id, let verb):
                return "\(id) is a stop alert: it cannot be \(verb). It stays until you record your prescriber's decision "
                    + "(isojournal course decision continue|pause|stop). To stop its notifications repeating: isojournal remind ack \(id)"
            case .noOpenStopAlert(let id, let open):
                return "No open stop alert has the id '\(id)'." + (open.isEmpty ? " Nothing is on hold." : " Open: " + open.joined(separator: ", ") + ".")
            }
        }
    }

    /// The reminder state to save for `action` on reminder `id`, or why it cannot be done.
    public static func change(_ action: Action, reminder id: String, journal: Journal, now: Date,
                              timeZone: TimeZone) -> Result<JournalChange, Problem> {
        switch action {
        case .snooze, .dismiss:
            if isStopAlert(id) { return .failure(.stopAlertStays(id: id, verb: action == .dismiss ? "dismissed" : "snoozed")) }
            if let problem = unknown(id, journal: journal, now: now, timeZone: timeZone) { return .failure(problem) }
        case .acknowledge:
            let open = ReminderEngine.reminders(journal: journal, now: now, timeZone: timeZone).filter { $0.kind == .stopAlert }.map(\.id)
            guard open.contains(id) else { return .failure(.noOpenStopAlert(id: id, open: open)) }
        }
        var state = ReminderEngine.states(in: journal)[id] ?? ReminderState(reminder: id)
        switch action {
        case .snooze(let until): state.snoozedUntil = until
        case .dismiss: state.dismissed = true
        case .acknowledge: state.acknowledgedAt = now
        }
        return .success(.put(ReminderState.entryID(reminder: id), day: Timestamp.localDate(of: now, in: timeZone),
                             body: .reminderState(state)))
    }

    /// Stop alerts' ids (see `ReminderEngine`): they cannot be hidden.
    static func isStopAlert(_ id: String) -> Bool { id.hasPrefix("hold-") }

    /// A reminder the journal knows: one due in the last two weeks (what `remind --at` showed),
    /// now or later (up to a year ahead), or one already snoozed or dismissed.
    static func unknown(_ id: String, journal: Journal, now: Date, timeZone: TimeZone) -> Problem? {
        let upcoming = ReminderEngine.reminders(journal: journal, now: now, timeZone: timeZone, horizon: 366 * 86_400).map(\.id)
        var known = Set(upcoming).union(ReminderEngine.states(in: journal).keys)
        for daysAgo in 1...14 where !known.contains(id) {
            let then = now.addingTimeInterval(Double(-daysAgo) * 86_400)
            known.formUnion(ReminderEngine.reminders(journal: journal, now: then, timeZone: timeZone, horizon: 86_400).map(\.id))
        }
        return known.contains(id) ? nil : .unknown(id: id, known: upcoming)
    }
}
