import Foundation
import Testing
@testable import JournalCore

/// Flags appear exactly at the thresholds, with their source; the patient's own limits win.
@Suite("Lab flags")
struct LabFlagTests {
    let day = LocalDate(iso: "2026-11-26")!

    func levels(_ result: LabResult, settings: LabFlagSettings? = nil) -> [LabFlagRules.Level] {
        LabFlagging.flags(for: result, on: day, settings: settings).map(\.level)
    }

    func tg(_ value: Double, _ unit: LabUnit = .milligramsPerDeciliter) -> LabResult { .measured(.triglycerides, value, unit) }

    @Test("the shipped rule file decodes, names a source for every rule and covers every flagged test")
    func shippedRules() throws {
        let rules = LabFlagRules.shipped
        let set = try #require(rules.ruleSet(on: day))
        #expect(set.rules.count == 7)
        for rule in set.rules {
            #expect(!rule.source.isEmpty && !rule.wording.isEmpty, "\(rule.id)")
            #expect((rule.threshold != nil) != (rule.outcome != nil), "\(rule.id) has exactly one kind of limit")
        }
        #expect(Set(set.rules.map(\.test)) == [.triglycerides, .alt, .ast, .pregnancy])
        // Secondary sources say so; the label's level names the label.
        #expect(set.rules.first { $0.id == "triglycerides-tell" }!.source.contains("secondary sources"))
        #expect(set.rules.first { $0.id == "triglycerides-promptly" }!.source.contains("label"))
        #expect(set.rules.first { $0.id == "alt-tell" }!.source.contains("not in the US label"))
    }

    @Test("triglycerides in mg/dL: 499.9 nothing, 500 tell, 800 still tell, 800.1 promptly", arguments: [
        (499.9, [LabFlagRules.Level]()),
        (500, [.tell]),
        (650, [.tell]),
        (800, [.tell]),
        (800.1, [.promptly, .tell]),
        (2400, [.promptly, .tell]),
    ])
    func triglycerideBoundaries(value: Double, expected: [LabFlagRules.Level]) {
        #expect(levels(tg(value)) == expected)
    }

    @Test("triglycerides in mmol/L are converted before judging (× 88.57)", arguments: [
        (5.64, [LabFlagRules.Level]()), // 499.5 mg/dL
        (5.65, [.tell]),                // 500.4 mg/dL
        (6.2, [.tell]),                 // 549.1 mg/dL
        (9.03, [.tell]),                // 799.8 mg/dL
        (9.04, [.promptly, .tell]),     // 800.7 mg/dL
    ])
    func triglyceridesInMillimoles(value: Double, expected: [LabFlagRules.Level]) {
        #expect(levels(tg(value, .millimolesPerLiter)) == expected)
    }

    @Test("ALT and AST: at the ULN nothing, above it noted, exactly 3.0× tell", arguments: [LabTest.alt, .ast])
    func liverBoundaries(test: LabTest) {
        func enzyme(_ value: Double, uln: Double = 40) -> LabResult { .measured(test, value, .unitsPerLiter, upperLimitOfNormal: uln) }
        #expect(levels(enzyme(40)).isEmpty)
        #expect(levels(enzyme(40.5)) == [.noted])
        #expect(levels(enzyme(119.9)) == [.noted])
        #expect(levels(enzyme(120)) == [.tell, .noted])
        #expect(levels(enzyme(106.5, uln: 35.5)) == [.tell, .noted]) // 3 × 35.5 exactly
        #expect(levels(enzyme(106.4, uln: 35.5)) == [.noted])
        // Without the lab's upper limit there is nothing to judge against.
        #expect(levels(.measured(test, 900, .unitsPerLiter)).isEmpty)
    }

    @Test("a positive pregnancy test raises the label's urgent notice; negative and invalid do not")
    func pregnancy() throws {
        let flag = try #require(LabFlagging.highest(for: .pregnancyTest(.positive), on: day))
        #expect(flag.level == .urgent)
        #expect(flag.level.isAlarm)
        #expect(flag.wording == "Stop taking isotretinoin and contact your prescriber at once.")
        #expect(flag.source.contains("label"))
        #expect(levels(.pregnancyTest(.negative)).isEmpty)
        #expect(levels(.pregnancyTest(.invalid)).isEmpty)
    }

