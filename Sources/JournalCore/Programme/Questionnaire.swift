import Foundation
import JournalResources

/// The PHQ wording as published (Resources/phq.json) and the stepping rule.
public struct Questionnaire: Sendable, Decodable {
    public let source: String
    public let stem: String
    public let answers: [String]
    public let items: [String]
    public let crisis: String

    public static let phq: Questionnaire = {
        do {
            return try JSONDecoder().decode(Questionnaire.self, from: Data(EmbeddedResources.phqQuestionnaire))
        } catch {
            fatalError("Resources/phq.json does not decode: \(error)")
        }
    }()

    /// How many questions to ask given the answers so far: the PHQ-2, then all nine when
    /// the PHQ-2 score reaches the step-up threshold.
    public static func questionCount(afterAnswers answers: [Int], stepUpAt: Int) -> Int {
        guard answers.count >= 2 else { return 2 }
        return answers.prefix(2).reduce(0, +) >= stepUpAt ? 9 : 2
    }
}
