import Foundation

extension ChecklistTick: RecordPayload {
    public static var kind: EntryKind { .checklistTick }
    public static var group: RecordGroup { .checklist }
    public var body: EntryBody { .checklistTick(self) }

    public func line(_ entry: Entry, timeZone: TimeZone) -> String {
        "Checklist month \(month): \(ChecklistItemKind.title(of: item)) \(done ? "done" : "not done")" + (note.map { " (\($0))" } ?? "")
    }

    public var notes: [String] { note.map { [$0] } ?? [] }
    public var subject: String { ChecklistItemKind.title(of: item) }
    public func alert(_ entry: Entry, context: RecordContext) -> RecordAlert? { nil }

    public func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields {
        CSVFields(name: item, value: done ? "done" : "not done", detail: "course month \(month)")
    }

    public var implausibility: String? {
        PlausibleNumbers.courseMonth.contains(month) ? nil : "its course month \(month) is not possible"
    }

    public var instants: [(instant: Date, what: String)] { [] }
}

extension ChecklistCustomItem: RecordPayload {
    public static var kind: EntryKind { .checklistItem }
    public static var group: RecordGroup { .checklist }
    public var body: EntryBody { .checklistItem(self) }

    public func line(_ entry: Entry, timeZone: TimeZone) -> String { "Checklist month \(month): added \"\(title)\"" }
    /// The person's own words, searched — but not a note on something else (the report skips it).
    public var notes: [String] { [title] }
    public var subject: String { "Checklist item" }
    public func alert(_ entry: Entry, context: RecordContext) -> RecordAlert? { nil }

    public func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields {
        // The whole record in words: a spreadsheet reader needs no other columns for it.
        CSVFields(name: Self.kind.rawValue, detail: line(entry, timeZone: context.timeZone))
    }

    public var implausibility: String? {
        PlausibleNumbers.courseMonth.contains(month) ? nil : "its course month \(month) is not possible"
    }

    public var instants: [(instant: Date, what: String)] { [] }
}
