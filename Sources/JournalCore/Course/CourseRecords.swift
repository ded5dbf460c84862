import Foundation

/// Everything the course maths needs, pulled out of the journal once: settings, plan,
/// pauses, weights and intakes. Plain data, so every calculation can be tested by hand.
public struct CourseRecords: Equatable, Sendable {
    public var settings: CourseSettings
    /// 1 for the first course in the journal, 2 for a second, …
    public var number: Int = 1
    /// The day the next course started, for an earlier course (its records end the day before).
    public var nextCourseStart: LocalDate?
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
    /// In a working set: the totals of the days left out (its `intakes` start after them).
    public var settled: SettledDoses?

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
        a.settings == b.settings && a.number == b.number && a.nextCourseStart == b.nextCourseStart && a.steps == b.steps && a.pauses == b.pauses && a.intakes == b.intakes
            && a.weights.map(\.day) == b.weights.map(\.day) && a.weights.map(\.kilograms) == b.weights.map(\.kilograms)
            && a.holds == b.holds && a.pauseEndings == b.pauseEndings && a.settled == b.settled
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
            && (nextCourseStart.map { day < $0 } ?? true)
    }

    /// The record id of this course's settings (revisions of it change this course only).
    public var settingsID: EntryID { CourseSettings.entryID(number: number) }

    /// The intakes the plan has for a day: (slot, mg) for each slot with a dose, none outside
    /// the course. Pauses and holds are not taken out: `expectedIntakes(on:zone:)` does that.
    public func plannedIntakes(on day: LocalDate) -> [(slot: IntakeSlot, milligrams: Double)] {
        guard isCourseDay(day), let step = step(on: day) else { return [] }
        let amounts = step.plannedMilligrams(on: day)
        // A course started in the evening expects nothing from that morning.
        let firstMinute = day == settings.startDate ? (settings.startMinuteOfDay ?? 0) : 0
        return settings.intakeSlots.enumerated().compactMap { index, slot in
            let mg = index < amounts.count ? amounts[index] : 0
            return mg > 0 && slot.minuteOfDay >= firstMinute ? (slot, mg) : nil
        }
    }
}

/// One course of the journal: its number, record id and settings.
public struct CourseEntry: Equatable, Sendable {
    public let number: Int
    public let id: EntryID
    public let settings: CourseSettings
}

extension Journal {
    /// Every course, first to last (relapse and a second course are common). Ordered by start.
    public var courses: [CourseEntry] {
        currentEntries(of: .course).compactMap { entry -> (EntryID, CourseSettings)? in
            if case .course(let settings)? = entry.body { return (entry.id, settings) } else { return nil }
        }.sorted { ($0.1.startDate, $0.0) < ($1.1.startDate, $1.0) }
            .enumerated().map { CourseEntry(number: $0.offset + 1, id: $0.element.0, settings: $0.element.1) }
    }

    /// The current (latest) course's records, or nil before the course is set up.
    public var courseRecords: CourseRecords? { derived.course { gatherCourseRecords(number: nil) } }

    /// An earlier (or the current) course's records, by number.
    public func courseRecords(number: Int) -> CourseRecords? {
        number == courses.count ? courseRecords : gatherCourseRecords(number: number)
    }

    /// A course's own plan, pauses and doses: those dated from its start to the day before the
    /// next course starts (the first course also keeps doses recorded before its start).
    /// Weights are the person's, shared by every course; holds follow the person too.
    private func gatherCourseRecords(number: Int?) -> CourseRecords? {
        let all = courses
        guard let course = number.map({ all.indices.contains($0 - 1) ? all[$0 - 1] : nil }) ?? all.last else { return nil }
        let next = all.first { $0.number == course.number + 1 }?.settings.startDate
        func inside(_ day: LocalDate) -> Bool {
            (course.number == 1 || day >= course.settings.startDate) && (next.map { day < $0 } ?? true)
        }
        var steps: [DoseStep] = []
        var pauses: [CoursePause] = []
        var weights: [(day: LocalDate, kilograms: Double)] = []
        var intakes: [LocalDate: [String: DoseIntake]] = [:]
        for entry in currentEntries(of: [.doseStep, .pause, .weight, .dose]) {
            if case .doseStep(let step)? = entry.body, inside(step.startDate) { steps.append(step) }
            if case .pause(let pause)? = entry.body, inside(pause.startDate) { pauses.append(pause) }
            if case .weight(let weight)? = entry.body { weights.append((entry.day, weight.kilograms)) }
            if case .dose(let intake)? = entry.body, inside(entry.day) { intakes[entry.day, default: [:]][intake.slot] = intake }
        }
        let pauseEndings = prescriberDecisions.filter { $0.outcome == .continueCourse }.map(\.decidedAt)
        var records = CourseRecords(settings: course.settings, steps: steps, pauses: pauses, weights: weights, intakes: intakes,
                                    holds: gatherHolds(), pauseEndings: pauseEndings)
        records.number = course.number
        records.nextCourseStart = next
        records.settled = window?.settled[course.number]
        return records
    }
}