    @Test("other lipids are recorded but never flagged by the shipped rules")
    func otherLipids() {
        for test in [LabTest.totalCholesterol, .ldl, .hdl] {
            #expect(levels(.measured(test, 400, .milligramsPerDeciliter)).isEmpty)
        }
    }

    @Test("the patient's own limits win over the defaults, rule by rule")
    func overridePrecedence() throws {
        let own = LabFlagSettings(limits: ["triglycerides-tell": 400, "alt-tell": 2], setBy: "Dr Okafor")
        // Lower own limit: 450 now flags, and says whose limit it is.
        let flag = try #require(LabFlagging.highest(for: tg(450), on: day, settings: own))
        #expect(flag.isOverridden && flag.limitText == "≥ 400 mg/dL")
        #expect(flag.sourceText.hasPrefix("Your own limit (≥ 400 mg/dL), set by Dr Okafor."))
        #expect(levels(tg(399.9), settings: own).isEmpty)
        // The rules not overridden keep their default.
        #expect(levels(tg(800.1), settings: own) == [.promptly, .tell])
        #expect(LabFlagging.highest(for: tg(800.1), on: day, settings: own)!.isOverridden == false)
        #expect(levels(.measured(.alt, 80, .unitsPerLiter, upperLimitOfNormal: 40), settings: own) == [.tell, .noted])
        #expect(levels(.measured(.ast, 80, .unitsPerLiter, upperLimitOfNormal: 40), settings: own) == [.noted])
        // A higher own limit silences the default.
        #expect(levels(tg(600), settings: LabFlagSettings(limits: ["triglycerides-tell": 700])).isEmpty)
    }

    @Test("unusable overrides fall back to the default; outcomes cannot be overridden")
    func badOverrides() {
        for bad in [0.0, -5, .nan, .infinity] {
            #expect(levels(tg(500), settings: LabFlagSettings(limits: ["triglycerides-tell": bad])) == [.tell])
        }
        #expect(levels(tg(500), settings: LabFlagSettings(limits: ["no-such-rule": 1])) == [.tell])
        #expect(levels(.pregnancyTest(.positive), settings: LabFlagSettings(limits: ["pregnancy-positive": 5])) == [.urgent])
    }

    @Test("the rule set in force on the specimen day is used; a later set replaces an earlier one")
    func datedRuleSets() throws {
        let json = """
            {"about": "test", "ruleSets": [
              {"id": "new", "effectiveFrom": "2027-01-01", "rules": [
                {"id": "tg", "test": "triglycerides", "compare": "at-least", "limit": 300, "unit": "mg/dL",
                 "level": "tell", "wording": "w", "source": "s2"}]},
              {"id": "old", "effectiveFrom": "2020-01-01", "rules": [
                {"id": "tg", "test": "triglycerides", "compare": "at-least", "limit": 500, "unit": "mg/dL",
                 "level": "tell", "wording": "w", "source": "s1"}]}
            ]}
            """
        let rules = try JSONDecoder().decode(LabFlagRules.self, from: Data(json.utf8))
        let result = tg(400)
        #expect(LabFlagging.flags(for: result, on: LocalDate(iso: "2026-12-31")!, rules: rules).isEmpty)
        #expect(LabFlagging.flags(for: result, on: LocalDate(iso: "2027-01-01")!, rules: rules).map(\.source) == ["s2"])
        // Before every set: the earliest applies rather than none.
        #expect(LabFlagging.flags(for: tg(600), on: LocalDate(iso: "2001-01-01")!, rules: rules).map(\.source) == ["s1"])
    }

    @Test("evaluation is pure: the same inputs give the same flags")
    func pure() {
        let settings = LabFlagSettings(limits: ["triglycerides-promptly": 700])
        let first = LabFlagging.flags(for: tg(750), on: day, settings: settings)
        #expect(first == LabFlagging.flags(for: tg(750), on: day, settings: settings))
        #expect(first.map(\.level) == [.promptly, .tell])
    }
}

extension LabFlagTests {
    /// `isojournal lab limits --help` names the adjustable rules without reading the rule file
    /// at every start; this keeps that list honest.
    @Test("the adjustable rule ids are the ones the help text names")
    func adjustableRuleIDs() {
        let ids = LabFlagRules.shipped.ruleSets.last!.rules.filter { $0.threshold != nil }.map(\.id)
        #expect(ids == ["triglycerides-tell", "triglycerides-promptly", "alt-above-normal", "alt-tell", "ast-above-normal", "ast-tell"])
    }
}
