import JournalCore

/// One record's edit history: every revision with when it was written and what it changed.
/// Nothing is ever erased from the journal, so this is the whole story of the record.
struct RecordHistoryView: Equatable, Sendable {
    let id: EntryID
    var top = 0

    static let keyMap = KeyMap([.key("↑↓", "scroll"), .key("R", "reload"), .key("Esc", "back to the timeline")])

    init(id: EntryID) { self.id = id }

    mutating func handle(_ key: Key) {
        switch key {
        case .up, .character("k"): top = max(0, top - 1)
        case .down, .character("j"): top += 1
        case .pageUp: top = max(0, top - 10)
        case .pageDown: top += 10
        case .home: top = 0
        default: break
        }
    }

    func lines(context: HistoryScreen.Context, width: Int) -> [(String, Style)] {
        let revisions = RevisionDiff.history(of: id, in: context.journal, timeZone: context.timeZone)
        var lines: [(String, Style)] = []
        for revision in revisions.reversed() {
            let entry = revision.entry
            let when = DateText.short(Timestamp.localDate(of: entry.recordedAt, in: context.timeZone)) + " "
                + DateText.clock(entry.recordedAt, in: context.timeZone)
            let head = "Revision \(entry.revision) · written \(when)" + (entry.revision == revisions.count ? " (as it stands now)" : "")
            lines.append((" " + head, .bold))
            for change in revision.changes {
                for (index, part) in DisplayWidth.wrap(change, to: max(10, width - 8)).enumerated() {
                    lines.append(((index == 0 ? "   • " : "     ") + part, entry.isRetraction ? .warning : .plain))
                }
            }
            lines.append(("", .plain))
        }
        return lines
    }

    func draw(into canvas: inout Canvas, context: HistoryScreen.Context, rows: Range<Int>) {
        let latest = context.journal.latestRevision(of: id)
        let about = latest.map { entry in
            entry.isRetraction ? "withdrawn record" : EntryDescription.line(entry, timeZone: context.timeZone)
        } ?? id.rawValue
        canvas.put(DisplayWidth.truncate(" Edit history: " + about, to: canvas.width), row: rows.lowerBound, column: 0, style: .bold)
        let day = latest.map { "   About \(DateText.short($0.day)) · record \(id.rawValue) · newest first" } ?? ""
        canvas.put(DisplayWidth.truncate(day, to: canvas.width), row: rows.lowerBound + 1, column: 0, style: .dim)
        let all = lines(context: context, width: canvas.width)
        let visible = max(1, rows.count - 3)
        let first = min(top, max(0, all.count - visible))
        for (offset, line) in all.dropFirst(first).prefix(visible).enumerated() {
            canvas.put(DisplayWidth.truncate(line.0, to: canvas.width), row: rows.lowerBound + 3 + offset, column: 0, style: line.1)
        }
    }
}
