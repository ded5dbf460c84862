import Foundation
import JournalResources

/// The monthly programme rule sets, the after-course countdowns and the mood-check
/// thresholds, as shipped in `Resources/programme-rules.json`. Rules are data: a new
/// programme or a rule change is a new entry in that file, with its date and source.
public struct ProgrammeRules: Sendable, Decodable {
    public struct Window: Sendable, Decodable, Equatable {
        /// What opens it: "pregnancy-test" (the specimen date) or "prescriber-visit".
        public let opensOn: String
        /// Day 1 is the opening day; the window closes on Day `days`.
        public let days: Int
    }

    public struct CategoryRules: Sendable, Decodable, Equatable {
        public let items: [String]
        public let window: Window?
        public let pregnancyTestSetting: String?
        /// What happens after a missed window when no wait applies, in the rule set's words.
        public let missedWindow: String?
        /// The same when the wait applies ({retestDay} is filled in).
        public let missedWindowWithWait: String?
        /// After a missed window the next pregnancy test waits this many days after the test
        /// that opened it (2021 rules: 19) ...
        public let missedWindowWaitDays: Int?
        /// ... for these prescriptions: "first-prescription" (course month 1) or "every-prescription".
        public let waitAppliesTo: String?

        /// Days the next test must wait after a window of course month `month` was missed;
        /// nil when it may be done at once.
        public func missedWindowWait(month: Int) -> Int? {
            guard let days = missedWindowWaitDays, days > 0 else { return nil }
            switch waitAppliesTo {
            case "every-prescription": return days
            case "first-prescription": return month == 1 ? days : nil
            default: return nil
            }
        }
    }

    public struct RuleSet: Sendable, Decodable, Equatable {
        public let id: String
        public let name: String
        public let effectiveFrom: LocalDate?
        public let effectiveFromNote: String?
        public let source: String
        public let categories: [String: CategoryRules]

        public func rules(for category: CourseSettings.PatientCategory) -> CategoryRules? { categories[category.rawValue] }
    }

    public struct AfterCourseRule: Sendable, Decodable, Equatable {
        public let id: String
        /// Calendar months after the last dose (0: the day of the last dose).
        public let months: Int
        /// A pregnancy test: done by a negative test from `countsFromDays` around the date
        /// until the next test countdown's own first day, so one test never counts twice.
        public let pregnancyTest: Bool?
        public let countsFromDays: Int?
        public let categories: [String]
        public let text: String
        public let source: String
    }

    public struct MoodRules: Sendable, Decodable, Equatable {
        /// The course day the first check falls due (7: the end of the first week), not day 1.
        public let firstOnCourseDay: Int
        public let intervalDays: Int
        public let phq2StepUpAt: Int
        public let phq9TellPrescriberAt: Int
        public let source: String
    }

    public let ruleSets: [RuleSet]
    public let afterCourse: [AfterCourseRule]
    public let moodCheck: MoodRules

    public static let shipped: ProgrammeRules = {
        do {
            return try JSONDecoder().decode(ProgrammeRules.self, from: Data(EmbeddedResources.programmeRules))
        } catch {
            fatalError("Resources/programme-rules.json does not decode: \(error)")
        }
    }()

    public func ruleSet(id: String) -> RuleSet? { ruleSets.first { $0.id == id } }

    /// The rule set for a day: the user's choice if they made one, else the dated rule set
    /// most recently in force (with the user's effective-date overrides), else "generic".
    public func ruleSet(on day: LocalDate, settings: ProgrammeSettings) -> RuleSet {
        if let chosen = settings.ruleSetID, let set = ruleSet(id: chosen) { return set }
        let dated = ruleSets.compactMap { set -> (RuleSet, LocalDate)? in
            guard let from = settings.effectiveFromOverrides[set.id] ?? set.effectiveFrom else { return nil }
            return (set, from)
        }
        return dated.filter { $0.1 <= day }.max { $0.1 < $1.1 }?.0 ?? ruleSet(id: "generic")!
    }
}
