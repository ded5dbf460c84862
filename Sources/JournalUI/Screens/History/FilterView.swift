import JournalCore

/// The filter form: a date range, one kind of record, flagged only, and words to find in
/// notes. It only chooses what the history shows.
struct FilterView: Equatable, Sendable {
    enum Outcome: Equatable {
        case editing
        case cancelled
        case applied(HistoryFilter)
        case invalid(String)
    }

    var form: Form
    static let kinds = ["everything"] + RecordGroup.allCases.map(\.rawValue)

    init(filter: HistoryFilter, today: LocalDate) {
        form = Form(fields: [
            .init(key: "from", label: "From", value: .text(TextField(text: filter.from?.iso ?? "", maxLength: 10)),
                  help: "First day, YYYY-MM-DD (empty: from the start). Today is \(today.iso)."),
            .init(key: "to", label: "To", value: .text(TextField(text: filter.to?.iso ?? "", maxLength: 10)),
                  help: "Last day, YYYY-MM-DD (empty: up to now)."),
            .init(key: "kind", label: "Kind", value: .choice(options: Self.kinds, selected: filter.group.map { Self.kinds.firstIndex(of: $0.rawValue) ?? 0 } ?? 0),
                  help: "←→ which records: symptoms, doses, labs, red flags and mood checks, …"),
            .init(key: "flagged", label: "Show", value: .choice(options: ["all records", "flagged only"], selected: filter.flaggedOnly ? 1 : 0),
                  help: "Flagged: red flags, mood checks and lab results that ask to tell the prescriber."),
            .init(key: "search", label: "Notes with", value: .text(TextField(text: filter.search, maxLength: 60)),
                  help: "Words to find in notes and reasons (any letter case). Enter here applies the filter."),
        ])
    }

    mutating func handle(_ key: Key) -> Outcome {
        switch form.handle(key) {
        case .editing: return .editing
        case .cancelled: return .cancelled
        case .submitted: return parse()
        }
    }

    private func parse() -> Outcome {
        var filter = HistoryFilter()
        for (key, name) in [("from", "From"), ("to", "To")] {
            let text = form.value(key)
            guard !text.isEmpty else { continue }
            guard let day = LocalDate(iso: text) else { return .invalid("\(name): '\(text)' is not a date; write YYYY-MM-DD or leave it empty.") }
            if key == "from" { filter.from = day } else { filter.to = day }
        }
        if let from = filter.from, let to = filter.to, from > to { return .invalid("From \(from.iso) is after To \(to.iso).") }
        filter.group = RecordGroup(rawValue: form.value("kind"))
        filter.flaggedOnly = form.value("flagged") == "flagged only"
        filter.search = form.value("search")
        return .applied(filter)
    }

    static let keyMap = KeyMap([.key("↑↓", "field", .up, .down, .tab, .backTab), .key("←→", "choose"), .key("Enter", "next / apply"),
                                .key("Ctrl-U", "clear field"), .key("Esc", "cancel")])

    func draw(into canvas: inout Canvas, rows: Range<Int>) {
        canvas.fill(row: rows.lowerBound, column: 0, width: canvas.width, height: rows.count)
        canvas.put(" Filter the history", row: rows.lowerBound, column: 0, style: .bold)
        form.draw(into: &canvas, top: rows.lowerBound + 2, labelWidth: 12, helpRow: rows.lowerBound + 2 + form.fields.count + 1)
        Chrome.drawHints(Self.keyMap.hints(), into: &canvas)
    }
}
