/// The kinds of record the journal holds. The raw value is the `kind` field on disk.
public enum EntryKind: String, Codable, Sendable, CaseIterable {
    case symptom
    case redFlag = "red-flag"
    case course
    case doseStep = "plan-step"
    case pause
    case weight
    case dose
    case medicine
    case labAppointment = "lab-appointment"
    case labResult = "lab-result"
    case labFlagSettings = "lab-flag-settings"
    case programmeSettings = "programme-settings"
    case checklistTick = "checklist-tick"
    case checklistItem = "checklist-item"
    case moodCheck = "mood-check"
    case reminderState = "reminder-state"
    case prescriberDecision = "prescriber-decision"
    case deviceName = "device-name"
}

/// The content of a record. Each case's payload is its own small type with its own file.
public enum EntryBody: Equatable, Sendable {
    case symptom(SymptomRating)
    case redFlag(RedFlagReport)
    case course(CourseSettings)
    case doseStep(DoseStep)
    case pause(CoursePause)
    case weight(WeightMeasurement)
    case dose(DoseIntake)
    case medicine(MedicineNote)
    case labAppointment(LabAppointment)
    case labResult(LabResult)
    case labFlagSettings(LabFlagSettings)
    case programmeSettings(ProgrammeSettings)
    case checklistTick(ChecklistTick)
    case checklistItem(ChecklistCustomItem)
    case moodCheck(MoodCheck)
    case reminderState(ReminderState)
    case prescriberDecision(PrescriberDecision)
    case deviceName(DeviceName)
    /// A record written by a newer version of IsoJournal. Kept in the file untouched and
    /// counted, never shown as something it is not.
    case unrecognized(kind: String)

    /// A plain switch, not `payload`'s kind: filters ask this of every entry, and boxing a
    /// payload into an existential would allocate.
    public var kind: EntryKind? {
        switch self {
        case .symptom: return .symptom
        case .redFlag: return .redFlag
        case .course: return .course
        case .doseStep: return .doseStep
        case .pause: return .pause
        case .weight: return .weight
        case .dose: return .dose
        case .medicine: return .medicine
        case .labAppointment: return .labAppointment
        case .labResult: return .labResult
        case .labFlagSettings: return .labFlagSettings
        case .programmeSettings: return .programmeSettings
        case .checklistTick: return .checklistTick
        case .checklistItem: return .checklistItem
        case .moodCheck: return .moodCheck
        case .reminderState: return .reminderState
        case .prescriberDecision: return .prescriberDecision
        case .deviceName: return .deviceName
        case .unrecognized: return nil
        }
    }

    /// The kind as written on disk.
    public var kindName: String {
        if case .unrecognized(let kind) = self { return kind }
        return kind?.rawValue ?? ""
    }
}
