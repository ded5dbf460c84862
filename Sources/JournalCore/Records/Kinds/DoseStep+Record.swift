import Foundation

extension DoseStep: RecordPayload {
    public static var kind: EntryKind { .doseStep }
    public static var group: RecordGroup { .course }
    public var body: EntryBody { .doseStep(self) }

    public func line(_ entry: Entry, timeZone: TimeZone) -> String { "Plan from \(startDate.iso): \(summary)" }
    public var notes: [String] { [] }
    public var subject: String { "Dose plan" }
    public func alert(_ entry: Entry, context: RecordContext) -> RecordAlert? { nil }

    public func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields {
        // The whole record in words: a spreadsheet reader needs no other columns for it.
        CSVFields(name: Self.kind.rawValue, detail: line(entry, timeZone: context.timeZone))
    }

    public var implausibility: String? {
        cycle.joined().contains(where: { !PlausibleNumbers.doseMilligrams.contains($0) }) ? "a planned dose is not a possible number of mg" : nil
    }

    public var instants: [(instant: Date, what: String)] { [] }
}
