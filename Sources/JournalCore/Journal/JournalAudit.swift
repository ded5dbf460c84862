import Foundation

/// What `check` points out in a journal whose every line reads: lines that are valid one by
/// one but odd together, and dates that could not yet have happened.
///
/// - two lines with the same revision of one record (two writers that did not share the lock,
///   or a copy pasted twice): which one counts is ambiguous;
/// - a revision lower than an earlier one: the history was edited or shuffled;
/// - a record whose kind changes (a dose id that becomes a symptom): a correction never does that;
/// - a record dated more than a day after now: written while the clock was wrong, or typed so
///   (`FutureDating`; an appointment or a plan step ahead is not).
public struct JournalAudit: Sendable {
    public struct Remark: Equatable, Sendable {
        public let line: Int
        public let text: String
    }

    private struct Seen: Sendable {
        var revision: Int
        var kind: String?
        var line: Int
    }

    private struct Dated: Sendable {
        var line: Int
        var id: EntryID
        var day: LocalDate
        var kind: EntryKind?
        var recordedAt: Date
        var occurredAt: Date?
    }

    private var seen: [EntryID: Seen] = [:]
    private var dated: [Dated] = []
    /// Revision anomalies, in file order.
    public private(set) var remarks: [Remark] = []

    public init() {}

    public mutating func add(_ entry: Entry, line: Int) {
        let kind = entry.body?.kindName
        if let before = seen[entry.id] {
            let id = entry.id.rawValue
            if entry.revision == before.revision {
                remarks.append(Remark(line: line, text: "record \(id) has revision \(entry.revision) twice (also on line \(before.line))"))
            } else if entry.revision < before.revision {
                remarks.append(Remark(line: line, text: "record \(id) goes back from revision \(before.revision) (line \(before.line)) to \(entry.revision)"))
            }
            if let kind, let earlier = before.kind, kind != earlier {
                remarks.append(Remark(line: line, text: "record \(id) changes kind from \(earlier) (line \(before.line)) to \(kind)"))
            }
        }
        seen[entry.id] = Seen(revision: max(entry.revision, seen[entry.id]?.revision ?? 0),
                              kind: kind ?? seen[entry.id]?.kind, line: line)
        // A withdrawal has no kind of its own: the record's earlier one decides.
        let datedKind = entry.kind ?? seen[entry.id]?.kind.flatMap(EntryKind.init(rawValue:))
        dated.append(Dated(line: line, id: entry.id, day: entry.day, kind: datedKind, recordedAt: entry.recordedAt, occurredAt: entry.occurredAt))
    }

    /// Records dated more than a day after `now` (their day, or when they were written or happened).
    public func future(now: Date, timeZone: TimeZone) -> [Remark] {
        let rule = FutureDating(now: now, timeZone: timeZone)
        return dated.filter { rule.isFuture(day: $0.day, kind: $0.kind, recordedAt: $0.recordedAt, occurredAt: $0.occurredAt) }.map {
            Remark(line: $0.line, text: "record \($0.id.rawValue) is dated \($0.day.iso), "
                   + "after now (the computer's clock may have been wrong when it was written)")
        }
    }
}
