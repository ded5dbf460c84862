import Foundation
import JournalCore

/// A course month's checklist: every item with its status and dates; month by month.
public struct ChecklistScreen: Equatable, Sendable {
    enum Mode: Equatable, Sendable {
        case browsing
        case note(item: String, TextField)
        case adding(TextField)
    }

    typealias Outcome = ScreenOutcome

    public private(set) var month: Int
    var selection = 0
    var mode: Mode = .browsing
    /// What the list showed when the current edit began (see `ShownJournal`).
    var shown = ShownJournal(Journal())

    init(month: Int) { self.month = month }

    private func saving(_ changes: [JournalChange], done: String) -> Outcome {
        .save(changes, done: done, shown: shown)
    }

    mutating func handle(_ key: Key, journal: Journal, today: LocalDate) -> Outcome {
        guard let list = MonthlyChecklist.build(journal: journal, month: month, today: today) else { return .close }
        if mode == .browsing { shown = ShownJournal(journal) }
        switch mode {
        case .browsing:
            break
        case .note(let item, var field):
            switch field.handle(key) {
            case .editing: mode = .note(item: item, field); return .stay
            case .cancelled: mode = .browsing; return .stay
            case .submitted:
                mode = .browsing
                let current = tick(item, in: journal)
                let text = field.text.trimmingCharacters(in: .whitespaces)
                let updated = ChecklistTick(month: month, item: item, done: current?.done ?? false, note: text.isEmpty ? nil : text)
                return saving([.put(ChecklistTick.entryID(month: month, item: item), day: today, body: .checklistTick(updated))],
                             done: "Note saved.")
            }
        case .adding(var field):
            switch field.handle(key) {
            case .editing: mode = .adding(field); return .stay
            case .cancelled: mode = .browsing; return .stay
            case .submitted:
                mode = .browsing
                let title = field.text.trimmingCharacters(in: .whitespaces)
                guard !title.isEmpty else { return .stay }
                let custom = ChecklistCustomItem(month: month, title: title)
                return saving([.put(ChecklistCustomItem.entryID(month: month, itemID: custom.itemID), day: today, body: .checklistItem(custom))],
                             done: "Added \"\(title)\" to month \(month).")
            }
        }
        switch key {
        case .up, .character("k"): selection = max(0, selection - 1)
        case .down, .character("j"): selection = min(max(0, list.items.count - 1), selection + 1)
        case .character("["):
            guard month > 1 else { return .message(StatusLine("This is the first course month.")) }
            month -= 1
            selection = 0
        case .character("]"):
            month += 1
            selection = 0
        case .character("t"):
            guard let course = journal.courseRecords else { return .stay }
            month = MonthlyChecklist.currentMonth(startDate: course.settings.startDate, today: today)
        case .escape, .character("q"): return .close
        case .character("a"): mode = .adding(TextField(maxLength: 60))
        case .character("n"):
            guard list.items.indices.contains(selection) else { return .stay }
            let item = list.items[selection]
            mode = .note(item: item.id, TextField(text: item.note ?? "", maxLength: 200))
        case .enter, .character(" "), .character("x"):
            guard list.items.indices.contains(selection) else { return .stay }
            let item = list.items[selection]
            guard item.canTick else {
                return .message(StatusLine("\(item.title) is filled in from your records (Labs: b, mood check: m), not ticked."))
            }
            let current = tick(item.id, in: journal)
            let done = !(current?.done ?? false)
            let updated = ChecklistTick(month: month, item: item.id, done: done, note: current?.note)
            return saving([.put(ChecklistTick.entryID(month: month, item: item.id), day: today, body: .checklistTick(updated))],
                         done: done ? "\(item.title): done \(DateText.short(today))." : "\(item.title): not done.")
        default: break
        }
        return .stay
    }

    private func tick(_ item: String, in journal: Journal) -> ChecklistTick? {
        if case .checklistTick(let tick)? = journal.current(ChecklistTick.entryID(month: month, item: item))?.body { return tick }
        return nil
    }

    // MARK: view

    /// The keys of the mode the screen is in.
    var keyMap: KeyMap {
        switch mode {
        case .browsing:
            return KeyMap([.key("↑↓", "move", .up, .down, .character("k"), .character("j")),
                           .edit("Space", "tick", .character(" "), .enter, .character("x")),
                           .edit("n", "note"), .edit("a", "add item"), .key("[ ]", "month"), .key("t", "now"),
                           .key("Esc", "back", .escape, .character("q"))])
        case .note, .adding:
            return KeyMap([.edit("Enter", "save"), .key("Esc", "cancel")])
        }
    }

