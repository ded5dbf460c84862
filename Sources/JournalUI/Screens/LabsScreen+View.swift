import JournalCore

extension LabsScreen {
    /// The keys of the mode the screen is in; the list's depend on the selected row.
    func keyMap(today: LocalDate) -> KeyMap {
        switch mode {
        case .list:
            let move = KeyMap.Binding.key("↑↓", "move", .up, .down, .character("k"), .character("j"), .home, .end, hint: false)
            let common: [KeyMap.Binding] = [.edit("r", "add result"), .edit("a", "schedule")]
            let back = KeyMap.Binding.key("Esc", "back", .escape, .character("q"))
            if case .appointment? = selectedRow(today: today) {
                return KeyMap(common + [.edit("d", "done"), .edit("x", "missed"), .edit("m", "move"), .key("t", "trends"), back, move])
            }
            return KeyMap(common + [.key("Enter", "details"), .edit("w", "withdraw"), .key("t", "trends"), back, move])
        case .addResult, .schedule:
            return LabFormRows.keyMap
        case .moving:
            return KeyMap([.edit("Enter", "move"), .key("Esc", "cancel")])
        case .trends(let test):
            return KeyMap([.key("←→", "test", .left, .right, .character("h"), .character("l"), .tab),
                           .key("u", "mg/dL / mmol/L", hint: test.group == .lipid), .key("Esc", "back", .escape, .character("q"), .character("t"))])
        case .notice(let notice):
            return KeyMap([notice.isAlarm ? .key("C", "I have read this", .character("C"), .character("c")) : .key("Enter", "close")], help: !notice.isAlarm)
        case .confirmWithdraw:
            return KeyMap([.edit("y", "withdraw"), .key("n", "keep")])
        }
    }

    /// One line of the list as drawn.
    private enum Line {
        case heading(String)
        case empty(String)
        case blank
        case row(Row)
    }

    /// `dating` marks a result whose specimen day is after now (the clock was wrong, or it was typed so).
    func draw(into canvas: inout Canvas, today: LocalDate, dating: FutureDating) {
        switch mode {
        case .trends(let test):
            drawTrends(test, into: &canvas, today: today)
            return
        case .addResult(let form):
            form.draw(into: &canvas, today: today, records: records)
            return
        case .schedule(let form):
            form.draw(into: &canvas, today: today)
            return
        case .list, .moving, .notice, .confirmWithdraw:
            break
        }
        Chrome.drawTitle("IsoJournal · Labs" + (readOnlyReason == nil ? "" : " (read-only)"), right: DateText.long(today), into: &canvas)
        drawList(into: &canvas, today: today, dating: dating)
        switch mode {
        case .moving(let id, let field):
            let row = canvas.height - 2
            canvas.fill(row: row, column: 0, width: canvas.width, height: 1)
            let what = records.appointments.first { $0.id == id }?.appointment.what.name ?? "Appointment"
            let start = canvas.put(" Move \(what.lowercased()) to (YYYY-MM-DD): ", row: row, column: 0, style: .bold)
            field.draw(into: &canvas, row: row, column: start, width: max(1, min(12, canvas.width - start - 1)))
            Chrome.drawHints(keyMap(today: today).hints(), into: &canvas)
        case .notice(let notice):
            Chrome.drawHints(keyMap(today: today).hints(), into: &canvas)
            notice.dialog().draw(into: &canvas)
        case .confirmWithdraw(let result):
            Chrome.drawHints(keyMap(today: today).hints(), into: &canvas)
            Dialog(title: "Withdraw this result?",
                   lines: [LabText.resultLine(result.result, flags: result.flags) + ", specimen of \(DateText.short(result.day)).",
                           "Only for a result entered by mistake. It leaves the lists and Today, and stays in the history."],
                   prompt: "y withdraw · n keep it", style: .warning).draw(into: &canvas)
        default:
            Chrome.drawHints(keyMap(today: today).hints(readOnly: readOnlyReason != nil), into: &canvas)
        }
    }

