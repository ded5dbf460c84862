import Foundation
import JournalResources

/// The red-flag questions asked with the daily log, and the notice a yes brings.
/// Loaded from `Resources/red-flags.json`, which is compiled into the binary.
public struct RedFlagCatalogue: Sendable, Decodable {
    public struct Flag: Sendable, Decodable, Equatable {
        public let id: String
        public let question: String
        /// Patient categories the question is asked of; nil: everyone.
        public let categories: [CourseSettings.PatientCategory]?
        /// The notice for this flag when it differs from the catalogue's.
        public let notice: String?
        /// A yes also shows the crisis guidance (thoughts of self-harm), as PHQ-9 item 9 does.
        public let crisisGuidance: Bool?

        public func applies(to category: CourseSettings.PatientCategory?) -> Bool {
            guard let categories else { return true }
            return category.map(categories.contains) ?? false
        }

        public var showsCrisisGuidance: Bool { crisisGuidance ?? false }
    }

    public let source: String
    public let notice: String
    public let flags: [Flag]

    public static let shipped: RedFlagCatalogue = {
        do {
            return try JSONDecoder().decode(RedFlagCatalogue.self, from: Data(EmbeddedResources.redFlagCatalogue))
        } catch {
            fatalError("Resources/red-flags.json does not decode: \(error)")
        }
    }()

    public func flag(id: String) -> Flag? { flags.first { $0.id == id } }

    /// The questions asked of a patient in `category` (before the course is set up: those asked of everyone).
    public func flags(for category: CourseSettings.PatientCategory?) -> [Flag] {
        flags.filter { $0.applies(to: category) }
    }

    /// The notice a yes to `id` brings.
    public func notice(for id: String) -> String { flag(id: id)?.notice ?? notice }

    /// Everything a yes to `id` shows, paragraph by paragraph: the notice, and for thoughts of
    /// self-harm the same crisis guidance as PHQ-9 item 9, with the crisis line from settings.
    public func noticeParagraphs(for id: String, crisisLine: String) -> [String] {
        var paragraphs = [notice(for: id)]
        if flag(id: id)?.showsCrisisGuidance == true {
            paragraphs += [Questionnaire.phq.crisis, "Crisis line: " + crisisLine]
        }
        return paragraphs
    }
}