    func draw(into canvas: inout Canvas, journal: Journal, today: LocalDate, readOnly: Bool = false) {
        guard let list = MonthlyChecklist.build(journal: journal, month: month, today: today) else { return }
        Chrome.drawTitle("IsoJournal · Checklist", right: "Month \(month) · \(DateText.short(list.firstDay)) – \(DateText.short(list.lastDay))",
                         into: &canvas)
        let category = list.category == .canGetPregnant ? "can get pregnant" : "cannot get pregnant"
        canvas.put(DisplayWidth.truncate(" Rules: \(list.ruleSet.name) · \(category)", to: canvas.width), row: 2, column: 0, style: .dim)
        var row = 4
        // Scroll when the items do not all fit, keeping the selection in view.
        let room = max(1, canvas.height - 3 - row)
        let first = list.items.count <= room ? 0 : min(max(0, selection - room / 2), list.items.count - room)
        for (index, item) in list.items.enumerated() where index >= first && row < canvas.height - 3 {
            let selected = index == selection && mode == .browsing
            let base: Style = selected ? .selected : .plain
            canvas.fill(row: row, column: 0, width: canvas.width, height: 1, style: base)
            let mark: String
            var statusStyle = base
            switch item.status {
            case .done: mark = "✓"; if !selected { statusStyle.foreground = .green }
            case .due: mark = "•"; statusStyle.bold = true
            case .overdue, .missed: mark = "!"; if !selected { statusStyle = .warning }
            case .alarm: mark = "!"; statusStyle = .alarm
            case .upcoming: mark = "·"
            case .notApplicable: mark = "–"; statusStyle.dim = !selected
            }
            var x = canvas.put((selected ? "▸ " : "  ") + mark + " " + DisplayWidth.fit(item.title, to: 30), row: row, column: 0, style: base)
            x = canvas.put(DisplayWidth.fit(item.status.label, to: 9), row: row, column: x, style: statusStyle)
            let detail = item.detail + (item.note.map { " · ✎ " + $0 } ?? "")
            canvas.put(DisplayWidth.truncate(detail, to: max(0, canvas.width - x)), row: row, column: x, style: base)
            row += 1
        }
        row += 1
        // The selected item in full: details are often cut short in the list.
        if mode == .browsing, list.items.indices.contains(selection) {
            let item = list.items[selection]
            let full = "\(item.title): \(item.detail)" + (item.note.map { " — note: \($0)" } ?? "")
            let shown = item.detail + (item.note.map { " · ✎ " + $0 } ?? "")
            if DisplayWidth.of(shown) > canvas.width - 43 { // the list's detail column starts at 43
                for line in DisplayWidth.wrap(full, to: canvas.width - 2).prefix(3) where row < canvas.height - 2 {
                    canvas.put(" " + line, row: row, column: 0, style: .dim)
                    row += 1
                }
                row += 1
            }
        }
        if let advice = list.missedWindowAdvice {
            for line in DisplayWidth.wrap("Missed window: " + advice, to: canvas.width - 2) where row < canvas.height - 2 {
                canvas.put(" " + line, row: row, column: 0, style: .warning)
                row += 1
            }
        }
        for countdown in AfterCourseCountdown.countdowns(journal: journal, today: today) where row < canvas.height - 2 {
            let when = countdown.isDone ? "done" : (countdown.daysLeft > 0 ? "in \(countdown.daysLeft) days, \(DateText.short(countdown.date))"
                                                    : "since \(DateText.short(countdown.date))")
            canvas.put(DisplayWidth.truncate(" After the course: \(countdown.text) — \(when)", to: canvas.width), row: row, column: 0)
            row += 1
        }
        switch mode {
        case .browsing:
            Chrome.drawHints(keyMap.hints(readOnly: readOnly), into: &canvas)
        case .note(let item, let field):
            drawPrompt(" Note for \(ChecklistItemKind.title(of: item)): ", field: field, into: &canvas)
        case .adding(let field):
            drawPrompt(" New item for month \(month): ", field: field, into: &canvas)
        }
    }

    private func drawPrompt(_ label: String, field: TextField, into canvas: inout Canvas) {
        let row = canvas.height - 2
        canvas.fill(row: row, column: 0, width: canvas.width, height: 1)
        let start = canvas.put(label, row: row, column: 0, style: .bold)
        field.draw(into: &canvas, row: row, column: start, width: max(1, canvas.width - start - 1))
        Chrome.drawHints(keyMap.hints(), into: &canvas)
    }
}
