import JournalCore

/// Drawing the two lab forms: one labelled row per field, choices shown as ◂ value ▸ when
/// focused, and a help line for the focused field.
enum LabFormRows {
    static let labelWidth = 15
    static let keyMap = KeyMap([.key("↑↓", "field"), .key("←→", "choose"), .key("Enter", "next"), .edit("^S", "save"), .key("Esc", "cancel")])

    enum Content {
        case choice(String)
        case text(TextField, suffix: String)
    }

    static func draw(_ label: String, _ content: Content, focused: Bool, row: Int, into canvas: inout Canvas) {
        guard row < canvas.height - 2 else { return }
        let x = canvas.put((focused ? " ▸ " : "   ") + DisplayWidth.fit(label, to: labelWidth), row: row, column: 0,
                           style: focused ? .bold : .plain)
        switch content {
        case .choice(let value):
            canvas.put(focused ? "◂ " + value + " ▸" : "  " + value, row: row, column: x, style: focused ? .selected : .plain)
            // The real cursor on the focused choice: braille displays follow it.
            if focused { canvas.cursor = (row, x + 2) }
        case .text(let field, let suffix):
            let width = min(max(1, canvas.width - x - 2 - DisplayWidth.of(suffix)), max(field.maxLength, 12) + 1)
            if focused {
                field.draw(into: &canvas, row: row, column: x + 2, width: width)
            } else {
                canvas.put(DisplayWidth.truncate(field.text, to: width), row: row, column: x + 2)
            }
            if !suffix.isEmpty { canvas.put(suffix, row: row, column: x + 3 + width, style: .dim) }
        }
    }

    static func help(_ text: String, into canvas: inout Canvas, row: Int) {
        guard row < canvas.height - 2 else { return }
        for (offset, line) in DisplayWidth.wrap(text, to: canvas.width - 4).prefix(3).enumerated() {
            canvas.put("   " + line, row: row + offset, column: 0, style: .dim)
        }
    }
}

extension LabResultForm {
    func draw(into canvas: inout Canvas, today: LocalDate, records: LabRecords) {
        Chrome.drawTitle("IsoJournal · Labs · Add a result", right: DateText.long(today), into: &canvas)
        canvas.put(" Copy the result from your lab report. It is kept exactly as entered.", row: 2, column: 0, style: .bold)
        var row = 4
        for field in fields {
            let focused = field == focus
            switch field {
            case .test: LabFormRows.draw("Test", .choice(test.name), focused: focused, row: row, into: &canvas)
            case .value:
                LabFormRows.draw("Value", .text(value, suffix: test.hasUpperLimit ? "U/L" : ""), focused: focused, row: row, into: &canvas)
            case .outcome: LabFormRows.draw("Result", .choice(outcome?.rawValue ?? "– (not chosen)"), focused: focused, row: row, into: &canvas)
            case .unit: LabFormRows.draw("Unit", .choice(unit.rawValue), focused: focused, row: row, into: &canvas)
            case .upperLimit:
                LabFormRows.draw("Upper limit", .text(upperLimit, suffix: "U/L (the lab's ULN, optional)"), focused: focused,
                                 row: row, into: &canvas)
            case .date: LabFormRows.draw("Specimen date", .text(date, suffix: "YYYY-MM-DD"), focused: focused, row: row, into: &canvas)
            case .fasting: LabFormRows.draw("Fasting", .choice(fasting ? "yes" : "no"), focused: focused, row: row, into: &canvas)
            case .setting: LabFormRows.draw("Taken at", .choice(setting.rawValue), focused: focused, row: row, into: &canvas)
            case .note: LabFormRows.draw("Note", .text(note, suffix: ""), focused: focused, row: row, into: &canvas)
            }
            row += 1
        }
        LabFormRows.help(help(records: records), into: &canvas, row: row + 1)
        Chrome.drawHints(LabFormRows.keyMap.hints(), into: &canvas)
    }

    /// A line about the focused field: what to type, and for a lipid value what it is in the other unit.
    func help(records: LabRecords) -> String {
        switch focus {
        case .test: return "←→ choose the test: " + LabTest.allCases.map(\.name).joined(separator: ", ") + "."
        case .value:
            if let number = Double(value.text), number > 0, let other = test.units.first(where: { $0 != unit }),
               let converted = test.convert(number, from: unit, to: other) {
                return "As printed on the report. \(LabValueText.withUnit(number, unit)) = \(LabValueText.withUnit(converted, other, converted: true))."
            }
            return "As printed on the report, for example " + (test.group == .lipid ? (unit == .millimolesPerLiter ? "1.7" : "150") : "32") + "."
        case .outcome: return "←→ negative, positive or invalid (a test that did not work)."
        case .unit: return "←→ the unit on the report: " + test.units.map(\.rawValue).joined(separator: " or ") + "."
        case .upperLimit: return "The top of the lab's normal range for \(test.name), printed beside the value. Flags for ALT and AST are judged against it."
        case .date: return "The day the blood or urine was taken (not the day the result came). The monthly programme counts from it."
        case .fasting: return "←→ whether you had fasted (about 8 hours) before the draw."
        case .setting: return "←→ clinic (a medical setting) or home."
        case .note: return "Anything you want to remember about this result. Enter saves."
        }
    }
}

extension AppointmentForm {
    func draw(into canvas: inout Canvas, today: LocalDate) {
        Chrome.drawTitle("IsoJournal · Labs · Schedule", right: DateText.long(today), into: &canvas)
        canvas.put(" A blood draw, pregnancy test, prescriber visit or pharmacy pickup.", row: 2, column: 0, style: .bold)
        var row = 4
        for field in fields {
            let focused = field == focus
            switch field {
            case .what: LabFormRows.draw("What", .choice(what.name), focused: focused, row: row, into: &canvas)
            case .setting: LabFormRows.draw("Where", .choice(setting.rawValue), focused: focused, row: row, into: &canvas)
            case .date: LabFormRows.draw("Date", .text(date, suffix: "YYYY-MM-DD"), focused: focused, row: row, into: &canvas)
            case .time: LabFormRows.draw("Time", .text(time, suffix: "HH:MM, optional"), focused: focused, row: row, into: &canvas)
            case .fasting: LabFormRows.draw("Come fasting", .choice(fasting ? "yes" : "no"), focused: focused, row: row, into: &canvas)
            case .note: LabFormRows.draw("Note", .text(note, suffix: ""), focused: focused, row: row, into: &canvas)
            }
            row += 1
        }
        let help: String
        switch focus {
        case .what: help = "←→ choose: " + LabAppointment.What.allCases.map(\.name).joined(separator: ", ") + "."
        case .setting: help = "←→ clinic (a medical setting) or home."
        case .date: help = "The day of the appointment."
        case .time: help = "Leave empty if there is no set time."
        case .fasting: help = "Fast about 8 hours before a lipid draw; the US label also asks for no alcohol for 36 hours before."
        case .note: help = "Where, who, what to bring. Enter saves."
        }
        LabFormRows.help(help, into: &canvas, row: row + 1)
        Chrome.drawHints(LabFormRows.keyMap.hints(), into: &canvas)
    }
}
