/// What makes a record stand out in the history and the report: a red flag, a mood check that
/// asks for attention, a flagged lab result, a skipped dose. Worked out from the record and
/// the rules, never stored, so a changed lab limit re-marks the history too.
public struct RecordAlert: Equatable, Sendable {
    public enum Level: Int, Comparable, Sendable {
        /// Worth seeing, no action asked (a skipped dose, a value above normal).
        case notice
        /// "Tell your prescriber" (a positive PHQ-2, a flagged lab).
        case tell
        /// Contact the prescriber now (a red flag, thoughts of self-harm, a positive pregnancy test).
        case alarm

        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    public let level: Level
    /// Short words for the mark beside the record: "RED FLAG", "TELL PRESCRIBER".
    public let label: String

    public init(level: Level, label: String) {
        self.level = level
        self.label = label
    }

    /// The alert a record raises now, if any. `labs` are the journal's lab records (for the
    /// patient's own limits); `rules` give the mood-check thresholds.
    public static func of(_ entry: Entry, labs: LabRecords, rules: ProgrammeRules = .shipped) -> RecordAlert? {
        switch entry.body {
        case .redFlag?:
            return RecordAlert(level: .alarm, label: "RED FLAG")
        case .moodCheck(let check)?:
            if check.selfHarmAnswered { return RecordAlert(level: .alarm, label: "SELF-HARM ANSWERED") }
            if let score = check.phq9Score, score >= rules.moodCheck.phq9TellPrescriberAt {
                return RecordAlert(level: .tell, label: "PHQ-9 \(score)")
            }
            if check.phq2Score >= rules.moodCheck.phq2StepUpAt { return RecordAlert(level: .tell, label: "PHQ-2 \(check.phq2Score)") }
            return nil
        case .labResult?:
            guard let flag = labs.results.first(where: { $0.id == entry.id })?.highestFlag else { return nil }
            let level: Level = flag.level.isAlarm ? .alarm : (flag.level == .noted ? .notice : .tell)
            return RecordAlert(level: level, label: flag.level.mark)
        case .dose(let intake)? where intake.status == .skipped:
            return RecordAlert(level: .notice, label: "skipped")
        case .medicine(let note)? where note.warningShown != nil:
            return RecordAlert(level: .tell, label: "INTERACTION")
        case .labAppointment(let appointment)? where appointment.status == .missed:
            return RecordAlert(level: .notice, label: "missed")
        default:
            return nil
        }
    }

    /// Flagged enough to show under "flagged only": anything asking the prescriber to hear of it.
    public var isFlag: Bool { level >= .tell }
}
