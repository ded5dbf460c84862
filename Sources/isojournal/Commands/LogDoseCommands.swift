import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal log dose`: one intake, taken or skipped. Only this (or the dose screen) ever
/// records a dose as taken.
struct LogDoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dose",
        abstract: "Record a dose as taken (or --skipped).",
        discussion: """
            Examples:
              isojournal log dose 20                      the dose nearest to now, taken now
              isojournal log dose 20 --slot evening --at "2026-11-25 21:10" --with-food
              isojournal log dose --skipped --slot morning
            A slot that already has a record is refused unless you add --replace (the earlier record
            stays in the history). An amount unlike the plan needs --yes, and so does a dose taken
            while the course is on hold or paused (it is kept, marked as taken then).
            """
    )

    @Argument(help: "mg taken (leave out with --skipped).") var mg: String?
    @Option(help: ArgumentHelp("Which intake: morning, evening, … (default: the one nearest the time).", valueName: "name"), completion: Completions.intakeSlots)
    var slot: String?
    @Option(help: ArgumentHelp("When it was taken (default now).", valueName: "YYYY-MM-DD HH:MM")) var at: String?
    @Flag(help: "The dose was skipped.") var skipped = false
    @Flag(help: "Taken with food or not (default: the course setting).") var food: FoodFlag?
    @Flag(help: "Replace what is already recorded for this slot.") var replace = false
    @Flag(help: "Save an amount that differs from the plan, or a dose taken while on hold or paused, without asking.") var yes = false
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let now = Date()
            let zone = TimeZone.current
            let time = try parseTime(now: now, zone: zone)
            let day = Timestamp.localDate(of: time, in: zone)
            let amount = try parseAmount()
            let store = try location.openStore(mode: .readWrite, scope: .workingSet)
            var saved = ""
            _ = try store.transactionOrFail { journal in
                guard let records = journal.courseRecords else {
                    throw CommandFailure.badInput("Set up the course first: isojournal course set … (the dose log follows the plan).")
                }
                let slot = try chooseSlot(records: records, day: day, time: time, zone: zone)
                if let existing = records.intakes[day]?[slot.name], !replace {
                    let what = existing.status == .taken ? "taken, \(MilligramText.format(existing.milligrams ?? 0)) mg" : "skipped"
                    throw CommandFailure.badInput("The \(slot.name) dose of \(day.iso) is already recorded (\(what)). Add --replace to correct it.")
                }
                let planned = records.plannedIntakes(on: day).first { $0.slot.name == slot.name }?.milligrams
                let intake: DoseIntake
                if skipped {
                    intake = DoseIntake(slot: slot.name, status: .skipped, milligrams: nil, withFood: nil)
                } else {
                    let mg = amount!.value
                    let others = (records.intakes[day] ?? [:]).filter { $0.key != slot.name }.values.reduce(0) { $0 + $1.takenMilligrams }
                    switch DoseCheck.check(milligrams: mg, otherTakenToday: others, planned: planned,
                                           weightKilograms: records.weight(on: day), takenAt: time, now: now) {
                    case .refuse(let reason): throw CommandFailure.badInput(reason)
                    case .confirm(let question) where !yes: throw CommandFailure.badInput(question + " Add --yes if it is right.")
                    default: break
                    }
                    intake = DoseIntake(slot: slot.name, status: .taken, milligrams: mg, withFood: food.map { $0 == .withFood } ?? records.settings.takeWithFood,
                                        recordedWhile: try quietReason(records: records, time: time, zone: zone))
                }
                saved = intake.status == .taken
                    ? "Saved: \(slot.name) dose \(amount?.text ?? MilligramText.format(intake.milligrams ?? 0)) mg taken \(day.iso) \(Timestamp.clockText(minuteOfDay: Timestamp.minuteOfDay(of: time, in: zone)))"
                        + (intake.recordedWhile.map { ", recorded while \($0.replacingOccurrences(of: "-", with: " ")): tell your prescriber." } ?? ".")
                    : "Saved: \(slot.name) dose of \(day.iso) skipped."
                return [intake.change(day: day, at: skipped ? nil : time, timeZone: zone)]
            }
            store.saveWorkingSet()
            say(saved)
        }
    }

    /// A dose taken while on hold or paused is kept (never refused), but only once the person
    /// confirms with --yes, and it is marked as such.
    private func quietReason(records: CourseRecords, time: Date, zone: TimeZone) throws(CommandFailure) -> String? {
        guard let quiet = records.quietDose(at: time, zone: zone) else { return nil }
        guard yes else {
            switch quiet {
            case .onHold(let hold):
                throw .badInput("Your course is on hold since \(StopAlertText.when(hold.since, zone: zone)) (\(hold.reasons)): "
                    + "your prescriber has not said to continue. If you did take this dose, add --yes to record it; it is kept with the hold noted.")
            case .paused(let pause):
                throw .badInput("Your prescriber paused the course from \(pause.startDate.iso)"
                    + (pause.endDate.map { " to \($0.iso)" } ?? "") + ". If you did take this dose, add --yes to record it; it is kept with the pause noted.")
            }
        }
        return quiet.reason
    }

    /// The amount as typed ("20", "20mg", "20 mg", "12,5"), read like every number (`NumberInput`).
    private func parseAmount() throws(CommandFailure) -> TypedNumber? {
        if skipped {
            guard mg == nil else { throw .badInput("A skipped dose has no amount: leave out the mg, or leave out --skipped.") }
            return nil
        }
        guard let mg else { throw .badInput("Say how many mg were taken, e.g. isojournal log dose 20 (or use --skipped).") }
        let typed: TypedNumber
        do throws(NumberInput.Problem) { typed = try NumberInput.read(mg, field: "Dose", units: ["mg"]) } catch {
            throw .badInput(error.message)
        }
        guard typed.value > 0 else { throw .badInput("A dose must be more than 0 mg. To record a dose you did not take, use --skipped.") }
        guard PlausibleNumbers.doseMilligrams.contains(typed.value) else {
            throw .badInput("\(typed.text) mg is not a possible dose (at most \(MilligramText.format(PlausibleNumbers.doseMilligrams.upperBound)) mg at a time); check the number.")
        }
        return typed
    }

    private func parseTime(now: Date, zone: TimeZone) throws(CommandFailure) -> Date {
        guard let at else { return now }
        let parts = at.split(separator: " ")
        guard parts.count == 2, let day = LocalDate(iso: parts[0]), let minute = Timestamp.parseClock(parts[1]) else {
            throw .badInput("--at '\(at)' is not a time like \"2026-11-26 08:05\".")
        }
        let time = Timestamp.instant(of: day, minuteOfDay: minute, in: zone)
        guard time <= now.addingTimeInterval(60) else { throw .badInput("--at \(at) is in the future; record a dose once it is taken.") }
        return time
    }

    private func chooseSlot(records: CourseRecords, day: LocalDate, time: Date, zone: TimeZone) throws -> IntakeSlot {
        let slots = records.settings.intakeSlots
        if let slot {
            guard let found = records.settings.slot(named: slot.lowercased()) else {
                throw CommandFailure.badInput("--slot '\(slot)': your intakes are \(slots.map(\.name).joined(separator: ", ")).")
            }
            return found
        }
        let minute = Timestamp.minuteOfDay(of: time, in: zone)
        return slots.min { abs($0.minuteOfDay - minute) < abs($1.minuteOfDay - minute) }!
    }
}

struct LogWeightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weight",
        abstract: "Record body weight (mg/kg uses the weight in force on each day).",
        discussion: "Example: isojournal log weight 61.5   or   isojournal log weight 135 --unit lb --date 2026-11-20"
    )

    @Argument(help: "Weight, in kg unless --unit lb.") var value: String
    @Option(help: ArgumentHelp("kg or lb (default: the course setting).", valueName: "kg|lb"), completion: Completions.weightUnits) var unit: String?
    @Option(name: .customLong("date"), help: ArgumentHelp("Day weighed (default today).", valueName: "YYYY-MM-DD")) var date: String?
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let day = try DayArgument.parse(date, today: Timestamp.localDate(of: Date(), in: .current))
            let store = try location.openStore(mode: .readWrite)
            let given: WeightUnit?
            switch unit?.lowercased() {
            case nil: given = nil
            case "kg"?: given = .kilograms
            case "lb"?, "lbs"?: given = .pounds
            case let other?: throw CommandFailure.badInput("--unit '\(other)': use kg or lb.")
            }
            let entry: (typed: TypedNumber, unit: WeightUnit)
            do throws(CourseInputError) {
                entry = try CourseInput.weightEntry(value, given: given, fallback: store.journal.courseRecords?.settings.weightUnit ?? .kilograms)
            } catch { throw CommandFailure.badInput(error.message) }
            let measurement = WeightMeasurement(value: entry.typed.value, unit: entry.unit)
            _ = try store.transactionOrFail { _ in [.put(WeightMeasurement.entryID(day: day), day: day, body: .weight(measurement))] }
            say("Saved: weight \(entry.typed.text) \(entry.unit.rawValue) on \(day.iso).")
        }
    }
}

struct LogMedicineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "medicine",
        abstract: "Note another medicine or supplement (warns about known interactions).",
        discussion: "Example: isojournal log medicine doxycycline --note \"100 mg for 10 days\""
    )

    @Argument(help: "Its name, as on the box.") var name: String
    @Option(help: "A note (dose, how long, who prescribed it).") var note: String?
    @Option(name: .customLong("date"), help: ArgumentHelp("Day (default today).", valueName: "YYYY-MM-DD")) var date: String?
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { throw CommandFailure.badInput("Give the medicine's name.") }
            let day = try DayArgument.parse(date, today: Timestamp.localDate(of: Date(), in: .current))
            let interaction = InteractionCatalogue.shipped.interaction(forMedicine: trimmed)
            let medicine = MedicineNote(name: trimmed, note: note, warningShown: interaction?.warning)
            let store = try location.openStore(mode: .readWrite)
            _ = try store.transactionOrFail { _ in
                [.put(MedicineNote.entryID(day: day, name: trimmed), day: day, body: .medicine(medicine))]
            }
            if let interaction {
                say("WARNING: " + interaction.warning)
                say("Source: " + interaction.source)
            }
            say("Saved: \(TerminalText.line(trimmed)) on \(day.iso).")
        }
    }
}

/// `--with-food` / `--without-food`.
enum FoodFlag: String, EnumerableFlag {
    case withFood, withoutFood

    static func help(for value: FoodFlag) -> ArgumentHelp? {
        value == .withFood ? "Taken with food." : "Taken without food."
    }
}
