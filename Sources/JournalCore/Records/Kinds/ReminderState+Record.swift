import Foundation

extension ReminderState: RecordPayload {
    public static var kind: EntryKind { .reminderState }
    public static var group: RecordGroup { .reminders }
    public var body: EntryBody { .reminderState(self) }

    public func line(_ entry: Entry, timeZone: TimeZone) -> String {
        "Reminder \(reminder): " + (dismissed ? "dismissed" : "snoozed"
            + (snoozedUntil.map { " until \(Timestamp.offsetText($0, in: timeZone))" } ?? ""))
    }

    public var notes: [String] { [] }
    public var subject: String { "Reminder" }
    public func alert(_ entry: Entry, context: RecordContext) -> RecordAlert? { nil }

    public func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields {
        // The whole record in words: a spreadsheet reader needs no other columns for it.
        CSVFields(name: Self.kind.rawValue, detail: line(entry, timeZone: context.timeZone))
    }

    public var implausibility: String? { nil }

    public var instants: [(instant: Date, what: String)] {
        [(snoozedUntil, "the time the snooze ends"), (notifiedAt, "the time it was notified"),
         (acknowledgedAt, "the time it was acknowledged")].compactMap { pair in pair.0.map { ($0, pair.1) } }
    }
}
