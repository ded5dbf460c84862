import JournalCore

extension LogSymptomsScreen {
    /// The keys of the mode the form is in (the whole form edits: read-only sessions never open it).
    var keyMap: KeyMap {
        let move = KeyMap.Binding.key("↑↓", "move", .up, .down, .character("k"), .character("j"), .tab, .home, .end)
        let days = KeyMap.Binding.key("[ ]", "day")
        let today = KeyMap.Binding.key("t", "today", hint: false)
        let save = KeyMap.Binding.edit("s", "save", .character("s"), .control("s"))
        let back = KeyMap.Binding.key("Esc", "back", .escape, .character("q"))
        switch mode {
        case .browsing:
            if case .flag = selectedRow {
                return KeyMap([move, .edit("y", "yes"), .edit("n", "no"), days, save, back, today])
            }
            return KeyMap([move, .edit("0-3", "grade"), .edit("n", "note", .character("n"), .enter), .edit("x", "clear", .character("x"), .backspace, .delete),
                           days, save, back, today,
                           .edit("← →", "grade down / up", .left, .right, .character("h"), .character("l"), .character("+"), .character("-"), hint: false)])
        case .editingNote:
            return KeyMap([.edit("Enter", "keep note"), .key("Esc", "cancel"), .edit("^U", "clear")])
        case .redFlagNotice:
            return KeyMap([.key("C", "I have read this", .character("C"), .character("c"))], help: false)
        case .confirmLeave:
            return KeyMap([.edit("s", "save", .character("s"), .control("s")), .key("d", "discard"), .key("Esc", "keep editing")])
        }
    }

    /// One line of the form as drawn: a heading or a selectable row.
    private enum Line { case legend, flagsHeading, row(Int) }

    func draw(into canvas: inout Canvas, today: LocalDate) {
        let dayText = DateText.short(day) + (day == today ? " (today)" : "")
        Chrome.drawTitle("IsoJournal · Log symptoms" + (hasUnsavedAnswers ? " *" : ""), right: dayText, into: &canvas)

        let lines: [Line] = [.legend] + symptoms.indices.map { .row($0) } + [.flagsHeading]
            + flags.indices.map { .row(symptoms.count + $0) }
        let body = Chrome.bodyRows(height: canvas.height)
        let visible = body.count
        let selectedLine = lines.firstIndex { if case .row(let i) = $0 { return i == selection } else { return false } } ?? 0
        // Scroll only when everything does not fit, keeping the selection in the middle.
        let top = lines.count <= visible ? 0 : min(max(0, selectedLine - visible / 2), lines.count - visible)
        for (offset, line) in lines[top...].prefix(visible).enumerated() {
            let row = body.lowerBound + offset
            switch line {
            case .legend:
                let legend = " Grade: 0 none · 1 noticeable · 2 limits some activities · 3 limits self-care"
                canvas.put(DisplayWidth.truncate(legend, to: canvas.width), row: row, column: 0, style: .dim)
            case .flagsHeading:
                canvas.put(" Red flags: answer y if you have any of these now", row: row, column: 0, style: .bold)
            case .row(let index):
                drawRow(index, into: &canvas, row: row)
            }
        }

        switch mode {
        case .browsing:
            Chrome.drawHints(keyMap.hints(), into: &canvas)
        case .editingNote(let slug, let field):
            let label = " Note for \(SymptomCatalogue.shipped.name(of: slug)): "
            let row = canvas.height - 2
            canvas.fill(row: row, column: 0, width: canvas.width, height: 1)
            let start = canvas.put(label, row: row, column: 0, style: .bold)
            field.draw(into: &canvas, row: row, column: start, width: max(1, canvas.width - start - 1))
            Chrome.drawHints(keyMap.hints(), into: &canvas)
        case .redFlagNotice(let flag):
            Chrome.drawHints(keyMap.hints(), into: &canvas)
            let catalogue = RedFlagCatalogue.shipped
            // Small windows give way in this order: the source, the crisis explanation, the
            // question just answered; the notice, the crisis line and the prompt always show whole.
            var lines = ["You answered yes to: " + (catalogue.flag(id: flag)?.question ?? flag), "", catalogue.notice(for: flag)]
            var dropOrder: [Int] = []
            if catalogue.flag(id: flag)?.showsCrisisGuidance == true {
                lines += ["", "Crisis line: " + crisisLine, Questionnaire.phq.crisis]
                dropOrder.append(lines.count - 1)
            }
            lines += ["It will be recorded with today's log.", "", "Source: " + catalogue.source]
            dropOrder = [lines.count - 1, lines.count - 3] + dropOrder + [0]
            Dialog(title: "RED FLAG: contact your prescriber now", lines: lines,
                   prompt: "Press C to confirm you have read this.", style: .alarm, dropOrder: dropOrder).draw(into: &canvas)
        case .confirmLeave:
            Chrome.drawHints(keyMap.hints(), into: &canvas)
            Dialog(title: "Unsaved changes",
                   lines: ["You changed the log for \(DateText.relative(day, today: today)) without saving."],
                   prompt: "s save · d discard the changes · Esc keep editing", style: .warning).draw(into: &canvas)
        }
    }

