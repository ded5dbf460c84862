import Foundation

/// A number as a person typed it into any numeric field, in the shell or a form.
public struct TypedNumber: Equatable, Sendable {
    public let value: Double
    /// The number as typed, without its unit: "2.0" stays "2.0" and "61,5" stays "61,5", so a
    /// confirmation says back exactly what was entered.
    public let text: String
    /// The unit written after the number, in the field's own spelling ("mg", "lb"); nil when none.
    public let unit: String?
}

/// The one convention for numbers typed anywhere: digits with at most one decimal point or
/// decimal comma ("61.5", "61,5"), optionally followed by a unit, with or without a space
/// ("40mg", "40 mg", "40"). Every numeric field reads its input here, so a dose, a weight, a
/// target and a lab value accept and refuse the same things.
public enum NumberInput {
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public enum Reason: Sendable { case notANumber, readsTwoWays, wrongUnit }
        public let reason: Reason
        public let message: String
        public init(_ reason: Reason, _ message: String) {
            self.reason = reason
            self.message = message
        }
        public var description: String { message }
    }

    /// `field` names the field in messages ("Dose", "Weight"). `units` are the units it takes
    /// in their usual spelling, matched ignoring case (`aliases` maps other spellings, e.g.
    /// "lbs" → "lb"); a unit not among them is refused in one line. With `units` nil the unit
    /// is handed back as typed, for a caller that checks units itself (lab values).
    ///
    /// A comma followed by exactly three digits ("1,200") is refused rather than guessed: it
    /// is a thousands separator in some countries and a decimal comma in others.
    public static func read(_ input: String, field: String, units: [String]?, aliases: [String: String] = [:]) throws(Problem) -> TypedNumber {
        let trimmed = input.trimmingCharacters(in: .whitespaces)
        let numberEnd = trimmed.firstIndex { !($0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == "-")) } ?? trimmed.endIndex
        let number = String(trimmed[..<numberEnd])
        let unitText = trimmed[numberEnd...].trimmingCharacters(in: .whitespaces)
        // A unit has no digits: "1e3" or "40mg2" is a mistyped number, not a number and a unit.
        guard !unitText.contains(where: \.isNumber) else { throw Problem(.notANumber, "\(field): '\(trimmed)' is not a number.") }
        let value = try self.value(of: number, whole: trimmed, field: field)
        guard !unitText.isEmpty else { return TypedNumber(value: value, text: number, unit: nil) }
        guard let units else { return TypedNumber(value: value, text: number, unit: unitText) }
        let key = unitText.lowercased()
        let spelled = units.first { $0.lowercased() == key } ?? aliases.first { $0.key.lowercased() == key }?.value
        guard let spelled else {
            throw Problem(.wrongUnit, units.isEmpty
                ? "\(field): '\(trimmed)' takes no unit; give the number alone."
                : "\(field): '\(unitText)' is not a unit for this; give \(units.joined(separator: " or ")) (or the number alone).")
        }
        return TypedNumber(value: value, text: number, unit: spelled)
    }

    private static func value(of number: String, whole: String, field: String) throws(Problem) -> Double {
        let negative = number.hasPrefix("-")
        let digits = negative ? String(number.dropFirst()) : number
        let separators = digits.filter { $0 == "." || $0 == "," }
        guard digits.contains(where: \.isNumber), !digits.contains("-"), separators.count <= 1 else {
            if separators.contains("."), separators.contains(",") {
                throw Problem(.readsTwoWays, "\(field): '\(whole)' has both a point and a comma; write it without thousands separators, e.g. 1200.5.")
            }
            throw Problem(.notANumber, "\(field): '\(whole)' is not a number.")
        }
        if let comma = digits.firstIndex(of: ",") {
            let before = digits[..<comma], after = digits[digits.index(after: comma)...]
            if after.count == 3 && !before.isEmpty && before != "0" {
                throw Problem(.readsTwoWays, "\(field): '\(whole)' could be read two ways; write \(before)\(after) or \(before).\(after).")
            }
        }
        guard let value = Double(digits.replacingOccurrences(of: ",", with: ".")), value.isFinite else {
            throw Problem(.notANumber, "\(field): '\(whole)' is not a number.")
        }
        return negative ? -value : value
    }
}
