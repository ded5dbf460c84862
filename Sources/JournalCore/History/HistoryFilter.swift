import Foundation

/// Which records the history shows: a date range, one group of kinds, only flagged ones,
/// and words to find in notes. The empty filter shows everything.
public struct HistoryFilter: Equatable, Sendable {
    public var from: LocalDate?
    public var to: LocalDate?
    /// nil: every kind.
    public var group: RecordGroup?
    public var flaggedOnly: Bool
    /// Found, ignoring case, in the record's notes and reasons (and its one-line description).
    public var search: String

    public init(from: LocalDate? = nil, to: LocalDate? = nil, group: RecordGroup? = nil, flaggedOnly: Bool = false, search: String = "") {
        self.from = from
        self.to = to
        self.group = group
        self.flaggedOnly = flaggedOnly
        self.search = search
    }

    public var isEmpty: Bool { self == HistoryFilter() }

    public func contains(day: LocalDate) -> Bool {
        (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
    }

    /// Whether a timeline row passes. `entry` is the record as it stands (for a withdrawn
    /// record, its last content), `alert` what it raises.
    public func matches(_ entry: Entry, alert: RecordAlert?, description: String) -> Bool {
        guard contains(day: entry.day) else { return false }
        if let group, RecordGroup.of(entry.kind) != group { return false }
        if flaggedOnly, !(alert?.isFlag ?? false) { return false }
        let needle = search.trimmingCharacters(in: .whitespaces)
        if !needle.isEmpty {
            let haystack = ([description, entry.reason ?? ""] + RecordNotes.of(entry)).joined(separator: "\n")
            guard haystack.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil else { return false }
        }
        return true
    }

    /// "26 Nov – 3 Dec · labs · flagged · “lips”", or "everything".
    public var summary: String {
        var parts: [String] = []
        if from != nil || to != nil { parts.append("\(from?.iso ?? "start") to \(to?.iso ?? "now")") }
        if let group { parts.append(group.rawValue) }
        if flaggedOnly { parts.append("flagged only") }
        if !search.trimmingCharacters(in: .whitespaces).isEmpty { parts.append("notes with \"\(search)\"") }
        return parts.isEmpty ? "everything" : parts.joined(separator: " · ")
    }
}

/// The words a person wrote on a record: notes, reasons, their own checklist items (each kind
/// declares them: `RecordPayload.notes`).
public enum RecordNotes {
    public static func of(_ entry: Entry) -> [String] { entry.body?.payload?.notes ?? [] }
}
