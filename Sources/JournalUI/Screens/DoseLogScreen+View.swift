import Foundation
import JournalCore

extension DoseLogScreen {
    /// The keys of the mode the screen is in. Viewing only (a caregiver), the keys that move
    /// around are left, none that change anything.
    func keyMap(readOnly: Bool) -> KeyMap {
        switch mode {
        case .browsing:
            return KeyMap([
                .key("↑↓", "dose", .up, .down, .character("k"), .character("j"), hint: readOnly),
                .edit("Enter", "taken", .enter, .character("t")),
                .edit("e", "edit"),
                .edit("s", "skip"),
                .edit("x", "undo", .character("x"), .backspace, .delete),
                .key("[ ]", "day"),
                .edit("w", "weight"),
                .edit("m", "medicine"),
                .key("Esc", "back", .escape, .character("q")),
            ])
        case .editing:
            return KeyMap([.key("↑↓", "field"), .edit("Enter", "next/save"), .key("Esc", "cancel")])
        case .confirmReplace, .confirmUnusual, .confirmQuiet:
            return KeyMap([.edit("y", "yes, save"), .key("n", "no", .character("n"), .escape)])
        case .prompt:
            return KeyMap([.edit("Enter", "save"), .key("Esc", "cancel")])
        case .chooseTime:
            return KeyMap([.edit("n", "now"), .edit("p", "planned time"), .key("o", "other time"), .key("Esc", "cancel")])
        case .interactionWarning:
            return KeyMap([.key("Enter", "I have read this")], help: false)
        }
    }

