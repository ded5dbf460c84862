import Foundation

/// Turning what a patient typed (in the shell or the form) into a `LabResult`, or one plain
/// sentence saying what is wrong. Shared by `isojournal log lab` and the Labs screen, so
/// both accept and refuse exactly the same things.
public enum LabResultInput {
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public let message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    public static func test(named text: String) throws(Problem) -> LabTest {
        guard let test = LabTest(name: text.trimmingCharacters(in: .whitespaces)) else {
            throw Problem("Unknown test '\(text)'. Valid tests: \(LabTest.validNames).")
        }
        return test
    }

    /// Checks and builds a result. `unit` nil means the test's usual unit; `upperLimit` is
    /// for ALT/AST only; pregnancy tests take negative, positive or invalid as the value.
    public static func result(test: LabTest, value text: String, unit unitText: String?, upperLimit ulnText: String?,
                              fasting: Bool?, setting: TestSetting? = nil, note: String? = nil) throws(Problem) -> LabResult {
        let note = note.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard test.hasValue else {
            guard let outcome = LabResult.PregnancyOutcome(rawValue: trimmed.lowercased()) else {
                throw Problem("A pregnancy test result is negative, positive or invalid, not '\(text)'.")
            }
            if let unitText, !unitText.isEmpty { throw Problem("A pregnancy test has no unit; leave out '\(unitText)'.") }
            if let ulnText, !ulnText.isEmpty { throw Problem("An upper limit of normal is only for ALT and AST.") }
            return LabResult(test: test, outcome: outcome, setting: setting, fasting: nil, note: note)
        }
        if setting != nil { throw Problem("A setting (clinic or home) is only for pregnancy tests.") }
        let unit = try self.unit(unitText, for: test)
        let value = try number(trimmed, what: "\(test.name) value")
        try checkPlausible(value, unit, test)
        var upperLimit: Double?
        if let ulnText, !ulnText.trimmingCharacters(in: .whitespaces).isEmpty {
            guard test.hasUpperLimit else { throw Problem("An upper limit of normal is only for ALT and AST.") }
            let uln = try number(ulnText.trimmingCharacters(in: .whitespaces), what: "upper limit of normal")
            guard LabTest.plausibleUpperLimits.contains(uln) else {
                throw Problem("An upper limit of normal of \(ulnText) U/L is not one a lab prints (expected "
                    + "\(Int(LabTest.plausibleUpperLimits.lowerBound))–\(Int(LabTest.plausibleUpperLimits.upperBound)) U/L).")
            }
            upperLimit = uln
        }
        return LabResult(test: test, value: value, unit: unit, upperLimitOfNormal: upperLimit,
                         fasting: test.group == .lipid ? fasting : (fasting == true ? true : nil), note: note)
    }

    static func unit(_ text: String?, for test: LabTest) throws(Problem) -> LabUnit {
        let allowed = test.units.map(\.rawValue).joined(separator: " or ")
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return test.units[0] }
        guard let unit = LabUnit(text: text) else {
            throw Problem("Unknown unit '\(text)'. \(test.name) is given in \(allowed).")
        }
        guard test.units.contains(unit) else {
            throw Problem("\(unit.rawValue) is not a unit for \(test.name); use \(allowed).")
        }
        return unit
    }

    /// A plain decimal number: digits with at most one point. A comma is refused rather than
    /// guessed, since "1,200" and "6,2" mean different things in different countries.
    static func number(_ text: String, what: String) throws(Problem) -> Double {
        if text.contains(",") {
            throw Problem("Write the \(what) with a decimal point and no commas, for example 6.2 or 1200 (not '\(text)').")
        }
        if text.hasPrefix("-") { throw Problem("The \(what) cannot be negative ('\(text)').") }
        let isDecimal = !text.isEmpty && text.filter { $0 == "." }.count <= 1
            && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && text.contains(where: \.isNumber)
        guard isDecimal, let value = Double(text), value.isFinite else {
            throw Problem("The \(what) '\(text)' is not a number.")
        }
        return value
    }

    static func checkPlausible(_ value: Double, _ unit: LabUnit, _ test: LabTest) throws(Problem) {
        guard let range = test.plausibleRange, let base = test.units.first,
              let inBase = test.convert(value, from: unit, to: base) else { return }
        guard range.contains(inBase) else {
            let low = test.convert(range.lowerBound, from: base, to: unit) ?? range.lowerBound
            let high = test.convert(range.upperBound, from: base, to: unit) ?? range.upperBound
            // Suggest the other unit when the number makes sense in it.
            let other = test.units.first { $0 != unit && range.contains(test.convert(value, from: $0, to: base) ?? -1) }
            throw Problem("\(LabValueText.withUnit(value, unit)) is not a possible \(test.name) value "
                + "(expected \(LabValueText.format(low, unit))–\(LabValueText.format(high, unit)) \(unit.rawValue)). "
                + (other.map { "If the report says \($0.rawValue), give that unit." } ?? "Check the value and its unit."))
        }
    }
}
