import Foundation
import JournalCore

/// The timeline: every record day by day, newest first, red flags, mood alerts and lab flags
/// marked; a withdrawn record stays visible, marked. Enter shows a record's edit history.
struct TimelineView: Equatable, Sendable {
    /// Index of the selected record among all records shown (day headers are not selectable).
    var selection = 0
    /// The first line drawn; kept so the list scrolls like a list rather than re-centring.
    var top = 0

    static let keyMap = KeyMap([.key("↑↓", "move"), .key("Enter", "edit history"), .key("f", "filter"), .key("Tab", "view"), .key("R", "reload"), .key("Esc", "back")])

    /// A long journal has tens of thousands of rows: the list is walked day by day, never
    /// flattened, so a key press costs the days, not the records.
    static func recordCount(_ days: [TimelineDay]) -> Int { days.reduce(0) { $0 + $1.rows.count } }

    static func record(at index: Int, in days: [TimelineDay]) -> TimelineRow? {
        var seen = 0
        for day in days {
            if index < seen + day.rows.count { return day.rows[index - seen] }
            seen += day.rows.count
        }
        return nil
    }

    /// Rows the list has: the body less the tab row and the gap under it.
    static func visibleRows(height: Int) -> Int { max(1, height - 5) }

    /// Moves the selection; returns the record to open when Enter is pressed.
    mutating func handle(_ key: Key, days: [TimelineDay], visibleRows: Int) -> EntryID? {
        let count = Self.recordCount(days)
        guard count > 0 else { return nil }
        switch key {
        case .up, .character("k"): selection -= 1
        case .down, .character("j"): selection += 1
        case .pageUp: selection -= max(1, visibleRows - 2)
        case .pageDown: selection += max(1, visibleRows - 2)
        case .home: selection = 0
        case .end: selection = count - 1
        case .enter:
            selection = min(max(0, selection), count - 1)
            return Self.record(at: selection, in: days)?.id
        default: return nil
        }
        selection = min(max(0, selection), count - 1)
        top = Self.scrolled(top: top, selectedLine: Self.lineIndex(ofRecord: selection, in: days), visible: visibleRows)
        return nil
    }

    static func lineIndex(ofRecord index: Int, in days: [TimelineDay]) -> Int {
        var line = 0, seen = 0
        for day in days {
            line += 1
            if index < seen + day.rows.count { return line + index - seen }
            seen += day.rows.count
            line += day.rows.count
        }
        return line
    }

    /// The first line to draw so `selectedLine` is visible, moving `top` as little as possible
    /// (and showing a record's day header when the record is the day's first).
    static func scrolled(top: Int, selectedLine: Int, visible: Int) -> Int {
        if selectedLine - 1 < top { return max(0, selectedLine - 1) }
        if selectedLine >= top + visible { return selectedLine - visible + 1 }
        return top
    }

    func draw(into canvas: inout Canvas, days: [TimelineDay], filter: HistoryFilter, rows: Range<Int>, now: Date, timeZone: TimeZone) {
        let recordCount = Self.recordCount(days)
        guard !days.isEmpty else {
            let text = filter.isEmpty ? "Nothing recorded yet." : "Nothing matches the filter (\(filter.summary)). Press c to clear it."
            canvas.put("   " + text, row: rows.lowerBound, column: 0, style: .dim, maxWidth: canvas.width)
            return
        }
        let selected = min(max(0, selection), recordCount - 1)
        let dating = FutureDating(now: now, timeZone: timeZone)
        let first = Self.scrolled(top: top, selectedLine: Self.lineIndex(ofRecord: selected, in: days), visible: rows.count)
        let position = days.count + recordCount > rows.count ? "\(selected + 1)/\(recordCount)" : nil
        let counterWidth = position.map { DisplayWidth.of($0) + 1 } ?? 0
        // Walk the days: `line` is the index of the day's header line, `recordIndex` of its first record.
        var line = 0, recordIndex = 0
        for day in days {
            guard line < first + rows.count else { break }
            if line + day.rows.count >= first {
                if line >= first {
                    // Cut with "…" like every other line, short of the position counter on the top row.
                    let room = canvas.width - 1 - (line == first ? counterWidth : 0)
                    let end = canvas.put(DisplayWidth.truncate(" " + DateText.short(day.day) + day.courseText, to: room),
                                         row: rows.lowerBound + line - first, column: 0, style: .bold)
                    if !day.unrecordedDoses.isEmpty {
                        canvas.put(DisplayWidth.truncate(" · not recorded: " + day.unrecordedDoses.joined(separator: ", "), to: max(0, room - end)),
                                   row: rows.lowerBound + line - first, column: end, style: .warning)
                    }
                }
                for (offset, record) in day.rows.enumerated() {
                    let at = line + 1 + offset
                    guard at >= first, at < first + rows.count else { continue }
                    let future = dating.isFuture(day: record.latest.day, kind: record.content.kind, recordedAt: record.latest.recordedAt,
                                                 occurredAt: record.content.occurredAt)
                    drawRecord(record, selected: recordIndex + offset == selected, future: future, into: &canvas, row: rows.lowerBound + at - first)
                }
            }
            line += 1 + day.rows.count
            recordIndex += day.rows.count
        }
        if let position {
            canvas.put(position, row: rows.lowerBound, column: canvas.width - DisplayWidth.of(position) - 1, style: .dim)
        }
    }

    private func drawRecord(_ record: TimelineRow, selected: Bool, future: Bool, into canvas: inout Canvas, row: Int) {
        var style: Style
        let mark: String
        switch record.alert?.level {
        case .alarm?: style = .alarm; mark = "!!"
        case .tell?: style = .warning; mark = "! "
        case .notice?: style = .plain; mark = "· "
        case nil: style = .plain; mark = "  "
        }
        if record.isWithdrawn { style = .dim }
        if case .dose(let intake)? = record.content.body, intake.status == .taken, !record.isWithdrawn { style = .good }
        var text = record.description
        if let alert = record.alert, !text.localizedCaseInsensitiveContains(alert.label) { text += " — " + alert.label }
        if record.wasChanged && !record.isWithdrawn { text += " ✎" }
        // First, so a long line never cuts it off; the status line says what it means.
        if future { text = FutureDating.mark + " " + text }
        if selected { style.reverse = true }
        canvas.fill(row: row, column: 0, width: canvas.width, height: 1, style: selected ? Style(reverse: true) : .plain)
        canvas.put("  " + mark + " " + DisplayWidth.truncate(text, to: max(0, canvas.width - 6)), row: row, column: 0, style: style)
    }
}
