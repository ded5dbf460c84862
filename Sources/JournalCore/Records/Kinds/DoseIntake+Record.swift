import Foundation

extension DoseIntake: RecordPayload {
    public static var kind: EntryKind { .dose }
    public static var group: RecordGroup { .doses }
    public var body: EntryBody { .dose(self) }

    public func line(_ entry: Entry, timeZone: TimeZone) -> String {
        switch status {
        case .skipped:
            return "Dose (\(slot)): skipped"
        case .taken:
            let food = withFood.map { $0 ? ", with food" : ", without food" } ?? ""
            let time = entry.occurredAt.map { " at \(RecordText.clock($0, timeZone))" } ?? ""
            let hold = recordedWhile.map { " (recorded while \($0.replacingOccurrences(of: "-", with: " ")))" } ?? ""
            return "Dose (\(slot)): \(MilligramText.format(milligrams ?? 0)) mg taken\(time)\(food)\(hold)"
        }
    }

    public var notes: [String] { [] }
    public var subject: String { "Dose (\(slot))" }

    public func alert(_ entry: Entry, context: RecordContext) -> RecordAlert? {
        status == .skipped ? RecordAlert(level: .notice, label: "skipped") : nil
    }

    public func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields {
        CSVFields(name: slot, value: milligrams.map(RecordText.number) ?? "", unit: milligrams == nil ? "" : "mg", detail: status.rawValue)
    }

    public var implausibility: String? {
        if let mg = milligrams, !PlausibleNumbers.doseMilligrams.contains(mg) { return "its dose \(mg) mg is not a possible number of mg" }
        return nil
    }

    public var instants: [(instant: Date, what: String)] { [] }
}
