import Foundation

/// A record dated more than a day after now could not yet have happened: it was written while
/// the computer's clock was wrong, or typed so. `check` points such records out and the screens
/// mark them, both with this one rule.
public struct FutureDating: Sendable {
    /// The mark the screens put on such a record, and the words that explain it.
    public static let mark = "⚠ future"
    public static let legend = "⚠ future: dated over a day after now (the clock may have been wrong)."

    /// Now plus a day, and its calendar day.
    let limit: Date
    let lastDay: LocalDate

    public init(now: Date, timeZone: TimeZone) {
        limit = now.addingTimeInterval(86_400)
        lastDay = Timestamp.localDate(of: limit, in: timeZone)
    }

    /// Kinds whose day may rightly lie ahead: a scheduled appointment, a plan step or a pause
    /// from a later day, a course that starts later. Only when they were written (or happened)
    /// counts for them.
    public static func mayBeAhead(_ kind: EntryKind?) -> Bool {
        switch kind {
        case .labAppointment?, .doseStep?, .pause?, .course?: return true
        default: return false
        }
    }

    public func isFuture(day: LocalDate, kind: EntryKind?, recordedAt: Date, occurredAt: Date?) -> Bool {
        if recordedAt > limit || (occurredAt ?? .distantPast) > limit { return true }
        return !Self.mayBeAhead(kind) && day > lastDay
    }

    public func isFuture(_ entry: Entry) -> Bool {
        isFuture(day: entry.day, kind: entry.kind, recordedAt: entry.recordedAt, occurredAt: entry.occurredAt)
    }

    /// The current records it marks (withdrawn ones left out), in the order they were written.
    /// Today asks on every tick: the journal keeps its records sorted by date for this.
    public func currentRecords(in journal: Journal) -> [Entry] {
        journal.currentRecordsDated(after: limit, orDayAfter: lastDay)
    }
}
