import Foundation

/// One line of plain words for a record, as the shell's `show` and the history screens
/// print it: "Chapped lips 2 (limits some activities): cracked corners".
public enum EntryDescription {
    public static func line(_ entry: Entry, timeZone: TimeZone) -> String {
        switch entry.body {
        case .symptom(let rating)?:
            let catalogue = SymptomCatalogue.shipped
            return "\(catalogue.name(of: rating.symptom)) \(rating.grade) (\(catalogue.label(forGrade: rating.grade)))"
                + (rating.note.map { ": " + $0 } ?? "")
        case .redFlag(let report)?:
            let question = RedFlagCatalogue.shipped.flag(id: report.flag)?.question ?? report.flag
            return "RED FLAG: " + question + (report.acknowledgedAt.map { " (notice read \(clock($0, timeZone)))" } ?? "")
        case .course(let settings)?:
            return "Course settings: started \(settings.startDate.iso), \(settings.product), target "
                + "\(MilligramText.format(settings.targetMgPerKg)) mg/kg"
                + (settings.lastDoseDate.map { ", last dose \($0.iso)" } ?? "")
        case .doseStep(let step)?:
            return "Plan from \(step.startDate.iso): \(step.summary)"
        case .pause(let pause)?:
            return "Pause from \(pause.startDate.iso)" + (pause.endDate.map { " to \($0.iso)" } ?? " (ongoing)")
                + (pause.reason.map { ": " + $0 } ?? "")
        case .weight(let weight)?:
            return "Weight \(MilligramText.format(weight.enteredValue)) \(weight.enteredUnit.rawValue)"
                + (weight.enteredUnit == .kilograms ? "" : " (\(MilligramText.format(weight.kilograms)) kg)")
        case .dose(let intake)?:
            switch intake.status {
            case .skipped:
                return "Dose (\(intake.slot)): skipped"
            case .taken:
                let food = intake.withFood.map { $0 ? ", with food" : ", without food" } ?? ""
                let time = entry.occurredAt.map { " at \(clock($0, timeZone))" } ?? ""
                let hold = intake.recordedWhile.map { " (recorded while \($0.replacingOccurrences(of: "-", with: " ")))" } ?? ""
                return "Dose (\(intake.slot)): \(MilligramText.format(intake.milligrams ?? 0)) mg taken\(time)\(food)\(hold)"
            }
        case .medicine(let medicine)?:
            return "Other medicine: \(medicine.name)" + (medicine.note.map { " (\($0))" } ?? "")
                + (medicine.warningShown != nil ? " — interaction warning shown" : "")
        case .labAppointment(let appointment)?:
            return LabText.appointmentLine(appointment)
        case .labResult(let result)?:
            return LabText.resultLine(result, day: entry.day)
        case .labFlagSettings(let settings)?:
            return LabText.settingsLine(settings)
        case .programmeSettings(let settings)?:
            return "Programme settings: " + (settings.ruleSetID.map { "rules \($0)" } ?? "rules by date")
                + (settings.contraceptionMethods.isEmpty ? "" : ", contraception: " + settings.contraceptionMethods.joined(separator: " + "))
        case .checklistTick(let tick)?:
            return "Checklist month \(tick.month): \(ChecklistItemKind.title(of: tick.item)) \(tick.done ? "done" : "not done")"
                + (tick.note.map { " (\($0))" } ?? "")
        case .checklistItem(let item)?:
            return "Checklist month \(item.month): added \"\(item.title)\""
        case .moodCheck(let check)?:
            var text = "Mood check: PHQ-2 \(check.phq2Score)" + (check.phq9Score.map { ", PHQ-9 \($0)" } ?? "")
            if check.selfHarmAnswered {
                text += " — thoughts of self-harm answered; crisis guidance shown"
                    + (check.crisisGuidanceShownAt.map { " at \(clock($0, timeZone))" } ?? "")
            }
            return text
        case .reminderState(let state)?:
            return "Reminder \(state.reminder): " + (state.dismissed ? "dismissed" : "snoozed"
                + (state.snoozedUntil.map { " until \(Timestamp.offsetText($0, in: timeZone))" } ?? ""))
        case .prescriberDecision(let decision)?:
            let when = clock(decision.decidedAt, timeZone)
            return "Prescriber's decision: \(decision.summary) (" + (decision.decidedBy.map { "\($0), " } ?? "") + "\(when))"
                + (decision.note.map { ": \($0)" } ?? "")
        case .unrecognized(let kind)?:
            return "(a '\(kind)' record from a newer IsoJournal)"
        case nil:
            return "(withdrawn)" + (entry.reason.map { ": " + $0 } ?? "")
        }
    }

    private static func clock(_ instant: Date, _ zone: TimeZone) -> String {
        Timestamp.clockText(minuteOfDay: Timestamp.minuteOfDay(of: instant, in: zone))
    }
}
