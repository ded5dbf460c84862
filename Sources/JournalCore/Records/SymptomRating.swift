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
}
