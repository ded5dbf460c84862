/// How much one symptom limited one day, on the journal's 0–3 scale, with the person's note.
public struct SymptomRating: Equatable, Codable, Sendable {
    /// The catalogue slug, e.g. "chapped-lips".
    public var symptom: String
    /// 0 none, 1 noticeable, 2 limits some activities, 3 limits self-care.
    public var grade: Int
    public var note: String?

    public init(symptom: String, grade: Int, note: String? = nil) {
        self.symptom = symptom
        self.grade = grade
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case symptom, grade, note
    }

    /// One rating per symptom per day: the id says which.
    public static func entryID(day: LocalDate, symptom: String) -> EntryID {
        EntryID("symptom-\(day.iso)-\(symptom)")
    }

    public static let grades = 0...3

    /// Why this rating cannot be saved as it is, the same for every way of logging it.
    public enum Problem: Equatable, Sendable {
        /// Not 0, 1, 2 or 3.
        case gradeOutOfRange
        /// A symptom the catalogue names only vaguely ("other") needs words saying what it is.
        case needsDescription
    }

    /// The rating's problem, if any; `symptom` is its catalogue entry.
    public func problem(_ symptom: SymptomCatalogue.Symptom) -> Problem? {
        guard Self.grades.contains(grade) else { return .gradeOutOfRange }
        if symptom.needsDescription, grade > 0, (note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "").isEmpty {
            return .needsDescription
        }
        return nil
    }
}
