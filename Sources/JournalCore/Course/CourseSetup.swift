import Foundation

/// What a person fills in to set up or change the course, parsed and checked, and the
/// journal changes it becomes. Shared by the setup screen and `isojournal course set`.
public struct CourseSetup: Equatable, Sendable {
    public var settings: CourseSettings
    /// The plan as a cycle of days (see `DosePattern`); nil keeps the current plan.
    public var planCycle: [[Double]]?
    /// Body weight to record, in the unit given; nil keeps the weight history as it is.
    public var weight: (value: Double, unit: WeightUnit)?
    /// The first day of a changed plan; nil: today (or the start, before the course begins).
    public var planFrom: LocalDate?

    public init(settings: CourseSettings, planCycle: [[Double]]?, weight: (value: Double, unit: WeightUnit)?, planFrom: LocalDate? = nil) {
        self.settings = settings
        self.planCycle = planCycle
        self.weight = weight
        self.planFrom = planFrom
    }

    public static func == (a: CourseSetup, b: CourseSetup) -> Bool {
        a.settings == b.settings && a.planCycle == b.planCycle && a.weight?.value == b.weight?.value && a.weight?.unit == b.weight?.unit
            && a.planFrom == b.planFrom
    }

    /// The changes that record this setup. A new plan starts on the course start date when
    /// the course has not begun or has no plan yet, otherwise today; a weight is dated the
    /// same way. Nothing is written for what did not change.
    public func changes(in journal: Journal, today: LocalDate) -> [JournalChange] {
        var changes: [JournalChange] = []
        let existing = journal.courseRecords
        if existing?.settings != settings {
            changes.append(.put(existing?.settingsID ?? CourseSettings.entryID, day: settings.startDate, body: .course(settings)))
        }
        let effective = (existing == nil || settings.startDate >= today) ? settings.startDate : today
        if let planCycle {
            let planDay = planFrom.map { max($0, settings.startDate) } ?? effective
            let current = existing?.step(on: planDay)
            if current?.cycle != planCycle {
                let stepStart = (existing?.steps.isEmpty ?? true) ? settings.startDate : planDay
                let step = DoseStep(startDate: stepStart, cycle: planCycle)
                changes.append(.put(DoseStep.entryID(startDate: stepStart), day: stepStart, body: .doseStep(step)))
            }
        }
        if let weight {
            let measurement = WeightMeasurement(value: weight.value, unit: weight.unit)
            let weightDay = min(today, effective)
            if existing?.weight(on: weightDay) != measurement.kilograms {
                changes.append(.put(WeightMeasurement.entryID(day: weightDay), day: weightDay, body: .weight(measurement)))
            }
        }
        return changes
    }
}