    func draw(into canvas: inout Canvas, journal: Journal, now: Date, timeZone: TimeZone, isReadOnly: Bool = false) {
        let today = Timestamp.localDate(of: now, in: timeZone)
        Chrome.drawTitle("IsoJournal · Doses", right: DateText.short(day) + (day == today ? " (today)" : ""), into: &canvas)
        guard let records = journal.courseRecords else { return }
        // On hold: said first, in full, and every row below moves down to make room.
        var banner: [String] = []
        if case .onHold(let hold) = records.state(at: now, zone: timeZone) {
            banner = DisplayWidth.wrap(StopAlertText.headline(hold, zone: timeZone) + ". " + StopAlertText.sentence(hold.reasons)
                                       + " A dose you did take can still be recorded (Enter asks first).", to: max(1, canvas.width - 2))
        }
        for (index, line) in banner.enumerated() { canvas.put(" " + line, row: 2 + index, column: 0, style: .alarm) }
        let shift = banner.isEmpty ? 0 : banner.count + 1
        let settings = records.settings
        var summary = " Plan: " + (records.step(on: day)?.summary ?? "none")
        summary += settings.takeWithFood ? " · take with food" : " · with or without food"
        if let kg = records.weight(on: day) {
            summary += " · weight \(MilligramText.format(settings.weightUnit.fromKilograms(kg))) \(settings.weightUnit.rawValue)"
        }
        if records.isPaused(day) { summary += " · PAUSED by your prescriber" }
        canvas.put(DisplayWidth.truncate(summary, to: canvas.width), row: 2 + shift, column: 0)
        canvas.put("   Time   Intake     Plan      Recorded", row: 4 + shift, column: 0, style: .dim)

        let planned = Dictionary(records.plannedIntakes(on: day).map { ($0.slot.name, $0.milligrams) }, uniquingKeysWith: { a, _ in a })
        let expected = Set(records.expectedIntakes(on: day, zone: timeZone).map(\.slot.name))
        let dating = FutureDating(now: now, timeZone: timeZone)
        for (index, slot) in settings.intakeSlots.enumerated() {
            let row = 5 + shift + index
            let selected = index == selection && mode == .browsing
            let style: Style = selected ? .selected : .plain
            canvas.fill(row: row, column: 0, width: canvas.width, height: 1, style: style)
            let plan = planned[slot.name].map { MilligramText.format($0) + " mg" } ?? "–"
            var line = (selected ? "▸ " : "  ") + Timestamp.clockText(minuteOfDay: slot.minuteOfDay) + "  "
                + DisplayWidth.fit(slot.name, to: 10) + " " + DisplayWidth.fit(plan, to: 9) + " "
            let entry = journal.current(DoseIntake.entryID(day: day, slot: slot.name))
            var recordStyle = style
            if let entry, dating.isFuture(entry) { line += FutureDating.mark + " " }
            switch records.intakes[day]?[slot.name] {
            case let intake? where intake.status == .taken:
                let time = entry?.occurredAt.map { DateText.clock($0, in: timeZone) } ?? ""
                let food = intake.withFood.map { $0 ? " · with food" : " · without food" } ?? ""
                line += "✓ taken \(time) · \(MilligramText.format(intake.milligrams ?? 0)) mg\(food)"
            case _?:
                line += "✗ skipped"
                recordStyle.foreground = selected ? nil : .yellow
            case nil where planned[slot.name] != nil && !expected.contains(slot.name):
                let instant = Timestamp.instant(of: day, minuteOfDay: slot.minuteOfDay, in: timeZone)
                line += records.hold(at: instant) != nil ? "· on hold: not expected" : "· paused: not expected"
                recordStyle.dim = !selected
            case nil:
                line += planned[slot.name] == nil ? "" : "· not recorded"
                recordStyle.dim = !selected
            }
            canvas.put(DisplayWidth.truncate(line, to: canvas.width), row: row, column: 0, style: recordStyle)
        }

        var row = 6 + shift + settings.intakeSlots.count
        let taken = records.intakes[day]?.values.reduce(0) { $0 + $1.takenMilligrams } ?? 0
        let plannedTotal = records.expectedIntakes(on: day, zone: timeZone).reduce(0) { $0 + $1.milligrams }
        canvas.put(" Total: \(MilligramText.format(taken)) mg taken of \(MilligramText.format(plannedTotal)) mg planned",
                   row: row, column: 0, style: .bold)
        row += 1
        let medicines = journal.entries(on: day).compactMap { entry -> MedicineNote? in
            if case .medicine(let note)? = entry.body { return note } else { return nil }
        }
        if !medicines.isEmpty {
            let text = " Other medicines: " + medicines.map { $0.name + ($0.warningShown == nil ? "" : " (!)") }.joined(separator: ", ")
            canvas.put(DisplayWidth.truncate(text, to: canvas.width), row: row, column: 0,
                       style: medicines.contains { $0.warningShown != nil } ? .warning : .plain)
        }

        switch mode {
        case .browsing:
            Chrome.drawHints(keyMap(readOnly: isReadOnly).hints(readOnly: isReadOnly), into: &canvas)
        case .editing(let slot, let form):
            canvas.put(" Record the \(slot) dose of \(DateText.short(day)):", row: row + 2, column: 0, style: .bold)
            form.draw(into: &canvas, top: row + 3, labelWidth: 14, helpRow: row + 3 + form.fields.count)
            Chrome.drawHints(keyMap(readOnly: isReadOnly).hints(), into: &canvas)
        case .confirmReplace(_, let question), .confirmUnusual(_, let question), .confirmQuiet(_, let question):
            Chrome.drawHints(keyMap(readOnly: isReadOnly).hints(), into: &canvas)
            Dialog(title: "Please check", lines: [question], prompt: "y save · n don't save", style: .warning).draw(into: &canvas)
        case .prompt(let kind, let field):
            let label = kind == .weight
                ? " Weight on \(DateText.short(day)) (\(settings.weightUnit.rawValue)): "
                : " Other medicine or supplement: "
            let promptRow = canvas.height - 2
            canvas.fill(row: promptRow, column: 0, width: canvas.width, height: 1)
            let start = canvas.put(label, row: promptRow, column: 0, style: .bold)
            field.draw(into: &canvas, row: promptRow, column: start, width: max(1, canvas.width - start - 1))
            Chrome.drawHints(keyMap(readOnly: isReadOnly).hints(), into: &canvas)
        case .chooseTime(_, let question):
            Chrome.drawHints(keyMap(readOnly: isReadOnly).hints(), into: &canvas)
            Dialog(title: "When was it taken?", lines: [question], prompt: "n taken now · p at the planned time · o another time",
                   style: .warning).draw(into: &canvas)
        case .interactionWarning(let text):
            Chrome.drawHints(keyMap(readOnly: isReadOnly).hints(), into: &canvas)
            Dialog(title: "Interaction: tell your prescriber", lines: text.components(separatedBy: "\n"),
                   prompt: "It was noted with today's entry. Press Enter to close.", style: .alarm).draw(into: &canvas)
        }
    }
}
