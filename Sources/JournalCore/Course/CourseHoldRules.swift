import Foundation
import JournalResources

/// Which recorded events put the course on hold until the prescriber's decision is recorded,
/// as data: `Resources/course-holds.json`, dated rule sets each naming its source.
public struct CourseHoldRules: Sendable, Decodable, Equatable {
    /// The kind of record a rule watches.
    public enum Event: String, Sendable, Decodable {
        /// A lab result's flag (by rule id or by level).
        case labFlag = "lab-flag"
        /// A red-flag question answered yes.
        case redFlag = "red-flag"
        /// PHQ-9 item 9 answered anything but "not at all".
        case moodSelfHarm = "mood-self-harm"
    }

    public struct Rule: Sendable, Decodable, Equatable {
        public let id: String
        public let event: Event
        /// Red flags that hold the course; nil: every red flag.
        public let redFlags: [String]?
        /// Lab flag rules (Resources/lab-flags.json ids) that hold the course.
        public let labFlagRules: [String]?
        /// Any lab flag at this level or above holds the course.
        public let labFlagLevelAtLeast: LabFlagRules.Level?
        /// Patient categories the rule applies to; nil: everyone.
        public let categories: [CourseSettings.PatientCategory]?
        /// Short words for the event ("Positive pregnancy test").
        public let what: String
        public let source: String

        func applies(to category: CourseSettings.PatientCategory) -> Bool {
            categories?.contains(category) ?? true
        }

        func matches(redFlag id: String) -> Bool {
            event == .redFlag && (redFlags?.contains(id) ?? true)
        }

        func matches(labFlag: LabFlag) -> Bool {
            guard event == .labFlag else { return false }
            if labFlagRules?.contains(labFlag.ruleID) == true { return true }
            if let level = labFlagLevelAtLeast, labFlag.level >= level { return true }
            return false
        }
    }

    public struct RuleSet: Sendable, Decodable, Equatable, DatedRuleSet {
        public let id: String
        /// Events on or after this day are judged by this set.
        public let effectiveFrom: LocalDate
        public let rules: [Rule]
    }

    public let about: String
    public let ruleSets: [RuleSet]

    /// The rules shipped in the binary.
    public static let shipped = decodeShipped(CourseHoldRules.self, from: EmbeddedResources.courseHoldRules, file: "course-holds.json")

    /// The rules in force for an event on `day` (the earliest set for days before any).
    public func rules(on day: LocalDate, category: CourseSettings.PatientCategory) -> [Rule] {
        (ruleSets.inForce(on: day)?.rules ?? []).filter { $0.applies(to: category) }
    }
}
