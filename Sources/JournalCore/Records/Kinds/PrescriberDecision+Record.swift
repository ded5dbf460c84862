import Foundation

extension PrescriberDecision: RecordPayload {
    public static var kind: EntryKind { .prescriberDecision }
    public static var group: RecordGroup { .course }
    public var body: EntryBody { .prescriberDecision(self) }

    public func line(_ entry: Entry, timeZone: TimeZone) -> String {
        "Prescriber's decision: \(summary) (" + (decidedBy.map { "\($0), " } ?? "") + "\(RecordText.clock(decidedAt, timeZone)))"
            + (note.map { ": \($0)" } ?? "")
    }

    public var notes: [String] { note.map { [$0] } ?? [] }
    public var subject: String { "Prescriber's decision" }
    public func alert(_ entry: Entry, context: RecordContext) -> RecordAlert? { nil }

    public func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields {
        // The whole record in words: a spreadsheet reader needs no other columns for it.
        CSVFields(name: Self.kind.rawValue, detail: line(entry, timeZone: context.timeZone))
    }

    public var implausibility: String? { nil }
    public var instants: [(instant: Date, what: String)] { [(decidedAt, "the time of the prescriber's decision")] }
}
