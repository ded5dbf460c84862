/// The course as the prescriber set it up: when it started, the product, the target, the
/// intake times, and (later) when it ended. One record, id "course"; changes are revisions.
public struct CourseSettings: Equatable, Codable, Sendable {
    public enum PatientCategory: String, Codable, Sendable, CaseIterable {
        case canGetPregnant = "can-get-pregnant"
        case cannotGetPregnant = "cannot-get-pregnant"
    }

    public var startDate: LocalDate
    /// The time of the first dose on the start day, when it was not the day's first intake:
    /// intakes before it on that day are not expected. Minutes after local midnight.
    public var startMinuteOfDay: Int?
    /// As the patient names it: "generic isotretinoin", "Absorica LD", …
    public var product: String
    /// Most generic capsules must be taken with a fat-containing meal; Absorica need not be.
    public var takeWithFood: Bool
    /// Cumulative target in mg per kg of body weight (default 120; 150 and custom are common).
    public var targetMgPerKg: Double
    public var patientCategory: PatientCategory
    /// The usual intakes of a day, in order ("morning" 08:00, "evening" 20:00).
    public var intakeSlots: [IntakeSlot]
    public var plannedEndDate: LocalDate?
    /// Set when the course is marked finished: the day of the last dose.
    public var lastDoseDate: LocalDate?
    /// How the patient prefers to see weight.
    public var weightUnit: WeightUnit

    public init(startDate: LocalDate, product: String = "isotretinoin", takeWithFood: Bool = true,
                targetMgPerKg: Double = 120, patientCategory: PatientCategory,
                intakeSlots: [IntakeSlot] = IntakeSlot.twiceDaily, plannedEndDate: LocalDate? = nil,
                lastDoseDate: LocalDate? = nil, weightUnit: WeightUnit = .kilograms) {
        self.startDate = startDate
        self.product = product
        self.takeWithFood = takeWithFood
        self.targetMgPerKg = targetMgPerKg
        self.patientCategory = patientCategory
        self.intakeSlots = intakeSlots
        self.plannedEndDate = plannedEndDate
        self.lastDoseDate = lastDoseDate
        self.weightUnit = weightUnit
    }

    enum CodingKeys: String, CodingKey {
        case startDate, startMinuteOfDay, product, takeWithFood, targetMgPerKg, patientCategory, intakeSlots,
             plannedEndDate, lastDoseDate, weightUnit
    }

    /// The first course's record; a later course n is "course-n" (see `Journal.courses`).
    public static let entryID = EntryID("course")

    public static func entryID(number: Int) -> EntryID { number <= 1 ? entryID : EntryID("course-\(number)") }

    public func slot(named name: String) -> IntakeSlot? { intakeSlots.first { $0.name == name } }
}

/// One of the day's usual intakes.
public struct IntakeSlot: Equatable, Codable, Sendable {
    public var name: String
    /// Minutes after local midnight (480 = 08:00).
    public var minuteOfDay: Int

    public init(name: String, minuteOfDay: Int) {
        self.name = name
        self.minuteOfDay = minuteOfDay
    }

    public static let twiceDaily = [IntakeSlot(name: "morning", minuteOfDay: 8 * 60),
                                    IntakeSlot(name: "evening", minuteOfDay: 20 * 60)]
}

public enum WeightUnit: String, Codable, Sendable, CaseIterable {
    case kilograms = "kg"
    case pounds = "lb"

    /// Exact by definition of the international pound.
    public static let kilogramsPerPound = 0.45359237

    public func toKilograms(_ value: Double) -> Double {
        self == .kilograms ? value : value * Self.kilogramsPerPound
    }

    public func fromKilograms(_ kg: Double) -> Double {
        self == .kilograms ? kg : kg / Self.kilogramsPerPound
    }
}
