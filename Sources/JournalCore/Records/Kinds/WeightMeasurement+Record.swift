import Foundation

extension WeightMeasurement: RecordPayload {
    public static var kind: EntryKind { .weight }
    public static var group: RecordGroup { .course }
    public var body: EntryBody { .weight(self) }

    public func line(_ entry: Entry, timeZone: TimeZone) -> String {
        "Weight \(MilligramText.format(enteredValue)) \(enteredUnit.rawValue)"
            + (enteredUnit == .kilograms ? "" : " (\(MilligramText.format(kilograms)) kg)")
    }

    public var notes: [String] { [] }
    public var subject: String { "Weight" }
    public func alert(_ entry: Entry, context: RecordContext) -> RecordAlert? { nil }

    public func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields {
        CSVFields(name: "weight", value: RecordText.number(kilograms), unit: "kg")
    }

    public var implausibility: String? {
        guard PlausibleNumbers.kilograms.contains(kilograms), PlausibleNumbers.enteredWeight.contains(enteredValue) else {
            return "its weight is not a possible body weight"
        }
        return nil
    }

    public var instants: [(instant: Date, what: String)] { [] }
}
