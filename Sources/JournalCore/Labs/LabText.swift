/// Lab records in one line of plain words, for `show`, `labs` and history lists.
public enum LabText {
    /// "Pregnancy test (clinic) at 08:30: scheduled", "Blood draw: lipids (fasting): moved to 2026-12-03".
    public static func appointmentLine(_ appointment: LabAppointment) -> String {
        var line = appointment.description + (appointment.timeText.map { " at \($0)" } ?? "") + ": "
        switch appointment.status {
        case .moved: line += "moved" + (appointment.movedTo.map { " to \($0.iso)" } ?? "")
        default: line += appointment.status.rawValue
        }
        if let from = appointment.movedFrom { line += " (moved from \(from.iso))" }
        return line + (appointment.note.map { " — " + $0 } ?? "")
    }

    /// "Triglycerides 6.2 mmol/L (549 mg/dL), fasting — TELL PRESCRIBER (≥ 500 mg/dL)".
    /// Flags are judged with the shipped rules; lists that know the patient's own limits
    /// use `resultLine(_:flags:)`.
    public static func resultLine(_ result: LabResult, day: LocalDate) -> String {
        resultLine(result, flags: LabFlagging.flags(for: result, on: day),
                   notJudged: LabJudgement.notJudgedBecause(result, on: day) != nil)
    }

    /// A listed result, with its flag or the words saying it could not be judged.
    public static func resultLine(_ dated: DatedLabResult) -> String {
        resultLine(dated.result, flags: dated.flags, notJudged: !dated.isJudged)
    }

    public static func resultLine(_ result: LabResult, flags: [LabFlag], notJudged: Bool = false) -> String {
        var line = result.test.name + " " + result.valueText
        if let value = result.value, let unit = result.unit, let other = result.test.units.first(where: { $0 != unit }),
           let converted = result.test.convert(value, from: unit, to: other) {
            line += " (\(LabValueText.withUnit(converted, other, converted: true)))"
        }
        if let times = result.timesUpperLimit { line += " = \(LabValueText.times(times))× ULN" }
        var details: [String] = []
        if let setting = result.setting { details.append(setting.rawValue) }
        if result.fasting == true { details.append("fasting") }
        if result.fasting == false { details.append("not fasting") }
        if !details.isEmpty { line += ", " + details.joined(separator: ", ") }
        if let flag = flags.first { line += " — \(flag.level.mark) (\(flag.limitText))" }
        else if notJudged { line += " — " + LabJudgement.notJudgedText }
        return line + (result.note.map { ": " + $0 } ?? "")
    }

    public static func settingsLine(_ settings: LabFlagSettings) -> String {
        let limits = settings.limits.sorted { $0.key < $1.key }.map { "\($0.key) \(LabValueText.format($0.value, .milligramsPerDeciliter))" }
        var parts = ["Lab limits: " + (limits.isEmpty ? "defaults" : limits.joined(separator: ", "))]
        if let unit = settings.preferredLipidUnit { parts.append("lipids in \(unit.rawValue)") }
        if let setBy = settings.setBy { parts.append("set by \(setBy)") }
        return parts.joined(separator: "; ")
    }
}
