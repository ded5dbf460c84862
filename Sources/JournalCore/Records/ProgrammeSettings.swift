import Foundation

/// The patient's choices for the monthly programme, the mood check and reminders.
/// One record, id "programme-settings"; missing fields fall back to the shipped defaults.
public struct ProgrammeSettings: Equatable, Codable, Sendable {
    /// A rule set chosen by hand ("generic" outside the US); nil: the one in force by date.
    public var ruleSetID: String?
    /// Changed effective dates, by rule-set id (the 2026 iPLEDGE change may be postponed).
    public var effectiveFromOverrides: [String: LocalDate]
    /// The two forms of contraception, as the patient names them.
    public var contraceptionMethods: [String]
    /// Shown with the crisis guidance. US default: 988.
    public var crisisLine: String
    /// Days between mood checks; nil: the rule data's interval.
    public var moodCheckIntervalDays: Int?
    /// The course day the first mood check is due; nil: the rule data's (end of the first week).
    public var firstMoodCheckCourseDay: Int?
    /// From this time of day, an unlogged day's symptoms are reminded (default 19:00).
    public var symptomReminderMinute: Int
    /// A dose is "overdue" this long after its time (default 60 minutes).
    public var doseGraceMinutes: Int
    /// The patient's name as they want it on the visit report and a caregiver's screens; optional.
    public var patientName: String?

    public init(ruleSetID: String? = nil, effectiveFromOverrides: [String: LocalDate] = [:],
                contraceptionMethods: [String] = [], crisisLine: String = ProgrammeSettings.defaultCrisisLine,
                moodCheckIntervalDays: Int? = nil, symptomReminderMinute: Int = 19 * 60, doseGraceMinutes: Int = 60,
                patientName: String? = nil) {
        self.ruleSetID = ruleSetID
        self.effectiveFromOverrides = effectiveFromOverrides
        self.contraceptionMethods = contraceptionMethods
        self.crisisLine = crisisLine
        self.moodCheckIntervalDays = moodCheckIntervalDays
        self.symptomReminderMinute = symptomReminderMinute
        self.doseGraceMinutes = doseGraceMinutes
        self.patientName = patientName
    }

    public static let defaultCrisisLine = "988 Suicide & Crisis Lifeline (US): call or text 988"
    public static let entryID = EntryID("programme-settings")

    enum CodingKeys: String, CodingKey {
        case ruleSetID = "ruleSet", effectiveFromOverrides, contraceptionMethods, crisisLine, moodCheckIntervalDays, firstMoodCheckCourseDay,
             symptomReminderMinute, doseGraceMinutes, patientName
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ruleSetID = try c.decodeIfPresent(String.self, forKey: .ruleSetID)
        effectiveFromOverrides = try c.decodeIfPresent([String: LocalDate].self, forKey: .effectiveFromOverrides) ?? [:]
        contraceptionMethods = try c.decodeIfPresent([String].self, forKey: .contraceptionMethods) ?? []
        crisisLine = try c.decodeIfPresent(String.self, forKey: .crisisLine) ?? Self.defaultCrisisLine
        moodCheckIntervalDays = try c.decodeIfPresent(Int.self, forKey: .moodCheckIntervalDays)
        firstMoodCheckCourseDay = try c.decodeIfPresent(Int.self, forKey: .firstMoodCheckCourseDay)
        symptomReminderMinute = try c.decodeIfPresent(Int.self, forKey: .symptomReminderMinute) ?? 19 * 60
        doseGraceMinutes = try c.decodeIfPresent(Int.self, forKey: .doseGraceMinutes) ?? 60
        patientName = try c.decodeIfPresent(String.self, forKey: .patientName)
    }
}

extension ProgrammeSettings {
    /// The name to use for the patient in text a viewer reads: theirs if set, else "The patient".
    public var patientNameOrDefault: String {
        let name = patientName?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return name.isEmpty ? "The patient" : name
    }
}

extension Journal {
    public var programmeSettings: ProgrammeSettings {
        if case .programmeSettings(let settings)? = current(ProgrammeSettings.entryID)?.body { return settings }
        return ProgrammeSettings()
    }
}
