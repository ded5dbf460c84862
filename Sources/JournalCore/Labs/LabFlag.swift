/// A flag raised by one result: which rule, how serious, what to tell the patient, where the
/// limit comes from, and whether it is the default or the patient's own limit.
public struct LabFlag: Equatable, Sendable {
    public let ruleID: String
    public let level: LabFlagRules.Level
    public let wording: String
    public let source: String
    /// "≥ 500 mg/dL", "≥ 3× the upper limit of normal", "positive".
    public let limitText: String
    /// True when the limit came from the patient's settings rather than the shipped default.
    public let isOverridden: Bool
    public let setBy: String?

    /// The source line as shown: the default's source, or whose limit it is.
    public var sourceText: String {
        guard isOverridden else { return source }
        return "Your own limit (\(limitText))" + (setBy.map { ", set by \($0)" } ?? "") + ". Default's source: " + source
    }
}

/// Judging one result against the rules. Pure: the same (result, day, rules, settings)
/// always gives the same flags, most serious first.
public enum LabFlagging {
    public static func flags(for result: LabResult, on day: LocalDate, rules: LabFlagRules = .shipped,
                             settings: LabFlagSettings? = nil) -> [LabFlag] {
        rules.rules(for: result.test, on: day).compactMap { rule in
            evaluate(rule, result, settings)
        }.sorted { $0.level > $1.level }
    }

    /// The most serious flag, if any.
    public static func highest(for result: LabResult, on day: LocalDate, rules: LabFlagRules = .shipped,
                               settings: LabFlagSettings? = nil) -> LabFlag? {
        flags(for: result, on: day, rules: rules, settings: settings).first
    }

    /// The patient's limit for a rule when it is a usable number, else the rule's own.
    /// Precedence: settings override > rule file default.
    public static func threshold(of rule: LabFlagRules.Rule, settings: LabFlagSettings?) -> (value: Double, overridden: Bool)? {
        if let own = settings?.limits[rule.id], own.isFinite, own > 0, rule.threshold != nil { return (own, true) }
        return rule.threshold.map { ($0, false) }
    }

    static func evaluate(_ rule: LabFlagRules.Rule, _ result: LabResult, _ settings: LabFlagSettings?) -> LabFlag? {
        func flag(_ limitText: String, overridden: Bool = false) -> LabFlag {
            LabFlag(ruleID: rule.id, level: rule.level, wording: rule.wording, source: rule.source, limitText: limitText,
                    isOverridden: overridden, setBy: overridden ? settings?.setBy : nil)
        }
        if let outcome = rule.outcome {
            return result.outcome == outcome ? flag(outcome.rawValue) : nil
        }
        guard let compare = rule.compare, let value = result.value, let unit = result.unit,
              let (limit, overridden) = threshold(of: rule, settings: settings) else { return nil }
        if rule.timesUpperLimit != nil {
            // Compare value against multiple × ULN (exact for the usual whole-number limits).
            guard let uln = result.upperLimitOfNormal, uln > 0, unit == .unitsPerLiter else { return nil }
            let times = LabValueText.format(limit, .unitsPerLiter)
            let text = limit == 1 ? "\(compare.symbol) the upper limit of normal"
                : "\(compare.symbol) \(times)× the upper limit of normal"
            return compare.holds(value, limit * uln) ? flag(text, overridden: overridden) : nil
        }
        guard let ruleUnit = rule.unit else { return nil }
        // An entry in the rule's own unit is compared as typed, so 500 mg/dL is exactly 500.
        let comparable = unit == ruleUnit ? value : result.test.convert(value, from: unit, to: ruleUnit)
        guard let comparable else { return nil }
        var text = "\(compare.symbol) \(LabValueText.withUnit(limit, ruleUnit))"
        if unit != ruleUnit, let converted = result.test.convert(limit, from: ruleUnit, to: unit) {
            text += " (\(LabValueText.withUnit(converted, unit, converted: true)))"
        }
        return compare.holds(comparable, limit) ? flag(text, overridden: overridden) : nil
    }
}
