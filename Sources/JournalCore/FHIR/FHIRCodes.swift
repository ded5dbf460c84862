import Foundation
import JournalResources

/// The codes the FHIR export uses, as data: `Resources/fhir-codes.json`, compiled into the
/// binary. Each code carries its source; a record without one is exported with words only.
public struct FHIRCodes: Sendable, Decodable, Equatable {
    /// One coding and where it was checked.
    public struct Code: Sendable, Decodable, Equatable {
        public let system: String
        public let code: String
        public let display: String?
        public let source: String
    }

    public struct Categories: Sendable, Decodable, Equatable {
        public let laboratory: Code
        public let survey: Code
        public let vitalSigns: Code
    }

    public struct Unit: Sendable, Decodable, Equatable {
        public let unit: String
        public let ucum: String
    }

    /// A lab test in one unit: its code when one is sourced, else why not.
    public struct Lab: Sendable, Decodable, Equatable {
        public let test: LabTest
        public let unit: LabUnit
        public let ucum: String
        public let code: Code?
        public let why: String?
    }

    public struct PregnancyTest: Sendable, Decodable, Equatable {
        public let setting: TestSetting
        public let code: Code?
        public let why: String?
    }

    public struct PHQ: Sendable, Decodable, Equatable {
        public let phq2Total: Code
        public let phq9Total: Code
        /// Items 1 to 9 in questionnaire order.
        public let items: [Code]
        /// The answers 0 to 3 ("Not at all" … "Nearly every day").
        public let answers: [Code]
    }

    public struct BodyWeight: Sendable, Decodable, Equatable {
        public let code: Code
        public let unit: String
        public let ucum: String
    }

    public let ucum: String
    public let categories: Categories
    public let medication: Code
    public let doseUnit: Unit
    public let labs: [Lab]
    public let pregnancyTests: [PregnancyTest]
    public let pregnancyOutcomes: [String: Code]
    public let flagLevels: [String: Code]
    public let symptoms: [String: Code]
    public let phq: PHQ
    public let bodyWeight: BodyWeight

    /// The codes shipped in the binary. A broken resource is a build defect, caught by tests.
    public static let shipped = decodeShipped(FHIRCodes.self, from: EmbeddedResources.fhirCodes, file: "fhir-codes.json")

    public func lab(_ test: LabTest, unit: LabUnit) -> Lab? { labs.first { $0.test == test && $0.unit == unit } }

    public func pregnancyTest(setting: TestSetting?) -> PregnancyTest? {
        setting.flatMap { wanted in pregnancyTests.first { $0.setting == wanted } }
    }
}
