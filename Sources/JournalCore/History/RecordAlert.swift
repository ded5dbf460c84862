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

    /// The alert a record raises now, if any (each kind declares it: `RecordPayload.alert`).
    /// `labs` are the journal's lab records (for the patient's own limits); `rules` give the
    /// mood-check thresholds.
    public static func of(_ entry: Entry, labs: LabRecords, rules: ProgrammeRules = .shipped) -> RecordAlert? {
        entry.body?.payload?.alert(entry, context: RecordContext(timeZone: .gmt, labs: labs, rules: rules))
    }

    /// Flagged enough to show under "flagged only": anything asking the prescriber to hear of it.
    public var isFlag: Bool { level >= .tell }
}
