import JournalCore

/// What a lab notice says: the flag raised when a result is entered ("tell your
/// prescriber", with the limit and its source), or the details of a listed result.
struct LabNotice: Equatable, Sendable {
    let title: String
    let lines: [String]
    /// Alarm notices (contact promptly, positive pregnancy test) close only with C.
    let isAlarm: Bool

    /// The notice for a result just entered.
    init(flag: LabFlag, result: LabResult, day: LocalDate, unit: LabUnit?) {
        switch flag.level {
        case .urgent: title = "STOP: contact your prescriber at once"
        case .promptly: title = "Contact your prescriber promptly"
        case .tell, .noted: title = "Tell your prescriber"
        }
        isAlarm = flag.level.isAlarm
        let limit = result.test.hasValue ? ["Limit: " + flag.limitText] : []
        lines = [Self.describe(result, day: day, unit: unit)] + limit + ["", flag.wording, "", "Source: " + flag.sourceText]
    }

    /// Everything about one listed result, with every flag it raises.
    init(details dated: DatedLabResult, records: LabRecords) {
        let result = dated.result
        title = result.test.name + ", " + DateText.short(dated.day)
        isAlarm = false
        var lines = [Self.describe(result, day: dated.day, unit: records.displayUnit(for: result.test))]
        if let fasting = result.fasting { lines.append(fasting ? "Fasting sample." : "Not a fasting sample.") }
        if let note = result.note { lines.append("Note: " + note) }
        if !dated.isJudged {
            lines += ["", "Not judged — add the lab's upper limit (ULN, printed on the report).",
                      "Press r and enter this result again with its ULN and the same specimen date: it replaces this one."]
        } else if dated.flags.isEmpty {
            lines += ["", "Within the journal's limits: no flag."]
        }
        for flag in dated.flags {
            lines += ["", "\(flag.level.mark) (\(flag.limitText)): \(flag.wording)", "Source: " + flag.sourceText]
        }
        self.lines = lines
    }

    var prompt: String {
        isAlarm ? "Press C to confirm you have read this. The result is saved in your journal."
            : "Press Enter to continue."
    }

    /// "Triglycerides 6.2 mmol/L (549 mg/dL), specimen taken Wed 25 Nov 2026."
    static func describe(_ result: LabResult, day: LocalDate, unit: LabUnit?) -> String {
        var text = result.test.name + " " + result.valueText
        if let unit, unit != result.unit, let converted = result.value(in: unit) {
            text += " (\(LabValueText.withUnit(converted, unit, converted: true)))"
        }
        if let times = result.timesUpperLimit { text += ", \(LabValueText.times(times))× the upper limit" }
        if let setting = result.setting { text += " (\(setting.rawValue) test)" }
        return text + ", specimen taken \(DateText.short(day))."
    }

    func dialog() -> Dialog {
        Dialog(title: title, lines: lines, prompt: prompt, style: isAlarm ? .alarm : .warning)
    }
}
