import Foundation
import Testing
@testable import JournalCore

/// The one number convention (`NumberInput`) and the fields that read through it.
@Suite("Typed numbers: one convention for every numeric field")
struct NumberInputTests {
    @Test("a number with or without its unit, a space, a decimal point or a decimal comma", arguments: [
        ("40", 40.0, "40", String?.none), ("40mg", 40, "40", "mg"), ("40 mg", 40, "40", "mg"), (" 40 MG ", 40, "40", "mg"),
        ("2.0", 2, "2.0", nil), ("61,5", 61.5, "61,5", nil), ("0,125", 0.125, "0,125", nil), (".5", 0.5, ".5", nil),
        ("12,5mg", 12.5, "12,5", "mg"), ("1200", 1200, "1200", nil), ("-3", -3, "-3", nil),
    ])
    func accepted(text: String, value: Double, typed: String, unit: String?) throws {
        let number = try NumberInput.read(text, field: "Dose", units: ["mg"])
        #expect(number == TypedNumber(value: value, text: typed, unit: unit))
    }

    @Test("refused with one line that says why", arguments: [
        ("", "is not a number"), ("abc", "is not a number"), ("nan", "is not a number"), ("1e3", "is not a number"),
        ("5.5.5", "is not a number"), ("4-0", "is not a number"), ("40mg2", "is not a number"),
        ("1,200", "could be read two ways; write 1200 or 1.200"), ("1.200,5", "both a point and a comma"),
        ("40 kg", "'kg' is not a unit for this; give mg"), ("40 mg/dL", "give mg"),
    ])
    func refused(text: String, message: String) {
        do throws(NumberInput.Problem) {
            let number = try NumberInput.read(text, field: "Dose", units: ["mg"])
            Issue.record("'\(text)' was accepted as \(number)")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
            #expect(!error.message.contains("\n"))
            #expect(error.message.hasPrefix("Dose: "))
        }
    }

    @Test("aliases and fields that take no unit or any unit")
    func unitsAndAliases() throws {
        #expect(try NumberInput.read("135 lbs", field: "Weight", units: ["kg", "lb"], aliases: ["lbs": "lb"]).unit == "lb")
        #expect(throws: NumberInput.Problem.self) { try NumberInput.read("3 mg", field: "Limit", units: []) }
        #expect(try NumberInput.read("6,2 mmol/L", field: "Value", units: nil) == TypedNumber(value: 6.2, text: "6,2", unit: "mmol/L"))
    }

    @Test("doses in a plan read the same way as a single dose: 40mg, 40 mg, 40 and a decimal comma")
    func plans() throws {
        #expect(DosePattern.parse("40mg+40mg", slotCount: 2) == [[40, 40]])
        #expect(DosePattern.parse("40 mg + 40", slotCount: 2) == [[40, 40]])
        #expect(DosePattern.parse("12,5+12,5", slotCount: 2) == [[12.5, 12.5]])
        #expect(DosePattern.read("40kg+40", slotCount: 2) == .failure(.number("Dose: 'kg' is not a unit for this; give mg (or the number alone).")))
        #expect(throws: CourseInputError(field: "plan", message: "Plan: Dose: 'kg' is not a unit for this; give mg (or the number alone).")) {
            try CourseInput.plan("40kg+40", slotCount: 2)
        }
    }

    @Test("weights: a decimal comma, the unit typed after the number or given apart, never both different")
    func weights() throws {
        #expect(try CourseInput.weight("61,5", unit: .kilograms) == 61.5)
        #expect(try CourseInput.weight("61.5 kg", unit: .kilograms) == 61.5)
        let entry = try CourseInput.weightEntry("135lb", given: nil, fallback: .kilograms)
        #expect(entry.unit == .pounds && entry.typed.value == 135 && entry.typed.text == "135")
        #expect(try CourseInput.weightEntry("61", given: nil, fallback: .pounds).unit == .pounds)
        #expect(throws: CourseInputError.self) { try CourseInput.weightEntry("135 lb", given: .kilograms, fallback: .kilograms) }
        #expect(throws: CourseInputError.self) { try CourseInput.weight("61 mg", unit: .kilograms) }
        #expect(try CourseInput.target("120 mg/kg") == 120)
        #expect(try CourseInput.target("122,5") == 122.5)
    }

    @Test("lab values take a decimal comma like weights, and a unit after the value")
    func labValues() throws {
        let comma = try LabResultInput.result(test: .triglycerides, value: "1,9", unit: "mmol/L", upperLimit: nil, fasting: true)
        #expect(comma.value == 1.9 && comma.unit == .millimolesPerLiter)
        let inline = try LabResultInput.result(test: .triglycerides, value: "6,2 mmol/L", unit: nil, upperLimit: nil, fasting: true)
        #expect(inline.value == 6.2 && inline.unit == .millimolesPerLiter)
        let uln = try LabResultInput.result(test: .alt, value: "62 U/L", unit: nil, upperLimit: "40 IU/L", fasting: nil)
        #expect(uln.upperLimitOfNormal == 40)
        #expect(throws: LabResultInput.Problem.self) {
            try LabResultInput.result(test: .triglycerides, value: "6.2 mmol/L", unit: "mg/dL", upperLimit: nil, fasting: nil)
        }
        #expect(throws: LabResultInput.Problem.self) {
            try LabResultInput.result(test: .triglycerides, value: "1,200", unit: nil, upperLimit: nil, fasting: nil)
        }
        #expect(LabResultInput.typedValue("2.0 mmol/L") == "2.0")
    }
}
