import Foundation

/// Everything the course maths needs, pulled out of the journal once: settings, plan,
/// pauses, weights and intakes. Plain data, so every calculation can be tested by hand.
public struct CourseRecords: Equatable, Sendable {
    public var settings: CourseSettings
    /// Ascending by start date.
    public var steps: [DoseStep]
    public var pauses: [CoursePause]
    /// Ascending by day.
    public var weights: [(day: LocalDate, kilograms: Double)]
    /// Keyed by day, then slot name.
    public var intakes: [LocalDate: [String: DoseIntake]]
    /// Times the course was or is on hold after a stop event, oldest first (the open one last).
    public var holds: [CourseHold]
    /// "Continue" decisions that ended a pause early: from that moment doses are expected again.
    public var pauseEndings: [Date]

    public init(settings: CourseSettings, steps: [DoseStep] = [], pauses: [CoursePause] = [],
                weights: [(day: LocalDate, kilograms: Double)] = [], intakes: [LocalDate: [String: DoseIntake]] = [:],
                holds: [CourseHold] = [], pauseEndings: [Date] = []) {
        self.settings = settings
        self.steps = steps.sorted { $0.startDate < $1.startDate }
        self.pauses = pauses
        self.weights = weights.sorted { $0.day < $1.day }
        self.intakes = intakes
        self.holds = holds
        self.pauseEndings = pauseEndings.sorted()
    }

    public static func == (a: CourseRecords, b: CourseRecords) -> Bool {
        a.settings == b.settings && a.steps == b.steps && a.pauses == b.pauses && a.intakes == b.intakes
            && a.weights.map(\.day) == b.weights.map(\.day) && a.weights.map(\.kilograms) == b.weights.map(\.kilograms)
            && a.holds == b.holds && a.pauseEndings == b.pauseEndings
    }

    /// The plan step in force on a day (the latest that started on or before it).
    public func step(on day: LocalDate) -> DoseStep? {
        steps.last { $0.startDate <= day }
    }

    public func isPaused(_ day: LocalDate) -> Bool { pauses.contains { $0.contains(day) } }

    /// The weight in force on a day: the latest measured on or before it; before the first
    /// measurement, the first one (a course always starts from some weight).
    public func weight(on day: LocalDate) -> Double? {
        weights.last { $0.day <= day }?.kilograms ?? weights.first?.kilograms
    }

    /// Whether a day is inside the course: from the start to the last dose (or open-ended).
    public func isCourseDay(_ day: LocalDate) -> Bool {
        day >= settings.startDate && (settings.lastDoseDate.map { day <= $0 } ?? true)
    }

    /// The intakes the plan has for a day: (slot, mg) for each slot with a dose, none outside
    /// the course. Pauses and holds are not taken out: `expectedIntakes(on:zone:)` does that.
    public func plannedIntakes(on day: LocalDate) -> [(slot: IntakeSlot, milligrams: Double)] {
        guard isCourseDay(day), let step = step(on: day) else { return [] }
        let amounts = step.plannedMilligrams(on: day)
        return settings.intakeSlots.enumerated().compactMap { index, slot in
            let mg = index < amounts.count ? amounts[index] : 0
            return mg > 0 ? (slot, mg) : nil
        }
    }
}

extension Journal {
    /// The course records, or nil before the course is set up.
    public var courseRecords: CourseRecords? { derived.course { gatherCourseRecords() } }

    private func gatherCourseRecords() -> CourseRecords? {
        guard case .course(let settings)? = current(CourseSettings.entryID)?.body else { return nil }
        var steps: [DoseStep] = []
        var pauses: [CoursePause] = []
        var weights: [(day: LocalDate, kilograms: Double)] = []
        var intakes: [LocalDate: [String: DoseIntake]] = [:]
        for entry in currentEntries(of: [.doseStep, .pause, .weight, .dose]) {
            switch entry.body {
            case .doseStep(let step)?: steps.append(step)
            case .pause(let pause)?: pauses.append(pause)
            case .weight(let weight)?: weights.append((entry.day, weight.kilograms))
            case .dose(let intake)?: intakes[entry.day, default: [:]][intake.slot] = intake
            default: break
            }
        }
        let pauseEndings = prescriberDecisions.filter { $0.outcome == .continueCourse }.map(\.decidedAt)
        return CourseRecords(settings: settings, steps: steps, pauses: pauses, weights: weights, intakes: intakes,
                             holds: gatherHolds(), pauseEndings: pauseEndings)
    }
}
