import Foundation

extension MedicineNote: RecordPayload {
    public static var kind: EntryKind { .medicine }
    public static var group: RecordGroup { .doses }
    public var body: EntryBody { .medicine(self) }

    public func line(_ entry: Entry, timeZone: TimeZone) -> String {
        "Other medicine: \(name)" + (note.map { " (\($0))" } ?? "") + (warningShown != nil ? " — interaction warning shown" : "")
    }

    public var notes: [String] { note.map { [$0] } ?? [] }
    public var subject: String { name }

    public func alert(_ entry: Entry, context: RecordContext) -> RecordAlert? {
        warningShown != nil ? RecordAlert(level: .tell, label: "INTERACTION") : nil
    }

    public func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields {
        // The whole record in words: a spreadsheet reader needs no other columns for it.
        CSVFields(name: Self.kind.rawValue, detail: line(entry, timeZone: context.timeZone))
    }

    public var implausibility: String? { nil }
    public var instants: [(instant: Date, what: String)] { [] }
}
