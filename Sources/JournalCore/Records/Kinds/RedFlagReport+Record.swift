import Foundation

extension RedFlagReport: RecordPayload {
    public static var kind: EntryKind { .redFlag }
    public static var group: RecordGroup { .flagsAndMood }
    public var body: EntryBody { .redFlag(self) }

    public func line(_ entry: Entry, timeZone: TimeZone) -> String {
        "RED FLAG: " + question + (acknowledgedAt.map { " (notice read \(RecordText.clock($0, timeZone)))" } ?? "")
    }

    public var notes: [String] { [] }
    public var subject: String { question }
    public func alert(_ entry: Entry, context: RecordContext) -> RecordAlert? { RecordAlert(level: .alarm, label: "RED FLAG") }

    public func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields {
        // A red flag logged from the shell has no time of its own: the notice's is the next best.
        let time = entry.occurredAt == nil ? acknowledgedAt.map { Timestamp.offsetText($0, in: context.timeZone) } : nil
        return CSVFields(name: flag, detail: question, time: time)
    }

    public var implausibility: String? { nil }
    public var instants: [(instant: Date, what: String)] { acknowledgedAt.map { [($0, "the time the notice was closed")] } ?? [] }

    private var question: String { RedFlagCatalogue.shipped.flag(id: flag)?.question ?? flag }
}
