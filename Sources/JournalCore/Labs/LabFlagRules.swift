import Foundation
import JournalResources

/// When a lab result is flagged, as data: `Resources/lab-flags.json`, compiled into the
/// binary. Each rule carries the words the patient sees and where its number comes from.
public struct LabFlagRules: Sendable, Decodable, Equatable {
    /// How serious a flag is, lowest first.
    public enum Level: String, Sendable, Codable, Comparable, CaseIterable {
        /// Outside the lab's normal range: kept visible, no action asked.
        case noted
        /// "Tell your prescriber".
        case tell
        /// "Contact your prescriber promptly".
        case promptly
        /// Stop and contact the prescriber at once (the label's own words).
        case urgent

        public static func < (a: Level, b: Level) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }

        /// Shown in lists beside a flagged value.
        public var mark: String {
            switch self {
            case .noted: return "above normal"
            case .tell: return "TELL PRESCRIBER"
            case .promptly: return "CONTACT PROMPTLY"
            case .urgent: return "STOP, CALL NOW"
            }
        }

        /// Whether the notice must be closed deliberately (the alarm style).
        public var isAlarm: Bool { self >= .promptly }
    }

    public enum Comparison: String, Sendable, Decodable {
        case atLeast = "at-least"
        case above

        public func holds(_ value: Double, _ limit: Double) -> Bool {
            self == .atLeast ? value >= limit : value > limit
        }

        public var symbol: String { self == .atLeast ? "≥" : ">" }
    }

    public struct Rule: Sendable, Decodable, Equatable {
        public let id: String
        public let test: LabTest
        public let compare: Comparison?
        /// An absolute limit, in `unit`.
        public let limit: Double?
        public let unit: LabUnit?
        /// A limit relative to the lab's upper limit of normal (ALT, AST).
        public let timesUpperLimit: Double?
        /// Pregnancy tests: the outcome that raises the flag.
        public let outcome: LabResult.PregnancyOutcome?
        public let level: Level
        public let wording: String
        public let source: String

        /// The number a settings override replaces: the limit, or the multiple of the ULN.
        public var threshold: Double? { limit ?? timesUpperLimit }
    }

    public struct RuleSet: Sendable, Decodable, Equatable, DatedRuleSet {
        public let id: String
        /// Results whose specimen was taken on or after this day are judged by this set.
        public let effectiveFrom: LocalDate
        public let rules: [Rule]
    }

    public let about: String
    public let ruleSets: [RuleSet]

    public init(about: String, ruleSets: [RuleSet]) {
        self.about = about
        self.ruleSets = ruleSets.sorted { $0.effectiveFrom < $1.effectiveFrom }
    }

    enum CodingKeys: String, CodingKey { case about, ruleSets }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(about: try c.decode(String.self, forKey: .about), ruleSets: try c.decode([RuleSet].self, forKey: .ruleSets))
    }

    /// The rules shipped in the binary. A broken resource is a build defect, caught by tests.
    public static let shipped = decodeShipped(LabFlagRules.self, from: EmbeddedResources.labFlagRules, file: "lab-flags.json")

    /// The set in force on a specimen day: the latest that took effect on or before it (the
    /// earliest for days before any).
    public func ruleSet(on day: LocalDate) -> RuleSet? {
        ruleSets.inForce(on: day)
    }

    public func rules(for test: LabTest, on day: LocalDate) -> [Rule] {
        ruleSet(on: day)?.rules.filter { $0.test == test } ?? []
    }
}
