import Foundation
import JournalCore

/// The "add a lab result" form: the test, the value as printed on the report, its unit,
/// the lab's upper limit for ALT/AST, the specimen date and whether the person fasted.
/// The fields shown follow the test (a pregnancy test asks for an outcome, not a number).
struct LabResultForm: Equatable, Sendable {
    enum Field: Equatable, Sendable { case test, value, outcome, unit, upperLimit, date, fasting, setting, note }

    var test: LabTest = .triglycerides
    var value = TextField(maxLength: 12)
    /// None until chosen: a save never records a result nobody picked.
    var outcome: LabResult.PregnancyOutcome?
    var unit: LabUnit = .milligramsPerDeciliter
    var upperLimit = TextField(maxLength: 6)
    var date: TextField
    var fasting = true
    var setting: TestSetting = .clinic
    var note = TextField(maxLength: 200, allowsLineBreaks: true)
    var focus: Field = .test

    init(today: LocalDate, test: LabTest = .triglycerides, unit: LabUnit? = nil) {
        date = TextField(text: today.iso, maxLength: 10)
        self.test = test
        self.unit = unit.flatMap { test.units.contains($0) ? $0 : nil } ?? test.units.first ?? .milligramsPerDeciliter
    }

    /// The rows the current test needs, top to bottom.
    var fields: [Field] {
        switch test.group {
        case .lipid: return [.test, .value, .unit, .date, .fasting, .note]
        case .liverEnzyme: return [.test, .value, .upperLimit, .date, .note]
        case .pregnancy: return [.test, .outcome, .setting, .date, .note]
        }
    }

    enum Outcome: Equatable { case editing, submit, cancel }

    mutating func handle(_ key: Key, preferredLipidUnit: LabUnit) -> Outcome {
        switch FieldNavigation.handle(key, order: fields, focus: &focus) {
        case .cancel: return .cancel
        case .submit: return .submit
        case .moved: break
        case .forField: edit(key, preferredLipidUnit: preferredLipidUnit)
        }
        return .editing
    }

    private mutating func edit(_ key: Key, preferredLipidUnit: LabUnit) {
        let step = key == .left ? -1 : (key == .right || key == .character(" ") ? 1 : 0)
        switch focus {
        case .test:
            guard step != 0 else { return }
            test = Self.cycle(LabTest.allCases, test, step)
            unit = test.group == .lipid ? preferredLipidUnit : (test.units.first ?? unit)
        case .unit:
            if step != 0, !test.units.isEmpty { unit = Self.cycle(test.units, unit, step) }
        case .outcome:
            // The first ← or → picks from the end it points to.
            if step != 0 {
                let options = LabResult.PregnancyOutcome.allCases
                outcome = outcome.map { Self.cycle(Array(options), $0, step) } ?? (step > 0 ? options.first : options.last)
            }
        case .fasting:
            if step != 0 || key == .character("y") || key == .character("n") {
                fasting = key == .character("y") ? true : key == .character("n") ? false : !fasting
            }
        case .setting:
            if step != 0 { setting = Self.cycle(TestSetting.allCases, setting, step) }
        case .value: _ = value.handle(key)
        case .upperLimit: _ = upperLimit.handle(key)
        case .date: _ = date.handle(key)
        case .note: _ = note.handle(key)
        }
    }

    static func cycle<T: Equatable>(_ options: [T], _ current: T, _ step: Int) -> T {
        let index = options.firstIndex(of: current) ?? 0
        return options[(index + step + options.count) % options.count]
    }

    /// The specimen day and the checked result, or one sentence saying what to fix (and the
    /// field to fix it in).
    func result(today: LocalDate) -> Result<(day: LocalDate, result: LabResult), FormProblem> {
        guard let day = LocalDate(iso: date.text.trimmingCharacters(in: .whitespaces)) else {
            return .failure(FormProblem(field: .date, message: "'\(date.text)' is not a date. Write it as YYYY-MM-DD."))
        }
        guard day <= today else {
            return .failure(FormProblem(field: .date, message: "The specimen date \(day.iso) is in the future; a result comes from a sample already taken."))
        }
        if !test.hasValue, outcome == nil {
            return .failure(FormProblem(field: .outcome, message: "Choose the result with ← →: negative, positive or invalid."))
        }
        do throws(LabResultInput.Problem) {
            let result = try LabResultInput.result(
                test: test, value: test.hasValue ? value.text : outcome?.rawValue ?? "",
                unit: test.hasValue ? unit.rawValue : nil, upperLimit: test.hasUpperLimit ? upperLimit.text : nil,
                fasting: test.group == .lipid ? fasting : nil, setting: test.hasValue ? nil : setting, note: note.text)
            return .success((day, result))
        } catch {
            let field: Field = error.message.contains("upper limit") ? .upperLimit : (test.hasValue ? .value : .outcome)
            return .failure(FormProblem(field: field, message: error.message))
        }
    }

    struct FormProblem: Error, Equatable {
        let field: Field
        let message: String
    }
}
