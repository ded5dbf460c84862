/// A date with the lab, the prescriber or the pharmacy. The day is the record's `day`; the
/// id says what and when, so scheduling the same thing twice amends one record.
public struct LabAppointment: Equatable, Codable, Sendable {
    public enum What: String, Codable, Sendable, CaseIterable {
        case lipids
        case liver
        case lipidsAndLiver = "lipids-liver"
        case pregnancyTest = "pregnancy-test"
        case prescriberVisit = "prescriber-visit"
        case pharmacyPickup = "pharmacy-pickup"

        public init(from decoder: any Decoder) throws { self = try decodeChoice(decoder) }

        public var name: String {
            switch self {
            case .lipids: return "Blood draw: lipids"
            case .liver: return "Blood draw: liver"
            case .lipidsAndLiver: return "Blood draw: lipids + liver"
            case .pregnancyTest: return "Pregnancy test"
            case .prescriberVisit: return "Prescriber visit"
            case .pharmacyPickup: return "Pharmacy pickup"
            }
        }

        /// A lipid panel is read fasting, so scheduling one assumes fasting until told otherwise.
        public var fastingByDefault: Bool { self == .lipids || self == .lipidsAndLiver }
    }

    public enum Status: String, Codable, Sendable, CaseIterable {
        case scheduled, done, missed, moved

        public init(from decoder: any Decoder) throws { self = try decodeChoice(decoder) }
    }

    public var what: What
    /// Pregnancy tests only: clinic or home.
    public var setting: TestSetting?
    /// Minutes after local midnight, when a time was given.
    public var minuteOfDay: Int?
    public var fasting: Bool
    public var note: String?
    public var status: Status
    /// For a moved appointment: the day it moved to (a new appointment stands there).
    public var movedTo: LocalDate?
    /// For the appointment it moved to: the day it was first set for.
    public var movedFrom: LocalDate?

    public init(what: What, setting: TestSetting? = nil, minuteOfDay: Int? = nil, fasting: Bool? = nil,
                note: String? = nil, status: Status = .scheduled, movedTo: LocalDate? = nil, movedFrom: LocalDate? = nil) {
        self.what = what
        self.setting = setting
        self.minuteOfDay = minuteOfDay
        self.fasting = fasting ?? what.fastingByDefault
        self.note = note
        self.status = status
        self.movedTo = movedTo
        self.movedFrom = movedFrom
    }

    enum CodingKeys: String, CodingKey { case what, setting, time, fasting, note, status, movedTo, movedFrom }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        what = try c.decode(What.self, forKey: .what)
        setting = try c.decodeIfPresent(TestSetting.self, forKey: .setting)
        if let text = try c.decodeIfPresent(String.self, forKey: .time) {
            guard let minute = Timestamp.parseClock(text) else {
                throw DecodingError.dataCorruptedError(forKey: .time, in: c, debugDescription: "\"time\" is not HH:MM")
            }
            minuteOfDay = minute
        }
        fasting = try c.decode(Bool.self, forKey: .fasting)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        status = try c.decode(Status.self, forKey: .status)
        movedTo = try c.decodeIfPresent(LocalDate.self, forKey: .movedTo)
        movedFrom = try c.decodeIfPresent(LocalDate.self, forKey: .movedFrom)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(what, forKey: .what)
        try c.encodeIfPresent(setting, forKey: .setting)
        try c.encodeIfPresent(timeText, forKey: .time)
        try c.encode(fasting, forKey: .fasting)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(movedTo, forKey: .movedTo)
        try c.encodeIfPresent(movedFrom, forKey: .movedFrom)
    }

    public static func entryID(day: LocalDate, what: What) -> EntryID { EntryID("appointment-\(day.iso)-\(what.rawValue)") }

    /// "08:30", when a time was given.
    public var timeText: String? { minuteOfDay.map { Timestamp.clockText(minuteOfDay: $0) } }

    /// "Pregnancy test (home, fasting)".
    public var description: String {
        var details: [String] = []
        if let setting { details.append(setting.rawValue) }
        if fasting { details.append("fasting") }
        return what.name + (details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")")
    }
}
