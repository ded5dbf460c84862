import Foundation

extension LabFlagSettings: RecordPayload {
    public static var kind: EntryKind { .labFlagSettings }
    public static var group: RecordGroup { .labs }
    public var body: EntryBody { .labFlagSettings(self) }

    public func line(_ entry: Entry, timeZone: TimeZone) -> String { LabText.settingsLine(self) }
    public var notes: [String] { [] }
    public var subject: String { "Lab limits" }
    public func alert(_ entry: Entry, context: RecordContext) -> RecordAlert? { nil }

    public func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields {
        // The whole record in words: a spreadsheet reader needs no other columns for it.
        CSVFields(name: Self.kind.rawValue, detail: line(entry, timeZone: context.timeZone))
    }

    public var implausibility: String? {
        limits.values.allSatisfy({ PlausibleNumbers.labValue.contains($0) }) ? nil : "a lab limit is not a possible number"
    }

    public var instants: [(instant: Date, what: String)] { [] }
}
