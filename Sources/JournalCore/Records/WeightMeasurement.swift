/// Body weight on a day. mg/kg uses the weight in force on each intake's date.
public struct WeightMeasurement: Equatable, Codable, Sendable {
    public var kilograms: Double
    /// What the person typed, kept as entered (e.g. 154 lb).
    public var enteredValue: Double
    public var enteredUnit: WeightUnit

    public init(value: Double, unit: WeightUnit) {
        enteredValue = value
        enteredUnit = unit
        kilograms = unit.toKilograms(value)
    }

    enum CodingKeys: String, CodingKey { case kilograms, enteredValue, enteredUnit }

    public static func entryID(day: LocalDate) -> EntryID { EntryID("weight-\(day.iso)") }

    /// Plausible human body weights for this journal; anything else is a typo.
    public static let plausibleKilograms = 25.0...350.0
}
