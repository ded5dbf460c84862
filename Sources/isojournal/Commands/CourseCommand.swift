import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal course …`: set up and change the course from the shell.
struct CourseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course",
        abstract: "Set up or change the course: start, weight, product, plan, target, category.",
        subcommands: [CourseSetCommand.self, CoursePlanCommand.self, CoursePauseCommand.self, CourseDecisionCommand.self, CourseFinishCommand.self, CourseNewCommand.self]
    )
}

struct CourseSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set up the course, or change some of its settings (others stay as they are).",
        discussion: """
            First setup needs --start, --weight, --dose and --category.
            Example: isojournal course set --start 2026-11-02 --weight 61 --dose 20+20 --category cannot-get-pregnant
            """
    )

    @Option(help: ArgumentHelp("Day of the first dose.", valueName: "YYYY-MM-DD")) var start: String?
    @Option(name: .customLong("start-time"),
            help: ArgumentHelp("Time of the first dose, when it was not the day's first intake (earlier ones that day are not expected).",
                               valueName: "HH:MM"))
    var startTime: String?
    @Option(help: "Body weight (recorded in the weight history).") var weight: String?
    @Option(help: ArgumentHelp("Unit of --weight and of how weight is shown.", valueName: "kg|lb"), completion: Completions.weightUnits) var unit: String?
    @Option(help: "The product, as on the box (e.g. \"Absorica LD\").") var product: String?
    @Flag(help: "Whether it must be taken with food (most generic capsules: yes; Absorica: either).") var food: FoodFlag?
    @Option(help: ArgumentHelp("The plan: mg at each intake time, e.g. 20+20, or 40+0/40+40 for alternate days.", valueName: "pattern"))
    var dose: String?
    @Option(help: ArgumentHelp("Usual intake times.", valueName: "HH:MM,HH:MM")) var times: String?
    @Option(help: ArgumentHelp("Cumulative target in mg/kg (120 default; 150 or your prescriber's).", valueName: "mg/kg"))
    var target: String?
    @Option(help: ArgumentHelp("Patient category.", valueName: "can-get-pregnant|cannot-get-pregnant"), completion: Completions.categories) var category: String?
    @Option(name: .customLong("planned-end"), help: ArgumentHelp("Planned last day.", valueName: "YYYY-MM-DD")) var plannedEnd: String?
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let now = Date()
            let today = Timestamp.localDate(of: now, in: .current)
            let store = try location.openStore(mode: .readWrite)
            let existing = store.journal.courseRecords
            let setup = try buildSetup(existing: existing, today: today)
            let journal = try store.transactionOrFail { journal in setup.changes(in: journal, today: today) }
            let progress = journal.courseRecords.map { CourseProgress(records: $0, now: now, timeZone: .current) }
            say("Course saved: started \(setup.settings.startDate.iso), target \(MilligramText.format(setup.settings.targetMgPerKg)) mg/kg"
                + (progress?.currentStep.map { ", plan \($0.summary) (\(DosePattern.spelledOut($0.cycle, slots: setup.settings.intakeSlots)))" } ?? "") + ".")
        }
    }

    private func buildSetup(existing: CourseRecords?, today: LocalDate) throws(CommandFailure) -> CourseSetup {
        do throws(CourseInputError) {
            let old = existing?.settings
            guard old != nil || (start != nil && weight != nil && dose != nil && category != nil) else {
                throw CourseInputError(field: "start", message: "First setup needs --start, --weight, --dose and --category (see --help).")
            }
            let weightUnit: WeightUnit
            switch unit?.lowercased() {
            case nil: weightUnit = old?.weightUnit ?? .kilograms
            case "kg"?: weightUnit = .kilograms
            case "lb"?, "lbs"?: weightUnit = .pounds
            case let other?: throw CourseInputError(field: "unit", message: "--unit '\(other)': use kg or lb.")
            }
            let slots = try times.map(CourseInput.intakeTimes) ?? old?.intakeSlots ?? IntakeSlot.twiceDaily
            let chosenCategory: CourseSettings.PatientCategory
            if let category {
                guard let parsed = CourseSettings.PatientCategory(rawValue: category) else {
                    throw CourseInputError(field: "category", message: "--category '\(category)': use can-get-pregnant or cannot-get-pregnant.")
                }
                chosenCategory = parsed
            } else {
                chosenCategory = old!.patientCategory
            }
            let startDate = try start.map { text throws(CourseInputError) in try CourseInput.date(text, field: "--start") } ?? old!.startDate
            var settings = CourseSettings(
                startDate: startDate,
                product: product ?? old?.product ?? "isotretinoin",
                takeWithFood: food.map { $0 == .withFood } ?? old?.takeWithFood ?? true,
                targetMgPerKg: try target.map(CourseInput.target) ?? old?.targetMgPerKg ?? 120,
                patientCategory: chosenCategory,
                intakeSlots: slots,
                plannedEndDate: try plannedEnd.map { text throws(CourseInputError) in try CourseInput.date(text, field: "--planned-end") } ?? old?.plannedEndDate,
                lastDoseDate: old?.lastDoseDate,
                weightUnit: weightUnit)
            settings.startMinuteOfDay = old?.startMinuteOfDay
            if let startTime {
                guard let minute = Timestamp.parseClock(startTime) else {
                    throw CourseInputError(field: "start-time", message: "--start-time '\(startTime)' is not a time like 18:00.")
                }
                settings.startMinuteOfDay = minute
            }
            let cycle = try dose.map { text throws(CourseInputError) in try CourseInput.plan(text, slotCount: slots.count) }
            // "--weight 135lb" says its unit itself; --unit, when given, must agree with it.
            let entry = try weight.map { text throws(CourseInputError) in
                try CourseInput.weightEntry(text, given: unit == nil ? nil : weightUnit, fallback: weightUnit)
            }
            if unit == nil, old == nil, let entry { settings.weightUnit = entry.unit }
            return CourseSetup(settings: settings, planCycle: cycle, weight: entry.map { ($0.typed.value, $0.unit) })
        } catch {
            throw .badInput(error.message)
        }
    }
}

struct CoursePlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Add a plan step: from a date on, take this (e.g. when the dose goes up).",
        discussion: "Example: isojournal course plan 2026-12-01 40+40"
    )

    @Argument(help: ArgumentHelp("First day of the new plan.", valueName: "YYYY-MM-DD")) var from: String
    @Argument(help: ArgumentHelp("mg at each intake time: 40+40, or 40+0/40+40 for alternate days (every time of every day).", valueName: "pattern"))
    var pattern: String
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let store = try location.openStore(mode: .readWrite)
            guard let records = store.journal.courseRecords else { throw CommandFailure.badInput("Set up the course first: isojournal course set …") }
            let step: DoseStep
            do throws(CourseInputError) {
                let day = try CourseInput.date(from, field: "date")
                step = DoseStep(startDate: day, cycle: try CourseInput.plan(pattern, slotCount: records.settings.intakeSlots.count))
            } catch {
                throw CommandFailure.badInput(error.message)
            }
            guard step.startDate >= records.settings.startDate else {
                throw CommandFailure.badInput("\(step.startDate.iso) is before the course start (\(records.settings.startDate.iso)).")
            }
            _ = try store.transactionOrFail { _ in
                [.put(DoseStep.entryID(startDate: step.startDate), day: step.startDate, body: .doseStep(step))]
            }
            say("Plan from \(step.startDate.iso): \(step.summary) — \(DosePattern.spelledOut(step.cycle, slots: records.settings.intakeSlots)).")
        }
    }
}

struct CoursePauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Record a pause your prescriber asked for (planned doses are not expected then).",
        discussion: "Example: isojournal course pause 2026-12-10 --to 2026-12-17 --reason \"liver tests\""
    )

    @Argument(help: ArgumentHelp("First paused day.", valueName: "YYYY-MM-DD")) var from: String
    @Option(help: ArgumentHelp("Last paused day (leave out while it goes on).", valueName: "YYYY-MM-DD")) var to: String?
    @Option(help: "Why, in your words.") var reason: String?
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let pause: CoursePause
            do throws(CourseInputError) {
                let start = try CourseInput.date(from, field: "date")
                let end = try to.map { text throws(CourseInputError) in try CourseInput.date(text, field: "--to") }
                if let end, end < start { throw CourseInputError(field: "to", message: "--to \(end.iso) is before \(start.iso).") }
                pause = CoursePause(startDate: start, endDate: end, reason: reason)
            } catch {
                throw CommandFailure.badInput(error.message)
            }
            let store = try location.openStore(mode: .readWrite)
            guard store.journal.courseRecords != nil else { throw CommandFailure.badInput("Set up the course first: isojournal course set …") }
            _ = try store.transactionOrFail { _ in
                [.put(CoursePause.entryID(startDate: pause.startDate), day: pause.startDate, body: .pause(pause))]
            }
            say("Pause recorded from \(pause.startDate.iso)" + (pause.endDate.map { " to \($0.iso)." } ?? " (ongoing; end it with --to)."))
        }
    }
}

struct CourseFinishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finish",
        abstract: "Mark the course finished on the day of the last dose (starts the after-course countdowns).",
        discussion: """
            A day before a dose recorded as taken is refused, naming those doses; with --yes the course is
            marked finished on the last dose recorded instead, so the after-course dates count from it.
            Example: isojournal course finish 2027-03-30
            """
    )

    @Argument(help: ArgumentHelp("Day of the last dose.", valueName: "YYYY-MM-DD")) var lastDose: String
    @Flag(help: "Finish even though doses are recorded after that day (the course then ends on the last one).") var yes = false
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let today = Timestamp.localDate(of: Date(), in: .current)
            let last = try DayArgument.parse(lastDose, today: today)
            let store = try location.openStore(mode: .readWrite)
            var finalDay = last
            _ = try store.transactionOrFail { journal in
                do throws(CourseLifecycleProblem) {
                    let result = try CourseLifecycle.finish(journal: journal, lastDose: last, acceptLaterDoses: yes)
                    finalDay = result.lastDose
                    return result.changes
                } catch {
                    throw CommandFailure.badInput(error.message)
                }
            }
            if finalDay != last {
                say("Doses are recorded after \(last.iso): the course is marked finished on the last of them, \(finalDay.iso); they count in the total.")
            }
            say("Course marked finished: last dose \(finalDay.iso). The after-course dates count from it (isojournal remind).")
        }
    }
}

struct CourseNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start another course in the same journal, after the last one finished (relapse, a second course).",
        discussion: """
            The new course has its own cumulative dose, target, checklist months and after-course dates;
            settings not given are carried over from the last course. Starting sooner than the label's
            waiting period after the last dose (two months) needs --yes.
            Example: isojournal course new --start 2027-07-01 --dose 20+20 --weight 60
            """
    )

    @Option(help: ArgumentHelp("Day of the new course's first dose.", valueName: "YYYY-MM-DD")) var start: String
    @Option(help: ArgumentHelp("The plan (default: the last course's last plan).", valueName: "pattern")) var dose: String?
    @Option(help: "Body weight now (recorded in the weight history).") var weight: String?
    @Option(help: ArgumentHelp("Cumulative target in mg/kg (default: the last course's).", valueName: "mg/kg")) var target: String?
    @Flag(help: "Start sooner than the waiting period because your prescriber decided so.") var yes = false
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let store = try location.openStore(mode: .readWrite)
            guard let current = store.journal.courseRecords else { throw CommandFailure.badInput("Set up the course first: isojournal course set …") }
            var new: CourseLifecycle.NewCourse
            do throws(CourseInputError) {
                new = CourseLifecycle.NewCourse(start: try CourseInput.date(start, field: "--start"))
                new.planCycle = try dose.map { text throws(CourseInputError) in try CourseInput.plan(text, slotCount: current.settings.intakeSlots.count) }
                new.targetMgPerKg = try target.map(CourseInput.target)
                let unit = current.settings.weightUnit
                new.weight = try weight.map { text throws(CourseInputError) in
                    let entry = try CourseInput.weightEntry(text, given: nil, fallback: unit)
                    return WeightMeasurement(value: entry.typed.value, unit: entry.unit)
                }
            } catch {
                throw CommandFailure.badInput(error.message)
            }
            let request = new
            let journal = try store.transactionOrFail { journal in
                do throws(CourseLifecycleProblem) {
                    return try CourseLifecycle.start(request, journal: journal, confirmedEarly: yes)
                } catch {
                    throw CommandFailure.badInput(error.message)
                }
            }
            let records = journal.courseRecords
            say("Course \(records?.number ?? 2) starts \(request.start.iso)" + (records.flatMap { r in r.steps.last.map {
                ", plan \($0.summary) (\(DosePattern.spelledOut($0.cycle, slots: r.settings.intakeSlots)))" } } ?? "") + ".")
            say("Course \(current.number)'s after-course countdowns are closed: a new course has started. Its records stay in the history.")
        }
    }
}

extension JournalStore {
    /// `transaction` for commands: a store problem becomes a plain message and exit code 1,
    /// a refusal from `decide` (a `CommandFailure`) passes through unchanged.
    func transactionOrFail(_ decide: (Journal) throws -> [JournalChange]) throws -> Journal {
        do {
            return try transaction(decide)
        } catch let error as StoreError {
            throw CommandFailure.runtime(error.message)
        }
    }
}
