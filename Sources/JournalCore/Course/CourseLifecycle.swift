import Foundation

/// Why a course cannot be finished or a new one started, in the patient's words.
public enum CourseLifecycleProblem: Error, Equatable, Sendable {
    case noCourse
    case finishBeforeStart(start: LocalDate)
    /// Doses are recorded as taken after the day given as the last dose.
    case dosesAfterFinish(days: [LocalDate])
    /// A new course needs the current one finished first.
    case currentNotFinished(number: Int)
    /// The new course would start on or before the current one's last dose.
    case startsInsideCourse(number: Int, lastDose: LocalDate)
    /// Less than the label's waiting period after the last dose; needs confirmation.
    case tooSoon(until: LocalDate, rule: String, source: String)

    public var message: String {
        switch self {
        case .noCourse:
            return "Set up the course first: isojournal course set …"
        case .finishBeforeStart(let start):
            return "The last dose cannot be before the course started (\(start.iso))."
        case .dosesAfterFinish(let days):
            let shown = days.prefix(3).map(\.iso).joined(separator: ", ") + (days.count > 3 ? " and \(days.count - 3) more" : "")
            return "Doses are recorded as taken after that day (\(shown)). Give the day of the last dose taken, "
                + "or add --yes: the course is then marked finished on the last dose recorded, and the after-course dates count from it."
        case .currentNotFinished(let number):
            return "Course \(number) is still going: mark it finished first (isojournal course finish <day of the last dose>)."
        case .startsInsideCourse(let number, let lastDose):
            return "A new course must start after course \(number)'s last dose (\(lastDose.iso))."
        case .tooSoon(let until, let rule, let source):
            return "\(rule): that is \(until.iso) at the earliest (\(source)). If your prescriber has decided otherwise, add --yes."
        }
    }
}

/// The course's lifecycle as domain actions: finishing it on the right day, and starting the
/// next one. Shared by the screens and the commands, so both refuse and record alike.
public enum CourseLifecycle {
    /// Marks the current course finished with `lastDose` as its last day. A day before a dose
    /// recorded as taken is refused unless `acceptLaterDoses`; then the course finishes on the
    /// last dose actually recorded, so the after-course dates come from the real last dose.
    public static func finish(journal: Journal, lastDose: LocalDate,
                              acceptLaterDoses: Bool) throws(CourseLifecycleProblem) -> (changes: [JournalChange], lastDose: LocalDate) {
        guard let records = journal.courseRecords else { throw .noCourse }
        guard lastDose >= records.settings.startDate else { throw .finishBeforeStart(start: records.settings.startDate) }
        let later = records.intakes.filter { $0.key > lastDose && $0.value.values.contains { $0.status == .taken } }.keys.sorted()
        var finalDay = lastDose
        if !later.isEmpty {
            guard acceptLaterDoses else { throw .dosesAfterFinish(days: later) }
            finalDay = later.last!
        }
        var settings = records.settings
        settings.lastDoseDate = finalDay
        return ([.put(records.settingsID, day: settings.startDate, body: .course(settings))], finalDay)
    }

    /// What a new course starts with; what is left out is carried over from the last course.
    public struct NewCourse: Equatable, Sendable {
        public var start: LocalDate
        public var planCycle: [[Double]]?
        public var targetMgPerKg: Double?
        public var weight: WeightMeasurement?

        public init(start: LocalDate, planCycle: [[Double]]? = nil, targetMgPerKg: Double? = nil, weight: WeightMeasurement? = nil) {
            self.start = start
            self.planCycle = planCycle
            self.targetMgPerKg = targetMgPerKg
            self.weight = weight
        }
    }

    /// Starts course n + 1 after a finished course n: its own settings record, its own plan from
    /// its start (its cumulative dose, checklist months and after-course dates are its own).
    /// Earlier than the label's waiting period after the last dose needs `confirmedEarly`.
    public static func start(_ new: NewCourse, journal: Journal, rules: ProgrammeRules = .shipped,
                             confirmedEarly: Bool) throws(CourseLifecycleProblem) -> [JournalChange] {
        guard let current = journal.courseRecords else { throw .noCourse }
        guard let lastDose = current.settings.lastDoseDate else { throw .currentNotFinished(number: current.number) }
        guard new.start > lastDose else { throw .startsInsideCourse(number: current.number, lastDose: lastDose) }
        if let wait = rules.afterCourse.first(where: { $0.id == "second-course" }) {
            let until = lastDose.adding(months: wait.months)
            if new.start < until, !confirmedEarly { throw .tooSoon(until: until, rule: wait.text, source: wait.source) }
        }
        var settings = current.settings
        settings.startDate = new.start
        settings.lastDoseDate = nil
        settings.plannedEndDate = nil
        settings.startMinuteOfDay = nil
        if let target = new.targetMgPerKg { settings.targetMgPerKg = target }
        let cycle = new.planCycle ?? current.steps.last?.cycle ?? [[20, 20]]
        var changes: [JournalChange] = [
            .put(CourseSettings.entryID(number: current.number + 1), day: new.start, body: .course(settings)),
            .put(DoseStep.entryID(startDate: new.start), day: new.start, body: .doseStep(DoseStep(startDate: new.start, cycle: cycle))),
        ]
        if let weight = new.weight {
            changes.append(.put(WeightMeasurement.entryID(day: new.start), day: new.start, body: .weight(weight)))
        }
        return changes
    }
}
