/// The kinds of record grouped as a person looks for them ("doses", "labs"), for filters
/// and the report's CSV.
public enum RecordGroup: String, CaseIterable, Sendable {
    case symptoms
    case doses
    case labs
    case flagsAndMood = "red flags & mood"
    case checklist
    case course
    case reminders
    case other

    /// Each kind declares its group (`RecordPayload.group`); a withdrawn record or one from a
    /// newer IsoJournal is "other".
    public static func of(_ kind: EntryKind?) -> RecordGroup { kind?.group ?? .other }
}
