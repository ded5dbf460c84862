import Foundation
import JournalCore

/// The day's planned intakes, one row each: taken, skipped, or not recorded yet. Enter
/// records the planned dose as taken now; nothing is ever marked taken any other way.
public struct DoseLogScreen: Equatable, Sendable {
    enum Mode: Equatable, Sendable {
        case browsing
        /// Changing the amount, time or food of one intake before saving it.
        case editing(slot: String, form: Form)
        /// The slot already has a record; saving again replaces it (history keeps the old one).
        case confirmReplace(JournalChange, question: String)
        /// An unusual amount; the person confirms it is right.
        case confirmUnusual(JournalChange, question: String)
        /// A dose taken while the course is on hold or paused: kept if the person confirms, marked so.
        case confirmQuiet(JournalChange, question: String)
        /// Enter far from the planned time: taken now, at the planned time, or another time?
        case chooseTime(slot: String, question: String)
        case prompt(PromptKind, TextField)
        /// An interaction warning for a medicine just logged; Enter closes it.
        case interactionWarning(String)
    }

    enum PromptKind: Equatable, Sendable { case weight, medicine }

    typealias Outcome = ScreenOutcome

    public private(set) var day: LocalDate
    var selection = 0
    var mode: Mode = .browsing
    /// What the rows showed when the current edit began (see `ShownJournal`).
    var shown = ShownJournal(Journal())

    init(day: LocalDate) { self.day = day }

    private func saving(_ changes: [JournalChange], done: String) -> Outcome {
        .save(changes, done: done, shown: shown)
    }

    // MARK: keys

    mutating func handle(_ key: Key, journal: Journal, now: Date, timeZone: TimeZone) -> Outcome {
        guard let records = journal.courseRecords else { return .close }
        if mode == .browsing { shown = ShownJournal(journal) }
        let today = Timestamp.localDate(of: now, in: timeZone)
        let slots = records.settings.intakeSlots
        switch mode {
        case .browsing:
            return browse(key, records: records, journal: journal, slots: slots, today: today, now: now, timeZone: timeZone)
        case .editing(let slot, var form):
            switch form.handle(key) {
            case .editing:
                mode = .editing(slot: slot, form: form)
                return .stay
            case .cancelled:
                mode = .browsing
                return .stay
            case .submitted:
                mode = .editing(slot: slot, form: form)
                return submitEdit(slot: slot, form: form, records: records, journal: journal, now: now, timeZone: timeZone)
            }
        case .confirmReplace(let change, _), .confirmUnusual(let change, _):
            mode = .browsing
            guard key == .character("y") || key == .character("Y") else {
                return .message(StatusLine("Not saved."))
            }
            return saving([change], done: doneText(change))
        case .confirmQuiet(let change, _):
            mode = .browsing
            guard key == .character("y") || key == .character("Y"),
                  case let .put(_, _, time, _, .dose(intake), _) = change else {
                return .message(StatusLine("Not saved."))
            }
            // Confirmed: the usual checks (amount, a slot already recorded) still follow.
            return propose(change, intake: intake, records: records, journal: journal, now: now, time: time, timeZone: timeZone,
                           quietConfirmed: true)
        case .prompt(let kind, var field):
            switch field.handle(key) {
            case .editing:
                mode = .prompt(kind, field)
                return .stay
            case .cancelled:
                mode = .browsing
                return .stay
            case .submitted:
                mode = .browsing
                return submitPrompt(kind, text: field.text, records: records)
            }
        case .interactionWarning:
            if key == .enter { mode = .browsing }
            return .stay
        case .chooseTime(let name, _):
            guard let slot = records.settings.slot(named: name), let planned = plannedMilligrams(records, slot: name) else {
                mode = .browsing
                return .stay
            }
            let time: Date
            switch key {
            case .character("n"): time = now
            case .character("p"): time = Timestamp.instant(of: day, minuteOfDay: slot.minuteOfDay, in: timeZone)
            case .character("o"):
                mode = .editing(slot: name, form: editForm(slot: slot, records: records, journal: journal, timeZone: timeZone))
                return .stay
            case .escape:
                mode = .browsing
                return .message(StatusLine("Not saved."))
            default:
                return .stay
            }
            mode = .browsing
            let intake = DoseIntake(slot: name, status: .taken, milligrams: planned, withFood: records.settings.takeWithFood)
            return propose(intake.change(day: day, at: time, timeZone: timeZone), intake: intake, records: records,
                           journal: journal, now: now, time: time, timeZone: timeZone)
        }
    }

