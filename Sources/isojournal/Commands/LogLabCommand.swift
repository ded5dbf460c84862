import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal log lab`: one result from a lab report, kept exactly as entered, with any
/// flag it raises printed with its source.
struct LogLabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "Record a lab result (triglycerides, cholesterol, ALT, AST, pregnancy test).",
        discussion: """
            Tests: \(LabTest.validNames).
            Units: mg/dL or mmol/L for lipids (default mg/dL), U/L for ALT and AST. A pregnancy test's \
            value is negative, positive or invalid. --date is the specimen date (the day the sample was \
            taken); a second result for the same test and day replaces the first (kept in history).
            Examples:
              isojournal log lab triglycerides 6.2 --unit mmol/L --fasting
              isojournal log lab alt 62 --uln 40 --date 2026-11-20
            ALT and AST are judged against the lab's upper limit (--uln); without it the result is \
            saved but "not judged". Add the limit later by entering the result again with --uln and \
            the same --date: it replaces the first.
              isojournal log lab pregnancy negative --setting clinic
            """
    )

    @Argument(help: "The test, e.g. triglycerides, total-cholesterol, ldl, hdl, alt, ast, pregnancy.", completion: Completions.labTests)
    var test: String

    @Argument(help: "The value as printed on the report (pregnancy: negative, positive or invalid).")
    var value: String

    @Option(help: ArgumentHelp("The unit on the report: mg/dL, mmol/L or U/L.", valueName: "unit"), completion: Completions.labUnits)
    var unit: String?

    @Option(help: ArgumentHelp("ALT/AST: the lab's upper limit of normal, in U/L.", valueName: "N"))
    var uln: String?

    @Option(name: .customLong("date"), help: ArgumentHelp("The specimen date (default today).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Flag(inversion: .prefixedNo, help: "Whether you had fasted before the draw.")
    var fasting: Bool?

    @Option(help: ArgumentHelp("Pregnancy tests: where the specimen was taken, clinic or home.", valueName: "clinic|home"), completion: Completions.testSettings)
    var setting: String?

    @Option(help: "A note in your own words.")
    var note: String?

    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let now = Date()
            let today = Timestamp.localDate(of: now, in: .current)
            var result = try checkedResult()
            let day = try specimenDay(today: today)
            let store = try location.openStore(mode: .readWrite)
            let id = LabResult.entryID(day: day, test: result.test)
            var flags: [LabFlag] = []
            var isCorrection = false
            try saveLabChanges(store) { journal in
                // Judged under the lock, with the patient's own limits as they stand now.
                flags = LabFlagging.flags(for: result, on: day, settings: journal.labRecords.settings)
                result.noticeShown = flags.first.flatMap { $0.level > .noted ? $0.wording : nil }
                isCorrection = journal.current(id) != nil
                return [.put(id, day: day, body: .labResult(result))]
            }
            say("Saved: " + Self.asTyped(LabText.resultLine(result, flags: []), result: result, typed: value) + " (specimen \(day.iso))"
                + (isCorrection ? ", replacing the earlier result (kept in history)." : "."))
            for flag in flags {
                say("\(flag.level.mark) (\(flag.limitText)): \(flag.wording)")
                say("  Source: \(flag.sourceText)")
            }
            if LabJudgement.notJudgedBecause(result, on: day) != nil {
                say("Not judged — add the lab's upper limit: " + LabJudgement.howToAddLimit(result, day: day) + ".")
            }
        }
    }

    /// The confirmation says the value back as it was typed ("1,9" or "2.0", not "1.9" or "2").
    static func asTyped(_ line: String, result: LabResult, typed: String) -> String {
        guard let value = result.value, let unit = result.unit, let text = LabResultInput.typedValue(typed) else { return line }
        let formatted = result.test.name + " " + LabValueText.withUnit(value, unit)
        guard line.hasPrefix(formatted) else { return line }
        return result.test.name + " \(text) \(unit.rawValue)" + line.dropFirst(formatted.count)
    }

    private func checkedResult() throws -> LabResult {
        do throws(LabResultInput.Problem) {
            let test = try LabResultInput.test(named: test)
            var place: TestSetting?
            if let setting {
                guard let parsed = TestSetting(rawValue: setting.lowercased()) else {
                    throw LabResultInput.Problem("Setting '\(setting)' is not clinic or home.")
                }
                place = parsed
            }
            return try LabResultInput.result(test: test, value: value, unit: unit, upperLimit: uln, fasting: fasting,
                                             setting: place, note: note)
        } catch {
            throw CommandFailure.badInput(error.message)
        }
    }

    private func specimenDay(today: LocalDate) throws -> LocalDate {
        guard let date else { return today }
        guard let day = LocalDate(iso: date) else {
            throw CommandFailure.badInput("'\(date)' is not a date. Write it as YYYY-MM-DD, for example \(today.iso).")
        }
        guard day <= today else {
            throw CommandFailure.badInput("The specimen date \(day.iso) is in the future (today is \(today.iso)); a result comes from a sample already taken.")
        }
        return day
    }
}

/// Runs a store transaction, turning a store failure into the command's plain message.
func saveLabChanges(_ store: JournalStore, _ decide: (Journal) throws -> [JournalChange]) throws {
    do {
        try store.transaction(decide)
    } catch let error as StoreError {
        throw CommandFailure.runtime(error.message)
    }
}
