import Foundation

extension CoursePause: RecordPayload {
    public static var kind: EntryKind { .pause }
    public static var group: RecordGroup { .course }
    public var body: EntryBody { .pause(self) }

    public func line(_ entry: Entry, timeZone: TimeZone) -> String {
        "Pause from \(startDate.iso)" + (endDate.map { " to \($0.iso)" } ?? " (ongoing)") + (reason.map { ": " + $0 } ?? "")
    }

    public var notes: [String] { reason.map { [$0] } ?? [] }
    public var subject: String { "Pause" }
    public func alert(_ entry: Entry, context: RecordContext) -> RecordAlert? { nil }

    public func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields {
        // The whole record in words: a spreadsheet reader needs no other columns for it.
        CSVFields(name: Self.kind.rawValue, detail: line(entry, timeZone: context.timeZone))
    }

    public var implausibility: String? { nil }
    public var instants: [(instant: Date, what: String)] { [] }
}
