import Foundation

/// One PHQ-2 (and, when it steps up, PHQ-9) mood check. Scores are kept; the journal never
/// diagnoses.
public struct MoodCheck: Equatable, Codable, Sendable {
    /// Answers 0–3 in questionnaire order: 2 for a PHQ-2 alone, 9 when it stepped up.
    public var answers: [Int]
    /// When the crisis guidance for item 9 was shown and closed, if it was.
    public var crisisGuidanceShownAt: Date?

    public init(answers: [Int], crisisGuidanceShownAt: Date? = nil) {
        self.answers = answers
        self.crisisGuidanceShownAt = crisisGuidanceShownAt
    }

    enum CodingKeys: String, CodingKey { case answers, crisisGuidanceShownAt }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        answers = try c.decode([Int].self, forKey: .answers)
        guard answers.count == 2 || answers.count == 9, answers.allSatisfy({ (0...3).contains($0) }) else {
            throw DecodingError.dataCorruptedError(forKey: .answers, in: c, debugDescription: "\"answers\" must be 2 or 9 numbers from 0 to 3")
        }
        if let text = try c.decodeIfPresent(String.self, forKey: .crisisGuidanceShownAt) {
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(forKey: .crisisGuidanceShownAt, in: c, debugDescription: "bad time")
            }
            crisisGuidanceShownAt = date
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(answers, forKey: .answers)
        try c.encodeIfPresent(crisisGuidanceShownAt.map(Timestamp.utcText), forKey: .crisisGuidanceShownAt)
    }

    public static func entryID(day: LocalDate) -> EntryID { EntryID("mood-\(day.iso)") }

    public var phq2Score: Int { answers.prefix(2).reduce(0, +) }
    /// nil when only the PHQ-2 was asked.
    public var phq9Score: Int? { answers.count == 9 ? answers.reduce(0, +) : nil }
    /// Any answer but "not at all" to item 9 (thoughts of self-harm).
    public var selfHarmAnswered: Bool { answers.count == 9 && answers[8] > 0 }
}
