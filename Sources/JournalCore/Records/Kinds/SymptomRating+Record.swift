import Foundation

extension SymptomRating: RecordPayload {
    public static var kind: EntryKind { .symptom }
    public static var group: RecordGroup { .symptoms }
    public var body: EntryBody { .symptom(self) }

    public func line(_ entry: Entry, timeZone: TimeZone) -> String {
        let catalogue = SymptomCatalogue.shipped
        return "\(catalogue.name(of: symptom)) \(grade) (\(catalogue.label(forGrade: grade)))" + (note.map { ": " + $0 } ?? "")
    }

    public var notes: [String] { note.map { [$0] } ?? [] }
    public var subject: String { SymptomCatalogue.shipped.name(of: symptom) }
    public func alert(_ entry: Entry, context: RecordContext) -> RecordAlert? { nil }

    public func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields {
        CSVFields(name: symptom, value: String(grade), unit: "grade 0-3", detail: SymptomCatalogue.shipped.label(forGrade: grade))
    }

    public var implausibility: String? {
        PlausibleNumbers.grade.contains(grade) ? nil : "its grade \(grade) is not 0, 1, 2 or 3"
    }

    public var instants: [(instant: Date, what: String)] { [] }
}
