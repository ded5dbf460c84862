import Foundation
import Testing
@testable import JournalCore

/// Units, conversions and what the shell and form accept.
@Suite("Lab values and input")
struct LabInputTests {
    func accept(_ test: LabTest, _ value: String, unit: String? = nil, uln: String? = nil) throws -> LabResult {
        try LabResultInput.result(test: test, value: value, unit: unit, upperLimit: uln, fasting: true)
    }

    func refusal(_ test: LabTest, _ value: String, unit: String? = nil, uln: String? = nil,
                 setting: TestSetting? = nil) -> String? {
        do throws(LabResultInput.Problem) {
            _ = try LabResultInput.result(test: test, value: value, unit: unit, upperLimit: uln, fasting: nil, setting: setting)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("conversions: triglycerides ÷ 88.57, cholesterol ÷ 38.67, both ways")
    func conversions() {
        #expect(abs(LabTest.triglycerides.convert(885.7, from: .milligramsPerDeciliter, to: .millimolesPerLiter)! - 10) < 1e-9)
        #expect(abs(LabTest.triglycerides.convert(6.2, from: .millimolesPerLiter, to: .milligramsPerDeciliter)! - 549.134) < 1e-9)
        for test in [LabTest.totalCholesterol, .ldl, .hdl] {
            #expect(abs(test.convert(5, from: .millimolesPerLiter, to: .milligramsPerDeciliter)! - 193.35) < 1e-9)
            #expect(abs(test.convert(193.35, from: .milligramsPerDeciliter, to: .millimolesPerLiter)! - 5) < 1e-9)
        }
        #expect(LabTest.alt.convert(40, from: .unitsPerLiter, to: .unitsPerLiter) == 40)
        #expect(LabTest.alt.convert(40, from: .unitsPerLiter, to: .millimolesPerLiter) == nil)
        #expect(LabTest.pregnancy.units.isEmpty)
    }

    @Test("numbers are shown as labs print them")
    func valueText() {
        #expect(LabValueText.withUnit(549.134, .milligramsPerDeciliter) == "549.1 mg/dL")
        #expect(LabValueText.withUnit(549.134, .milligramsPerDeciliter, converted: true) == "549 mg/dL")
        #expect(LabValueText.withUnit(5.645, .millimolesPerLiter) == "5.65 mmol/L")
        #expect(LabValueText.withUnit(6.2, .millimolesPerLiter) == "6.2 mmol/L")
        #expect(LabValueText.withUnit(40, .unitsPerLiter) == "40 U/L")
    }

    @Test("a result keeps the value and unit exactly as entered")
    func keepsEntered() throws {
        let result = try accept(.triglycerides, "6.2", unit: "mmol/l")
        #expect(result.value == 6.2 && result.unit == .millimolesPerLiter && result.fasting == true)
        #expect(try accept(.ldl, "130").unit == .milligramsPerDeciliter) // the usual unit when none is given
        let alt = try accept(.alt, "62", unit: "IU/L", uln: "40")
        #expect(alt.unit == .unitsPerLiter && alt.upperLimitOfNormal == 40 && alt.timesUpperLimit == 1.55)
        let pregnancy = try LabResultInput.result(test: .pregnancy, value: "Negative", unit: nil, upperLimit: nil,
                                                  fasting: nil, setting: .home)
        #expect(pregnancy.outcome == .negative && pregnancy.setting == .home && pregnancy.value == nil)
    }

    @Test("test names: shell names, a few aliases, and a list of valid ones when unknown")
    func testNames() throws {
        #expect(try LabResultInput.test(named: "total-cholesterol") == .totalCholesterol)
        #expect(try LabResultInput.test(named: "Total Cholesterol") == .totalCholesterol)
        #expect(try LabResultInput.test(named: "TG") == .triglycerides)
        #expect(throws: LabResultInput.Problem("Unknown test 'trigs'. Valid tests: triglycerides, total-cholesterol, ldl, hdl, alt, ast, pregnancy.")) {
            try LabResultInput.test(named: "trigs")
        }
    }

    @Test("impossible, negative, non-numeric and wrong-unit values are refused with a reason", arguments: [
        (LabTest.triglycerides, "-5", String?.none, String?.none, "cannot be negative"),
        (.triglycerides, "abc", nil, nil, "is not a number"),
        (.triglycerides, "", nil, nil, "is not a number"),
        (.triglycerides, "1e3", nil, nil, "is not a number"),
        (.triglycerides, "nan", nil, nil, "is not a number"),
        (.triglycerides, "5.5.5", nil, nil, "is not a number"),
        (.triglycerides, "1,200", nil, nil, "could be read two ways"),
        (.triglycerides, "6.2 mmol/L", "mg/dL", nil, "give one of them"),
        (.triglycerides, "0", nil, nil, "not a possible"),
        (.triglycerides, "50000", nil, nil, "expected 10–20000 mg/dL"),
        (.triglycerides, "300", "mmol/L", nil, "expected 0.11–225.81 mmol/L"),
        (.triglycerides, "6.2", "mg/dL", nil, "If the report says mmol/L, give that unit."),
        (.hdl, "1.3", nil, nil, "If the report says mmol/L"),
        (.triglycerides, "150", "U/L", nil, "U/L is not a unit for Triglycerides; use mg/dL or mmol/L."),
        (.alt, "40", "mg/dL", nil, "mg/dL is not a unit for ALT (liver); use U/L."),
        (.alt, "40", "furlongs", nil, "Unknown unit 'furlongs'"),
        (.alt, "40", nil, "0", "upper limit of normal of 0 U/L"),
        (.alt, "40", nil, "x", "is not a number"),
        (.alt, "25000", nil, nil, "not a possible"),
        (.ldl, "100", nil, "40", "only for ALT and AST"),
        (.pregnancy, "maybe", nil, nil, "negative, positive or invalid"),
        (.pregnancy, "negative", "mg/dL", nil, "has no unit"),
    ])
    func refusals(test: LabTest, value: String, unit: String?, uln: String?, expected: String) {
        let message = refusal(test, value, unit: unit, uln: uln)
        #expect(message?.contains(expected) == true, "\(message ?? "accepted")")
    }

    @Test("plausibility edges are inclusive")
    func plausibleEdges() throws {
        #expect(try accept(.triglycerides, "10").value == 10)
        #expect(try accept(.triglycerides, "20000").value == 20_000)
        #expect(refusal(.triglycerides, "9.9") != nil)
        #expect(try accept(.alt, "1", uln: "5").upperLimitOfNormal == 5)
        #expect(refusal(.alt, "30", uln: "501") != nil)
    }

    @Test("a setting belongs to pregnancy tests only")
    func settingOnlyForPregnancy() {
        #expect(refusal(.hdl, "40", setting: .home)?.contains("only for pregnancy tests") == true)
    }
}

extension LabInputTests {
    @Test("multiples of the upper limit never round to the limit itself")
    func timesText() {
        #expect(LabValueText.times(41.0 / 40) == "1.02" || LabValueText.times(41.0 / 40) == "1.03")
        #expect(LabValueText.times(3) == "3.0")
        #expect(LabValueText.times(1.55) == "1.55")
        #expect(LabValueText.times(1.5) == "1.5")
    }
}