    private mutating func browse(_ key: Key, records: CourseRecords, journal: Journal, slots: [IntakeSlot],
                                 today: LocalDate, now: Date, timeZone: TimeZone) -> Outcome {
        switch key {
        case .up, .character("k"): selection = max(0, selection - 1)
        case .down, .character("j"): selection = min(slots.count - 1, selection + 1)
        case .escape, .character("q"): return .close
        case .character("["): day = day.adding(days: -1)
        case .character("]"):
            guard day < today else { return .message(StatusLine("Doses can only be recorded once taken.", isError: true)) }
            day = day.adding(days: 1)
        case .character("w"): mode = .prompt(.weight, TextField(maxLength: 6))
        case .character("m"): mode = .prompt(.medicine, TextField(maxLength: 80))
        case .enter, .character("t"):
            let slot = slots[selection]
            let planned = plannedMilligrams(records, slot: slot.name)
            guard let planned else {
                mode = .editing(slot: slot.name, form: editForm(slot: slot, records: records, journal: journal, timeZone: timeZone))
                return .message(StatusLine("No dose is planned at this time; enter the amount taken."))
            }
            // Far from the planned time, "taken now" is a guess: ask which time is right.
            let minuteNow = Timestamp.minuteOfDay(of: now, in: timeZone)
            if day == today, abs(minuteNow - slot.minuteOfDay) > journal.programmeSettings.doseGraceMinutes {
                let planned = Timestamp.clockText(minuteOfDay: slot.minuteOfDay), current = Timestamp.clockText(minuteOfDay: minuteNow)
                mode = .chooseTime(slot: slot.name, question: "The \(slot.name) dose is planned at \(planned); it is now \(current). "
                                   + "When did you take it?")
                return .stay
            }
            let time = takenTime(slot: slot, today: today, now: now, timeZone: timeZone)
            let intake = DoseIntake(slot: slot.name, status: .taken, milligrams: planned, withFood: records.settings.takeWithFood)
            return propose(intake.change(day: day, at: time, timeZone: timeZone), intake: intake, records: records,
                           journal: journal, now: now, time: time, timeZone: timeZone)
        case .character("e"):
            let slot = slots[selection]
            mode = .editing(slot: slot.name, form: editForm(slot: slot, records: records, journal: journal, timeZone: timeZone))
        case .character("s"):
            let slot = slots[selection]
            let intake = DoseIntake(slot: slot.name, status: .skipped, milligrams: nil, withFood: nil)
            return propose(intake.change(day: day, at: nil, timeZone: timeZone), intake: intake, records: records,
                           journal: journal, now: now, time: nil, timeZone: timeZone)
        case .character("x"), .backspace, .delete:
            let slot = slots[selection]
            let id = DoseIntake.entryID(day: day, slot: slot.name)
            guard journal.current(id) != nil else { return .stay }
            return saving([.retract(id: id, day: day, reason: "withdrawn in the dose log")],
                         done: "The \(slot.name) record for \(DateText.short(day)) was withdrawn (kept in history).")
        default: break
        }
        return .stay
    }

    /// Runs the checks, then saves, asks, or refuses. A dose taken while on hold or paused is
    /// never refused: the person is asked first, and the record says so.
    private mutating func propose(_ change: JournalChange, intake: DoseIntake, records: CourseRecords, journal: Journal,
                                  now: Date, time: Date?, timeZone: TimeZone, quietConfirmed: Bool = false,
                                  correcting: Bool = false) -> Outcome {
        var change = change
        var intake = intake
        if intake.status == .taken, !quietConfirmed, let question = quietQuestion(records: records, at: time ?? now, timeZone: timeZone) {
            intake.recordedWhile = question.reason
            change = intake.change(day: day, at: time, timeZone: timeZone)
            mode = .confirmQuiet(change, question: question.text)
            return .stay
        }
        if intake.status == .taken, let mg = intake.milligrams {
            let others = (records.intakes[day] ?? [:]).filter { $0.key != intake.slot }.values.reduce(0) { $0 + $1.takenMilligrams }
            switch DoseCheck.check(milligrams: mg, otherTakenToday: others, planned: plannedMilligrams(records, slot: intake.slot),
                                   weightKilograms: records.weight(on: day), takenAt: time ?? now, now: now) {
            case .refuse(let reason):
                return .message(StatusLine(reason, isError: true))
            case .confirm(let question):
                mode = .confirmUnusual(change, question: question + " Save \(MilligramText.format(mg)) mg? (y/n)")
                return .stay
            case .fine:
                break
            }
        }
        // An edit of what is recorded is a correction, not a second record: no "record it again?".
        if let existing = records.intakes[day]?[intake.slot], !correcting {
            mode = .confirmReplace(change, question: "The \(intake.slot) dose of \(DateText.short(day)) is already recorded ("
                + (existing.status == .taken ? "taken, \(MilligramText.format(existing.milligrams ?? 0)) mg" : "skipped")
                + "). Record it again? The earlier record stays in the history. (y/n)")
            return .stay
        }
        mode = .browsing
        return saving([change], done: (correcting ? "Corrected. " : "") + doneText(change))
    }

