import ArgumentParser
import JournalCore

/// What the shell completes for each kind of argument (`--generate-completion-script`).
/// The names come from the shipped catalogues and rule files, so completion never drifts
/// from what the commands accept.
enum Completions {
    static var symptoms: CompletionKind { .list(SymptomCatalogue.shipped.symptoms.map(\.slug)) }
    static var redFlags: CompletionKind { .list(RedFlagCatalogue.shipped.flags.map(\.id)) }
    static var labTests: CompletionKind { .list(LabTest.allCases.map(\.rawValue)) }
    static var labUnits: CompletionKind { .list(LabUnit.allCases.map(\.rawValue)) }
    static var lipidUnits: CompletionKind { .list([LabUnit.milligramsPerDeciliter, .millimolesPerLiter].map(\.rawValue)) }
    static var appointments: CompletionKind { .list(LabAppointment.What.allCases.map(\.rawValue)) }
    static var appointmentStates: CompletionKind { .list([LabAppointment.Status.done, .missed, .scheduled].map(\.rawValue)) }
    static var testSettings: CompletionKind { .list(TestSetting.allCases.map(\.rawValue)) }
    static var weightUnits: CompletionKind { .list(WeightUnit.allCases.map(\.rawValue)) }
    static var categories: CompletionKind { .list(CourseSettings.PatientCategory.allCases.map(\.rawValue)) }
    static var ruleSets: CompletionKind { .list(ProgrammeRules.shipped.ruleSets.map(\.id) + ["auto"]) }
    /// Every name an intake can have (which ones a journal uses depends on its times).
    static var intakeSlots: CompletionKind {
        var seen: Set<String> = []
        return .list(CourseInput.slotNames.joined().filter { seen.insert($0).inserted })
    }
    /// `lab limits --set RULE=N`: the rule and its "=".
    static var labLimitRules: CompletionKind { .list(LabLimitsCommand.adjustableRules.map { $0.id + "=" }) }
    static var decisions: CompletionKind { .list(PrescriberDecision.Outcome.allCases.map(\.words)) }
}