/// Reading the values people type into the setup form or the shell, with messages that
/// say what is expected.
public enum CourseInput {
    public static func date(_ text: String, field: String) throws(CourseInputError) -> LocalDate {
        guard let date = LocalDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
            throw CourseInputError(field: field, message: "\(field): '\(text)' is not a date; write YYYY-MM-DD.")
        }
        return date
    }

    /// "2026-11-02" or "2026-11-02 18:00": the start day, and the time of the first dose when
    /// the course did not start with the day's first intake.
    public static func start(_ text: String, field: String) throws(CourseInputError) -> (day: LocalDate, minute: Int?) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(parts.count), let day = LocalDate(iso: String(parts[0])) else {
            throw CourseInputError(field: field, message: "\(field): '\(text)' is not a date; write YYYY-MM-DD (or YYYY-MM-DD HH:MM for the first dose's time).")
        }
        guard parts.count == 2 else { return (day, nil) }
        guard let minute = Timestamp.parseClock(parts[1]) else {
            throw CourseInputError(field: field, message: "\(field): '\(parts[1])' is not a time like 18:00.")
        }
        return (day, minute)
    }

    /// A weight in `unit` (the form's unit field): "61.5", "61,5" or "61.5 kg"; a different
    /// unit typed after the number is refused rather than converted silently.
    public static func weight(_ text: String, unit: WeightUnit) throws(CourseInputError) -> Double {
        let entry = try weightEntry(text, given: unit, fallback: unit)
        return entry.typed.value
    }

    /// A weight as typed in the shell: the unit typed after the number ("135 lb"), else
    /// `given` (--unit), else `fallback` (the course setting). Both typed and given must agree.
    public static func weightEntry(_ text: String, given: WeightUnit?, fallback: WeightUnit) throws(CourseInputError) -> (typed: TypedNumber, unit: WeightUnit) {
        let typed: TypedNumber
        do throws(NumberInput.Problem) {
            typed = try NumberInput.read(text, field: "Weight", units: WeightUnit.allCases.map(\.rawValue), aliases: ["lbs": "lb", "kgs": "kg"])
        } catch {
            throw CourseInputError(field: "weight", message: error.message)
        }
        let typedUnit = typed.unit.flatMap(WeightUnit.init(rawValue:))
        if let typedUnit, let given, typedUnit != given {
            throw CourseInputError(field: "weight", message: "Weight: '\(text)' is in \(typedUnit.rawValue) but the unit is \(given.rawValue); give one of them.")
        }
        let unit = typedUnit ?? given ?? fallback
        guard WeightMeasurement.plausibleKilograms.contains(unit.toKilograms(typed.value)) else {
            throw CourseInputError(field: "weight", message: "Weight: \(typed.text) \(unit.rawValue) is not a plausible body weight; check the number and the unit.")
        }
        return (typed, unit)
    }

    public static func target(_ text: String) throws(CourseInputError) -> Double {
        let message = "Target: '\(text)' should be the total mg/kg your prescriber set, usually 120–150."
        guard let typed = try? NumberInput.read(text, field: "Target", units: ["mg/kg"]), (30...300).contains(typed.value) else {
            throw CourseInputError(field: "target", message: message)
        }
        return typed.value
    }

    public static func plan(_ text: String, slotCount: Int) throws(CourseInputError) -> [[Double]] {
        switch DosePattern.read(text, slotCount: slotCount) {
        case .success(let cycle):
            return cycle
        case .failure(.ambiguous(let day)):
            // Never guessed: say both readings of the day that can be read two ways.
            let total = Double(day.split(separator: "+").compactMap { Double($0) }.reduce(0, +))
            let first = ([MilligramText.format(total)] + Array(repeating: "0", count: slotCount - 1)).joined(separator: "+")
            let split = Array(repeating: MilligramText.format(total / Double(slotCount)), count: slotCount).joined(separator: "+")
            throw CourseInputError(field: "plan", message: "Plan: '\(text)' can be read two ways with your \(slotCount) intake times: "
                + "'\(day)' could be \(first) or \(split). Write every day as mg at each time, joined by + (days of a cycle joined by /), "
                + "e.g. 40+0/40+40 or 20+20/40+40.")
        case .failure(.number(let message)):
            throw CourseInputError(field: "plan", message: "Plan: " + message)
        case .failure(.malformed):
            throw CourseInputError(field: "plan", message: "Plan: '\(text)' is not a plan like 20+20 (mg at each of your \(slotCount) intake times) or 20+20/40+40 for alternate days.")
        }
    }

    /// "08:00, 20:00" → named slots (one time: "daily"; two: "morning", "evening"; …).
    public static func intakeTimes(_ text: String) throws(CourseInputError) -> [IntakeSlot] {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var minutes: [Int] = []
        for part in parts {
            guard let minute = Timestamp.parseClock(part) else {
                throw CourseInputError(field: "times", message: "Intake times: '\(part)' is not a time like 08:00.")
            }
            minutes.append(minute)
        }
        guard (1...4).contains(minutes.count), minutes == minutes.sorted(), Set(minutes).count == minutes.count else {
            throw CourseInputError(field: "times", message: "Intake times: give 1 to 4 different times in order, like 08:00, 20:00.")
        }
        return zip(slotNames[minutes.count - 1], minutes).map { IntakeSlot(name: $0, minuteOfDay: $1) }
    }

    /// The intake names for 1, 2, 3 and 4 times a day.
    public static let slotNames = [["daily"], ["morning", "evening"], ["morning", "midday", "evening"],
                                   ["morning", "midday", "evening", "night"]]

    public static func timesText(_ slots: [IntakeSlot]) -> String {
        slots.map { Timestamp.clockText(minuteOfDay: $0.minuteOfDay) }.joined(separator: ", ")
    }
}

public struct CourseInputError: Error, Equatable, Sendable {
    /// Which field was wrong ("weight", "plan", …), so a form can move to it.
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