    private mutating func submitEdit(slot: String, form: Form, records: CourseRecords, journal: Journal,
                                     now: Date, timeZone: TimeZone) -> Outcome {
        // The command line's one convention: "40", "40mg", "40 mg", "12,5".
        let mg: Double
        do throws(NumberInput.Problem) {
            mg = try NumberInput.read(form.value("mg"), field: "Amount", units: ["mg"]).value
        } catch {
            return .message(StatusLine(error.message, isError: true))
        }
        guard let minute = Timestamp.parseClock(form.value("time")) else {
            return .message(StatusLine("Time: '\(form.value("time"))' is not a time like 08:05.", isError: true))
        }
        let time = Timestamp.instant(of: day, minuteOfDay: minute, in: timeZone)
        let intake = DoseIntake(slot: slot, status: .taken, milligrams: mg, withFood: form.value("food") == "with food")
        return propose(intake.change(day: day, at: time, timeZone: timeZone), intake: intake, records: records,
                       journal: journal, now: now, time: time, timeZone: timeZone, correcting: records.intakes[day]?[slot] != nil)
    }

    private mutating func submitPrompt(_ kind: PromptKind, text: String, records: CourseRecords) -> Outcome {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .stay }
        switch kind {
        case .weight:
            let unit = records.settings.weightUnit
            do throws(CourseInputError) {
                let value = try CourseInput.weight(trimmed, unit: unit)
                let measurement = WeightMeasurement(value: value, unit: unit)
                return saving([.put(WeightMeasurement.entryID(day: day), day: day, body: .weight(measurement))],
                             done: "Weight \(MilligramText.format(value)) \(unit.rawValue) saved for \(DateText.short(day)).")
            } catch {
                return .message(StatusLine(error.message, isError: true))
            }
        case .medicine:
            let interaction = InteractionCatalogue.shipped.interaction(forMedicine: trimmed)
            let note = MedicineNote(name: trimmed, warningShown: interaction?.warning)
            if let interaction { mode = .interactionWarning(interaction.warning + "\n\nSource: " + interaction.source) }
            return saving([.put(MedicineNote.entryID(day: day, name: trimmed), day: day, body: .medicine(note))],
                         done: "\(trimmed) noted for \(DateText.short(day)).")
        }
    }

    // MARK: helpers

    /// When no dose is expected at `instant`: why ("on-hold", "paused") and what to ask.
    /// The rule is the core's (`QuietDose`, shared with `log dose` and the plain mode); the words are the screen's.
    private func quietQuestion(records: CourseRecords, at instant: Date, timeZone: TimeZone) -> (reason: String, text: String)? {
        switch records.quietDose(at: instant, zone: timeZone) {
        case .onHold(let hold)?:
            return (QuietDose.onHold(hold).reason,
                    "Your course is on hold since \(StopAlertText.when(hold.since, zone: timeZone)): \(StopAlertText.sentence(hold.reasons)) "
                    + "Your prescriber has not said to continue. Record this dose as taken anyway? It is kept, with the hold noted. (y/n)")
        case .paused(let pause)?:
            return (QuietDose.paused(pause).reason, "Your prescriber paused the course from \(DateText.short(pause.startDate))"
                + (pause.endDate.map { " to \(DateText.short($0))" } ?? "") + ". Record this dose as taken anyway? It is kept, with the pause noted. (y/n)")
        case nil:
            return nil
        }
    }

    func plannedMilligrams(_ records: CourseRecords, slot: String) -> Double? {
        records.plannedIntakes(on: day).first { $0.slot.name == slot }?.milligrams
    }

    /// Now for today; the slot's usual time for an earlier day being filled in.
    private func takenTime(slot: IntakeSlot, today: LocalDate, now: Date, timeZone: TimeZone) -> Date {
        day == today ? now : Timestamp.instant(of: day, minuteOfDay: slot.minuteOfDay, in: timeZone)
    }

    private func editForm(slot: IntakeSlot, records: CourseRecords, journal: Journal, timeZone: TimeZone) -> Form {
        let existing = records.intakes[day]?[slot.name]
        let mg = existing?.milligrams ?? plannedMilligrams(records, slot: slot.name)
        let at = journal.current(DoseIntake.entryID(day: day, slot: slot.name))?.occurredAt
        let minute = at.map { Timestamp.minuteOfDay(of: $0, in: timeZone) } ?? slot.minuteOfDay
        let withFood = existing?.withFood ?? records.settings.takeWithFood
        return Form(fields: [
            .init(key: "mg", label: "Amount (mg)", value: .text(TextField(text: mg.map(MilligramText.format) ?? "", maxLength: 10)),
                  help: "The mg you actually took."),
            .init(key: "time", label: "Taken at", value: .text(TextField(text: Timestamp.clockText(minuteOfDay: minute), maxLength: 5)),
                  help: "HH:MM on \(DateText.short(day))."),
            .init(key: "food", label: "Food", value: .choice(options: ["with food", "without food"], selected: withFood ? 0 : 1),
                  help: "← → to choose. Enter on the last field saves."),
        ])
    }

    private func doneText(_ change: JournalChange) -> String {
        guard case let .put(_, day, _, _, .dose(intake), _) = change else { return "Saved." }
        switch intake.status {
        case .taken: return "Saved: \(intake.slot) dose \(MilligramText.format(intake.milligrams ?? 0)) mg taken (\(DateText.short(day)))."
        case .skipped: return "Saved: \(intake.slot) dose skipped (\(DateText.short(day)))."
        }
    }
}
