/// One lab result as the patient copied it from the report: the value and unit exactly as
/// entered (never converted on disk), the lab's upper limit of normal for ALT/AST, or the
/// outcome of a pregnancy test. The specimen date is the record's `day`: the monthly
/// programme counts its windows from it.
public struct LabResult: Equatable, Codable, Sendable {
    public enum PregnancyOutcome: String, Codable, Sendable, CaseIterable {
        case negative, positive, invalid

        public init(from decoder: any Decoder) throws { self = try decodeChoice(decoder) }
    }

    public var test: LabTest
    /// The number on the report; nil for a pregnancy test.
    public var value: Double?
    /// The unit as entered; nil for a pregnancy test.
    public var unit: LabUnit?
    /// The lab's upper limit of normal, in U/L (ALT and AST only).
    public var upperLimitOfNormal: Double?
    /// Pregnancy tests only.
    public var outcome: PregnancyOutcome?
    /// Pregnancy tests only: where the specimen was collected (home tests are allowed only
    /// under some rules).
    public var setting: TestSetting?
    /// Whether the person had fasted (lipids are read against a fasting draw).
    public var fasting: Bool?
    public var note: String?
    /// The flag notice exactly as it was shown when the result was entered, if one was.
    public var noticeShown: String?

    public init(test: LabTest, value: Double? = nil, unit: LabUnit? = nil, upperLimitOfNormal: Double? = nil,
                outcome: PregnancyOutcome? = nil, setting: TestSetting? = nil, fasting: Bool? = nil,
                note: String? = nil, noticeShown: String? = nil) {
        self.test = test
        self.value = value
        self.unit = unit
        self.upperLimitOfNormal = upperLimitOfNormal
        self.outcome = outcome
        self.setting = setting
        self.fasting = fasting
        self.note = note
        self.noticeShown = noticeShown
    }

    /// A measured value in its unit.
    public static func measured(_ test: LabTest, _ value: Double, _ unit: LabUnit, upperLimitOfNormal: Double? = nil,
                                fasting: Bool? = nil) -> LabResult {
        LabResult(test: test, value: value, unit: unit, upperLimitOfNormal: upperLimitOfNormal, fasting: fasting)
    }

    public static func pregnancyTest(_ outcome: PregnancyOutcome, setting: TestSetting? = nil) -> LabResult {
        LabResult(test: .pregnancy, outcome: outcome, setting: setting)
    }

    enum CodingKeys: String, CodingKey {
        case test, value, unit, upperLimitOfNormal, outcome, setting, fasting, note, noticeShown
    }

    /// One result per test per specimen day: entering it again is a correction.
    public static func entryID(day: LocalDate, test: LabTest) -> EntryID { EntryID("lab-result-\(day.iso)-\(test.rawValue)") }

    /// The value in `target` units (nil for a pregnancy test or a unit the test has not).
    public func value(in target: LabUnit) -> Double? {
        guard let value, let unit else { return nil }
        return test.convert(value, from: unit, to: target)
    }

    /// ALT or AST as a multiple of the lab's upper limit of normal.
    public var timesUpperLimit: Double? {
        guard let value, let upperLimitOfNormal, upperLimitOfNormal > 0 else { return nil }
        return value / upperLimitOfNormal
    }

    /// "549 mg/dL", "62 U/L (ULN 40)", "negative".
    public var valueText: String {
        if let outcome { return outcome.rawValue }
        guard let value, let unit else { return "–" }
        return LabValueText.withUnit(value, unit)
            + (upperLimitOfNormal.map { " (ULN \(LabValueText.format($0, .unitsPerLiter)))" } ?? "")
    }
}

/// Where a pregnancy test's specimen was collected.
public enum TestSetting: String, Codable, Sendable, CaseIterable {
    case clinic, home

    public init(from decoder: any Decoder) throws { self = try decodeChoice(decoder) }
}
