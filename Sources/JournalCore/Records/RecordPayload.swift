import Foundation

/// Everything the journal needs to know about one kind of record, declared once beside its
/// payload type, in `Records/Kinds/<Payload>+Record.swift`.
///
/// Adding a kind is: the payload type and its conformance to this protocol, a case in
/// `EntryKind` and in `EntryBody`, and one line in each of the two exhaustive switches below.
/// The compiler points at each of them; no `default:` over kinds can hide a forgotten place.
/// The codec, `show`, the history (description, group, search, alerts) and the reports (CSV
/// rows, notes) all read a record through these declarations.
public protocol RecordPayload: Codable, Equatable, Sendable {
    /// The kind written on disk.
    static var kind: EntryKind { get }
    /// Where a person looks for it: the history's filter and the report's groups.
    static var group: RecordGroup { get }
    /// This payload as the journal's body.
    var body: EntryBody { get }
    /// One line of plain words for `show` and the history: "Chapped lips 2 (…): cracked corners".
    func line(_ entry: Entry, timeZone: TimeZone) -> String
    /// The words a person wrote on it (notes, reasons, their own titles): searched and reported.
    var notes: [String] { get }
    /// What a note on it is about, in a few words ("Chapped lips", "Pause").
    var subject: String { get }
    /// What makes it stand out in the history and the report, worked out now (never stored).
    func alert(_ entry: Entry, context: RecordContext) -> RecordAlert?
    /// Its row in the CSV report.
    func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields
    /// Why a number in it cannot describe something real (see `PlausibleNumbers`), or nil.
    var implausibility: String? { get }
    /// The instants it holds besides the entry's own times, with what each is, so the codec
    /// refuses one outside the documented year range.
    var instants: [(instant: Date, what: String)] { get }
}

/// What a record's alert and report row may need besides the record itself.
public struct RecordContext: Sendable {
    public var timeZone: TimeZone
    /// The journal's lab records (the patient's own limits and the flags worked out from them).
    public var labs: LabRecords
    /// The mood-check thresholds.
    public var rules: ProgrammeRules

    public init(timeZone: TimeZone, labs: LabRecords, rules: ProgrammeRules = .shipped) {
        self.timeZone = timeZone
        self.labs = labs
        self.rules = rules
    }
}

/// The kind-specific columns of a CSV report row.
public struct CSVFields: Equatable, Sendable {
    public var name: String
    public var value: String
    public var unit: String
    public var detail: String
    /// Replaces the row's time (the entry's own time) when the record holds a better one.
    public var time: String?

    public init(name: String, value: String = "", unit: String = "", detail: String = "", time: String? = nil) {
        self.name = name
        self.value = value
        self.unit = unit
        self.detail = detail
        self.time = time
    }
}

extension EntryKind {
    /// The payload type of each kind: the registry the codec decodes through.
    public var payloadType: any RecordPayload.Type {
        switch self {
        case .symptom: return SymptomRating.self
        case .redFlag: return RedFlagReport.self
        case .course: return CourseSettings.self
        case .doseStep: return DoseStep.self
        case .pause: return CoursePause.self
        case .weight: return WeightMeasurement.self
        case .dose: return DoseIntake.self
        case .medicine: return MedicineNote.self
        case .labAppointment: return LabAppointment.self
        case .labResult: return LabResult.self
        case .labFlagSettings: return LabFlagSettings.self
        case .programmeSettings: return ProgrammeSettings.self
        case .checklistTick: return ChecklistTick.self
        case .checklistItem: return ChecklistCustomItem.self
        case .moodCheck: return MoodCheck.self
        case .reminderState: return ReminderState.self
        case .prescriberDecision: return PrescriberDecision.self
        case .deviceName: return DeviceName.self
        }
    }

    /// Where a person looks for this kind.
    public var group: RecordGroup { payloadType.group }
}

extension EntryBody {
    /// The payload behind the case; nil for a record only a newer IsoJournal knows.
    public var payload: (any RecordPayload)? {
        switch self {
        case .symptom(let payload): return payload
        case .redFlag(let payload): return payload
        case .course(let payload): return payload
        case .doseStep(let payload): return payload
        case .pause(let payload): return payload
        case .weight(let payload): return payload
        case .dose(let payload): return payload
        case .medicine(let payload): return payload
        case .labAppointment(let payload): return payload
        case .labResult(let payload): return payload
        case .labFlagSettings(let payload): return payload
        case .programmeSettings(let payload): return payload
        case .checklistTick(let payload): return payload
        case .checklistItem(let payload): return payload
        case .moodCheck(let payload): return payload
        case .reminderState(let payload): return payload
        case .prescriberDecision(let payload): return payload
        case .deviceName(let payload): return payload
        case .unrecognized: return nil
        }
    }

    /// Decodes the payload of a known kind from `decoder` (the line's "data").
    public static func decode(_ kind: EntryKind, from decoder: any Decoder) throws -> EntryBody {
        try kind.payloadType.init(from: decoder).body
    }
}
