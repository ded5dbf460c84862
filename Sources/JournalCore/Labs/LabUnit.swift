import Foundation

/// A unit a lab value is reported in, written as lab reports write it.
public enum LabUnit: String, Codable, Sendable, CaseIterable {
    case milligramsPerDeciliter = "mg/dL"
    case millimolesPerLiter = "mmol/L"
    case unitsPerLiter = "U/L"

    public init(from decoder: any Decoder) throws { self = try decodeChoice(decoder) }

    /// Accepts any letter case, and "IU/L" (the same unit for enzymes).
    public init?(text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        if key == "iu/l" { self = .unitsPerLiter; return }
        guard let unit = LabUnit.allCases.first(where: { $0.rawValue.lowercased() == key }) else { return nil }
        self = unit
    }
}

/// Lab numbers as reports print them: mmol/L with two decimals, mg/dL and U/L with at most
/// one, and no trailing ".0".
public enum LabValueText {
    /// `converted` values (not what the person typed) are shown as a lab would print them:
    /// whole mg/dL, so 6.2 mmol/L reads 549 mg/dL rather than 549.1.
    public static func format(_ value: Double, _ unit: LabUnit, converted: Bool = false) -> String {
        let decimals = unit == .millimolesPerLiter ? 2 : (converted ? 0 : 1)
        let scale = [1.0, 10.0, 100.0][decimals]
        let rounded = (value * scale).rounded() / scale
        if let whole = NumberText.plain(rounded) { return whole }
        guard abs(rounded) < 1e15 else { return String(value) }
        var text = String(format: "%.\(decimals)f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// A multiple of the upper limit of normal, to two decimals ("1.03", "3.0"), so a value
    /// just above the limit never reads as exactly 1.
    public static func times(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        if text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// "549 mg/dL".
    public static func withUnit(_ value: Double, _ unit: LabUnit, converted: Bool = false) -> String {
        format(value, unit, converted: converted) + " " + unit.rawValue
    }
}
