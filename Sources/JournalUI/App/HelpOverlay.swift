import JournalCore

/// The help over any screen (`?` or F1): every key of the showing screen's map, where the
/// journal is kept, the version, and the first steps. Drawn from the map, so it never lists a
/// key the screen does not answer; a read-only session's help leaves the editing keys out.
struct HelpOverlay {
    let keyMap: KeyMap
    let readOnly: Bool
    /// The data folder or snapshot file, when the program was told.
    let whereKept: String?
    let version: String?

    static let firstSteps = [
        "l logs today's symptoms, each 0–3 (how much it limited your day); s saves.",
        "A red-flag answer of y shows a warning at once: contact your prescriber.",
        "d records doses, k ticks the monthly checklist, h shows the history.",
        "Everything stays in files only you can read. q quits from Today.",
    ]

    var bindings: [KeyMap.Binding] {
        keyMap.bindings.filter { !(readOnly && $0.edits) && $0.action != KeyMap.Binding.helpAction }
    }

    func draw(into canvas: inout Canvas) {
        canvas = Canvas(width: canvas.width, height: canvas.height)
        Chrome.drawTitle("IsoJournal · Help", right: version.map { "version " + $0 } ?? "", into: &canvas)
        let rows = Chrome.bodyRows(height: canvas.height)
        var row = rows.lowerBound
        func line(_ text: String, style: Style = .plain, indent: Int = 1) {
            guard row < rows.upperBound else { return }
            canvas.put(String(repeating: " ", count: indent) + DisplayWidth.truncate(text, to: canvas.width - indent - 1),
                       row: row, column: 0, style: style)
            row += 1
        }
        line("Keys on this screen" + (readOnly ? " (viewing only: keys that change the journal are left out)" : ""), style: .bold)
        drawBindings(into: &canvas, row: &row, rows: rows)
        row += 1
        if let whereKept { line("Your journal is kept in " + whereKept) }
        if let version { line("IsoJournal \(version): it records and flags; your prescriber decides.") }
        row += 1
        line("First steps", style: .bold)
        for step in Self.firstSteps { line(step, indent: 3) }
        Chrome.drawHints([("Esc", "close help")], into: &canvas)
    }

    /// One column when they fit above the rest, else two side by side; a long action goes on
    /// under itself rather than being cut.
    private func drawBindings(into canvas: inout Canvas, row: inout Int, rows: Range<Int>) {
        let list = bindings
        let labelWidth = min(8, list.map { DisplayWidth.of($0.label) }.max() ?? 0)
        func entries(columnWidth: Int) -> [[String]] {
            list.map { binding in
                let head = "  " + DisplayWidth.fit(binding.label, to: labelWidth) + "  "
                let indent = String(repeating: " ", count: DisplayWidth.of(head))
                return DisplayWidth.wrap(binding.action, to: max(1, columnWidth - DisplayWidth.of(head) - 1))
                    .enumerated().map { ($0.offset == 0 ? head : indent) + $0.element }
            }
        }
        let reserved = 3 + Self.firstSteps.count + (whereKept == nil ? 0 : 1) + (version == nil ? 0 : 1)
        let room = rows.upperBound - row - reserved
        var columnWidth = canvas.width - 2
        var columns = [entries(columnWidth: columnWidth)]
        if columns[0].joined().count > room, canvas.width >= 60 {
            columnWidth = (canvas.width - 2) / 2
            let all = entries(columnWidth: columnWidth)
            let half = (all.joined().count + 1) / 2
            var left: [[String]] = [], lines = 0
            for entry in all {
                if !left.isEmpty && lines + entry.count > half { break }
                left.append(entry)
                lines += entry.count
            }
            columns = [left, Array(all.dropFirst(left.count))]
        }
        var height = 0
        for (index, column) in columns.enumerated() {
            for (offset, text) in column.joined().enumerated() where row + offset < rows.upperBound {
                canvas.put(DisplayWidth.truncate(text, to: columnWidth - 1), row: row + offset, column: 1 + index * columnWidth)
            }
            height = max(height, column.joined().count)
        }
        row = min(rows.upperBound, row + height)
    }
}
