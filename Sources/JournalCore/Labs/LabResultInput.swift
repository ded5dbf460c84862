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
        let typed = try number(trimmed, what: "\(test.name) value")
        let unit = try self.unit(typed: typed.unit, given: unitText, for: test)
        let value = typed.value
        try checkPlausible(value, unit, test)
        var upperLimit: Double?
        if let ulnText, !ulnText.trimmingCharacters(in: .whitespaces).isEmpty {
            guard test.hasUpperLimit else { throw Problem("An upper limit of normal is only for ALT and AST.") }
            let typedLimit = try number(ulnText.trimmingCharacters(in: .whitespaces), what: "upper limit of normal")
            if let limitUnit = typedLimit.unit, LabUnit(text: limitUnit) != .unitsPerLiter {
                throw Problem("The upper limit of normal is in U/L, not '\(limitUnit)'.")
            }
            let uln = typedLimit.value
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

    /// The unit written after the value ("6.2 mmol/L") or given apart (--unit, the form's
    /// field); when both are there they must be the same.
    static func unit(typed: String?, given: String?, for test: LabTest) throws(Problem) -> LabUnit {
        let given = given.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        guard let typed else { return try unit(given, for: test) }
        let unit = try self.unit(typed, for: test)
        if let given, try self.unit(given, for: test) != unit {
            throw Problem("The value says \(unit.rawValue) but the unit given is \(given); give one of them.")
        }
        return unit
    }

    /// A number as `NumberInput` reads every number ("6.2", "6,2", "6.2 mmol/L"); a lab value
    /// is never negative.
    static func number(_ text: String, what: String) throws(Problem) -> TypedNumber {
        if text.hasPrefix("-") { throw Problem("The \(what) cannot be negative ('\(text)').") }
        do throws(NumberInput.Problem) {
            return try NumberInput.read(text, field: "The \(what)", units: nil)
        } catch where error.reason == .notANumber {
            throw Problem("The \(what) '\(text)' is not a number.")
        } catch {
            throw Problem(error.message)
        }
    }

    /// The value as typed, for a confirmation ("1,9" stays "1,9"); nil when it is not a number.
    public static func typedValue(_ text: String) -> String? {
        try? NumberInput.read(text, field: "", units: nil).text
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