    private func drawRow(_ index: Int, into canvas: inout Canvas, row: Int) {
        let isSelected = index == selection && mode == .browsing || {
            if case .editingNote(let slug, _) = mode, rows[index] == .symptom(slug) { return true }
            return false
        }()
        let marker = isSelected ? "▸ " : "  "
        // The real cursor on the selected row (a note being typed places its own): braille displays follow it.
        if isSelected, mode == .browsing { canvas.cursor = (row, 0) }
        switch rows[index] {
        case .symptom(let slug):
            let catalogue = SymptomCatalogue.shipped
            let grade = answers.grades[slug]
            let rowStyle: Style = isSelected ? .selected : .plain
            canvas.fill(row: row, column: 0, width: canvas.width, height: 1, style: rowStyle)
            // Names get up to 25 columns, but leave the grade label at least 12 on narrow windows.
            let nameWidth = max(10, min(25, canvas.width - 28))
            var x = canvas.put(marker + DisplayWidth.fit(catalogue.name(of: slug), to: nameWidth), row: row, column: 0, style: rowStyle)
            for value in SymptomRating.grades {
                let chosen = value == grade
                var style = rowStyle
                if chosen { style.bold = true; style.reverse = !isSelected; style.foreground = value >= 2 ? .yellow : nil }
                else if grade == nil { style.dim = true }
                x = canvas.put(chosen ? "[\(value)]" : " \(value) ", row: row, column: x, style: style)
            }
            x += 2
            let label = grade.map { catalogue.label(forGrade: $0) } ?? "not rated"
            var labelStyle = rowStyle
            labelStyle.dim = grade == nil
            x = canvas.put(DisplayWidth.fit(label, to: min(23, canvas.width - x)), row: row, column: x, style: labelStyle)
            if let note = answers.notes[slug], canvas.width - x > 3 {
                canvas.put(DisplayWidth.truncate("✎ " + note, to: canvas.width - x), row: row, column: x, style: rowStyle)
            }
        case .flag(let id):
            let question = RedFlagCatalogue.shipped.flag(id: id)?.question ?? id
            let isYes = answers.flags.contains(id)
            let rowStyle: Style = isSelected ? .selected : (isYes ? .warning : .plain)
            canvas.fill(row: row, column: 0, width: canvas.width, height: 1, style: rowStyle)
            let answerWidth = 5
            canvas.put(marker + DisplayWidth.truncate(question, to: canvas.width - answerWidth - 3), row: row, column: 0, style: rowStyle)
            // Unanswered is "–", never a "no" nobody gave.
            canvas.put(isYes ? " YES " : (answeredNo.contains(id) ? " no  " : " –   "), row: row, column: canvas.width - answerWidth,
                       style: isYes ? .alarm : rowStyle)
        }
    }
}
