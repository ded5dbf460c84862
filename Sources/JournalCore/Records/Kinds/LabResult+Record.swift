import Foundation

extension LabResult: RecordPayload {
    public static var kind: EntryKind { .labResult }
    public static var group: RecordGroup { .labs }
    public var body: EntryBody { .labResult(self) }

    public func line(_ entry: Entry, timeZone: TimeZone) -> String { LabText.resultLine(self, day: entry.day) }
    public var notes: [String] { note.map { [$0] } ?? [] }
    public var subject: String { test.name }

    public func alert(_ entry: Entry, context: RecordContext) -> RecordAlert? {
        guard let flag = context.labs.results.first(where: { $0.id == entry.id })?.highestFlag else { return nil }
        let level: RecordAlert.Level = flag.level.isAlarm ? .alarm : (flag.level == .noted ? .notice : .tell)
        return RecordAlert(level: level, label: flag.level.mark)
    }

    public func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields {
        let dated = context.labs.results.first { $0.id == entry.id }
        var detail = dated?.highestFlag?.limitText ?? ""
        if dated?.isJudged == false { detail = LabJudgement.notJudgedText }
        if let uln = upperLimitOfNormal { detail += (detail.isEmpty ? "" : "; ") + "upper limit of normal \(RecordText.number(uln)) U/L" }
        let shown = outcome?.rawValue ?? value.map(RecordText.number) ?? ""
        return CSVFields(name: test.rawValue, value: shown, unit: unit?.rawValue ?? "", detail: detail)
    }

    public var implausibility: String? {
        // Also refuses NaN and infinity, which JSON could not hold.
        let outside = [value, upperLimitOfNormal].contains { $0.map { !PlausibleNumbers.labValue.contains($0) } ?? false }
        return outside ? "its lab value is not a possible number" : nil
    }

    public var instants: [(instant: Date, what: String)] { [] }
}
