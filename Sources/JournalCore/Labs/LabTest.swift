import Foundation

/// The blood and urine tests an isotretinoin course is followed with. The raw value is the
/// name the shell and the journal file use ("total-cholesterol").
public enum LabTest: String, Codable, Sendable, CaseIterable {
    case triglycerides
    case totalCholesterol = "total-cholesterol"
    case ldl
    case hdl
    case alt
    case ast
    case pregnancy

    public init(from decoder: any Decoder) throws { self = try decodeChoice(decoder) }

    /// As a patient reads it on a lab report.
    public var name: String {
        switch self {
        case .triglycerides: return "Triglycerides"
        case .totalCholesterol: return "Total cholesterol"
        case .ldl: return "LDL cholesterol"
        case .hdl: return "HDL cholesterol"
        case .alt: return "ALT (liver)"
        case .ast: return "AST (liver)"
        case .pregnancy: return "Pregnancy test"
        }
    }

    public enum Group: Sendable { case lipid, liverEnzyme, pregnancy }

    public var group: Group {
        switch self {
        case .triglycerides, .totalCholesterol, .ldl, .hdl: return .lipid
        case .alt, .ast: return .liverEnzyme
        case .pregnancy: return .pregnancy
        }
    }

    /// The units a lab reports this test in; the first is the default. Empty for pregnancy.
    public var units: [LabUnit] {
        switch group {
        case .lipid: return [.milligramsPerDeciliter, .millimolesPerLiter]
        case .liverEnzyme: return [.unitsPerLiter]
        case .pregnancy: return []
        }
    }

    public var hasValue: Bool { group != .pregnancy }
    /// ALT and AST are judged against the lab's own upper limit of normal.
    public var hasUpperLimit: Bool { group == .liverEnzyme }

    /// mg/dL in one mmol/L: triglycerides 88.57, cholesterol (total, LDL, HDL) 38.67
    /// (DOMAIN.md, "Labs"). Nil for tests not measured in both.
    public var milligramsPerDeciliterPerMillimole: Double? {
        switch self {
        case .triglycerides: return 88.57
        case .totalCholesterol, .ldl, .hdl: return 38.67
        default: return nil
        }
    }

    /// The value in `target` units, or nil when the test has no conversion between them.
    public func convert(_ value: Double, from source: LabUnit, to target: LabUnit) -> Double? {
        guard units.contains(source), units.contains(target) else { return nil }
        if source == target { return value }
        guard let factor = milligramsPerDeciliterPerMillimole else { return nil }
        return source == .millimolesPerLiter ? value * factor : value / factor
    }

    /// Values no lab reports for a living person, in the test's first unit; anything outside
    /// is a typo. Wide at the top on purpose (severe hypertriglyceridaemia can pass 10,000
    /// mg/dL, acute hepatitis 10,000 U/L); the lower ends catch the commonest slip, a mmol/L
    /// number entered as mg/dL (6.2 "mg/dL" of triglycerides).
    public var plausibleRange: ClosedRange<Double>? {
        switch self {
        case .triglycerides: return 10...20_000
        case .totalCholesterol: return 50...2_000
        case .ldl: return 5...1_500
        case .hdl: return 5...300
        case .alt, .ast: return 1...20_000
        case .pregnancy: return nil
        }
    }

    /// Upper limits of normal a lab may print for ALT or AST, in U/L.
    public static let plausibleUpperLimits: ClosedRange<Double> = 5...500

    /// Accepts the shell name, case-insensitively, with "_" or " " for "-".
    public init?(name text: String) {
        let key = text.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        let aliases: [String: LabTest] = ["tg": .triglycerides, "cholesterol": .totalCholesterol,
                                          "total-chol": .totalCholesterol, "tc": .totalCholesterol,
                                          "sgpt": .alt, "sgot": .ast, "hcg": .pregnancy, "pregnancy-test": .pregnancy]
        guard let test = LabTest(rawValue: key) ?? aliases[key] else { return nil }
        self = test
    }

    public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
