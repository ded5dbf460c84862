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

    public static func of(_ kind: EntryKind?) -> RecordGroup {
        switch kind {
        case .symptom?: return .symptoms
        case .dose?, .medicine?: return .doses
        case .labAppointment?, .labResult?, .labFlagSettings?: return .labs
        case .redFlag?, .moodCheck?: return .flagsAndMood
        case .checklistTick?, .checklistItem?, .programmeSettings?: return .checklist
        case .course?, .doseStep?, .pause?, .weight?, .prescriberDecision?: return .course
        case .reminderState?: return .reminders
        case nil: return .other
        }
    }
}