    private func drawList(into canvas: inout Canvas, today: LocalDate, dating: FutureDating) {
        let all = rows(today: today)
        var lines: [Line] = [.heading("Upcoming appointments")]
        lines += all.upcoming.isEmpty ? [.empty("Nothing scheduled. Press a to schedule a blood draw, test or visit.")] : all.upcoming.map(Line.row)
        if !all.past.isEmpty { lines += [.blank, .heading("Past appointments")] + all.past.map(Line.row) }
        lines += [.blank, .heading("Results, newest first")]
        lines += all.results.isEmpty ? [.empty("No results yet. Press r to add one from your lab report.")] : all.results.map(Line.row)

        let body = Chrome.bodyRows(height: canvas.height)
        let selected = selectedRow(today: today)?.id
        let selectedLine = lines.firstIndex { if case .row(let row) = $0 { return row.id == selected } else { return false } } ?? 0
        let visible = max(1, body.count - 1)
        let top = lines.count <= visible ? 0 : min(max(0, selectedLine - visible / 2), lines.count - visible)
        for (offset, line) in lines[top...].prefix(visible).enumerated() {
            let y = body.lowerBound + 1 + offset
            switch line {
            case .heading(let text): canvas.put(" " + text, row: y, column: 0, style: .bold)
            case .empty(let text): canvas.put("   " + DisplayWidth.truncate(text, to: canvas.width - 4), row: y, column: 0, style: .dim)
            case .blank: break
            case .row(let row):
                let isSelected = row.id == selected && mode == .list
                switch row {
                case .appointment(let a): drawAppointment(a, row: y, selected: isSelected, today: today, into: &canvas)
                case .result(let r):
                    drawResult(r, row: y, selected: isSelected,
                               future: dating.isFuture(day: r.day, kind: .labResult, recordedAt: .distantPast, occurredAt: nil), into: &canvas)
                }
            }
        }
    }

    private func drawAppointment(_ scheduled: ScheduledAppointment, row: Int, selected: Bool, today: LocalDate,
                                 into canvas: inout Canvas) {
        let appointment = scheduled.appointment
        var statusStyle: Style = .plain
        let status: String
        switch appointment.status {
        case .scheduled where scheduled.day < today:
            status = "not marked yet"
            statusStyle = .warning
        case .scheduled:
            let days = today.days(until: scheduled.day)
            status = days == 0 ? "today" : days == 1 ? "tomorrow" : "in \(days) days"
            statusStyle = days <= 1 ? .bold : .plain
        case .done: status = "done"
        case .missed:
            status = "missed"
            statusStyle = .warning
        case .moved:
            status = "moved" + (appointment.movedTo.map { " to \($0.day) \(DateText.months[$0.month - 1].prefix(3))" } ?? "")
            statusStyle = .dim
        }
        let rowStyle: Style = selected ? .selected : .plain
        canvas.fill(row: row, column: 0, width: canvas.width, height: 1, style: rowStyle)
        let statusWidth = 16
        let left = (selected ? "▸ " : "  ") + DisplayWidth.fit(DateText.short(scheduled.day), to: 16)
            + DisplayWidth.fit(appointment.timeText ?? "", to: 7)
        let x = canvas.put(left, row: row, column: 0, style: rowStyle)
        canvas.put(DisplayWidth.truncate(appointment.description, to: max(0, canvas.width - x - statusWidth - 1)),
                   row: row, column: x, style: appointment.status == .moved && !selected ? .dim : rowStyle)
        canvas.put(DisplayWidth.truncate(status, to: statusWidth), row: row, column: max(x, canvas.width - statusWidth),
                   style: selected ? rowStyle : statusStyle)
    }

    private func drawResult(_ dated: DatedLabResult, row: Int, selected: Bool, future: Bool, into canvas: inout Canvas) {
        let result = dated.result
        let rowStyle: Style = selected ? .selected : .plain
        canvas.fill(row: row, column: 0, width: canvas.width, height: 1, style: rowStyle)
        var shown = result.valueText
        var extra = ""
        if let unit = records.displayUnit(for: result.test), let value = result.value(in: unit) {
            shown = LabValueText.withUnit(value, unit, converted: unit != result.unit)
            if unit != result.unit { extra = "(" + result.valueText + ")" }
        }
        if let times = result.timesUpperLimit { extra = "\(LabValueText.times(times))× ULN" }
        if let setting = result.setting { extra = setting.rawValue }
        if result.test.hasUpperLimit, result.upperLimitOfNormal == nil { extra = "no ULN given" }
        if future { extra = FutureDating.mark + " " + extra }
        let text = (selected ? "▸ " : "  ") + DisplayWidth.fit(DateText.short(dated.day), to: 16)
            + DisplayWidth.fit(result.test.name, to: 18) + DisplayWidth.fit(shown, to: 13) + DisplayWidth.fit(extra, to: 13)
        let x = canvas.put(text, row: row, column: 0, style: rowStyle, maxWidth: canvas.width)
        if !dated.isJudged, x < canvas.width {
            // No flag here means "unknown", not "normal": say so (Enter shows how to fix it).
            canvas.put(DisplayWidth.truncate("? not judged", to: canvas.width - x), row: row, column: x, style: selected ? rowStyle : .warning)
        }
        guard let flag = dated.highestFlag, x < canvas.width else { return }
        let style: Style = selected ? rowStyle : flag.level.isAlarm ? .alarm : flag.level == .tell ? .warning : Style(foreground: .yellow)
        canvas.put(DisplayWidth.truncate("! " + flag.level.mark, to: canvas.width - x), row: row, column: x, style: style)
    }
}
