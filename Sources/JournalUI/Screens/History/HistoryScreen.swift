import Foundation
import JournalCore

/// Looking back over the whole course, in both modes: a timeline day by day, a calendar heat
/// map per symptom, trends as charts, filters, and the edit history of any record. Nothing
/// here changes the journal.
public struct HistoryScreen: Equatable, Sendable {
    public enum Tab: Equatable, Sendable { case timeline, calendar, trends }

    enum Outcome: Equatable {
        case stay
        case message(StatusLine)
        case close
        /// Read the journal again from the disk (the patient's copy may have saved since).
        case reload
    }

    /// What every view reads from: the journal and the time, as the app knows them now.
    struct Context {
        let journal: Journal
        let now: Date
        let timeZone: TimeZone
        /// The window's height, for paging.
        let height: Int
        var today: LocalDate { Timestamp.localDate(of: now, in: timeZone) }
    }

    public private(set) var tab: Tab = .timeline
    public private(set) var filter = HistoryFilter()
    var timeline = TimelineView()
    var calendar = CalendarView()
    var trends = TrendsView()
    /// Open over the current tab while filters are being edited.
    var filterForm: FilterView?
    /// Open over the timeline while one record's revisions are shown.
    var record: RecordHistoryView?
    let isReadOnly: Bool
    /// The timeline as last built, and for which journal and filter: a long journal takes a
    /// while to describe, and a key press should not do it twice.
    private var cachedTimeline: (key: TimelineKey, days: [TimelineDay])?

    struct TimelineKey: Equatable {
        let revisionCount: Int
        let last: Entry?
        let filter: HistoryFilter
        /// Today's doses become "not recorded" as their time comes: the minute matters too.
        let minute: Int

        init(_ journal: Journal, _ filter: HistoryFilter, now: Date) {
            revisionCount = journal.revisions.count
            last = journal.revisions.last
            self.filter = filter
            minute = Int(now.timeIntervalSince1970 / 60)
        }
    }

    public static func == (a: HistoryScreen, b: HistoryScreen) -> Bool {
        a.tab == b.tab && a.filter == b.filter && a.timeline == b.timeline && a.calendar == b.calendar && a.trends == b.trends
            && a.filterForm == b.filterForm && a.record == b.record && a.isReadOnly == b.isReadOnly
    }

    /// The timeline for the journal and filter, from the cache when it still fits.
    func timelineDays(_ context: Context) -> [TimelineDay] {
        let key = TimelineKey(context.journal, filter, now: context.now)
        if let cachedTimeline, cachedTimeline.key == key { return cachedTimeline.days }
        let days = Timeline.build(journal: context.journal, filter: filter, timeZone: context.timeZone)
        // Unrecorded planned doses belong to the whole story, not to a filtered view of it.
        guard filter.isEmpty, let course = context.journal.courseRecords else { return days }
        return UnrecordedDoses.adding(UnrecordedDoses.byDay(course, now: context.now, timeZone: context.timeZone), to: days,
                                      courseStart: course.settings.startDate)
    }

    /// Builds the timeline ahead of the first drawing.
    mutating func prepare(context: Context) { _ = refreshTimeline(context) }

    private mutating func refreshTimeline(_ context: Context) -> [TimelineDay] {
        let days = timelineDays(context)
        cachedTimeline = (TimelineKey(context.journal, filter, now: context.now), days)
        return days
    }

    public init(isReadOnly: Bool) { self.isReadOnly = isReadOnly }

    mutating func handle(_ key: Key, context: Context) -> Outcome {
        let outcome = handleKey(key, context: context)
        // Built once here, so the drawing after this key (and every tick until the next) reuses it.
        if tab == .timeline, record == nil { _ = refreshTimeline(context) }
        return outcome
    }

    private mutating func handleKey(_ key: Key, context: Context) -> Outcome {
        if var form = filterForm {
            switch form.handle(key) {
            case .editing: filterForm = form
            case .cancelled: filterForm = nil
            case .applied(let newFilter):
                filter = newFilter
                filterForm = nil
                timeline.selection = 0
                tab = .timeline
                return .message(StatusLine("Showing: \(newFilter.summary)."))
            case .invalid(let message):
                filterForm = form
                return .message(StatusLine(message, isError: true))
            }
            return .stay
        }
        if var open = record {
            switch key {
            case .escape, .character("q"), .backspace: record = nil
            case .character("R"): return .reload
            default: open.handle(key); record = open
            }
            return .stay
        }
        switch key {
        case .escape, .character("q"): return .close
        case .character("R"): return .reload
        case .character("1"): tab = .timeline
        case .character("2"): tab = .calendar
        case .character("3"): tab = .trends
        case .tab: tab = tab == .timeline ? .calendar : (tab == .calendar ? .trends : .timeline)
        case .backTab: tab = tab == .timeline ? .trends : (tab == .calendar ? .timeline : .calendar)
        case .character("f"): filterForm = FilterView(filter: filter, today: context.today)
        case .character("c") where !filter.isEmpty:
            filter = HistoryFilter()
            timeline.selection = 0
            return .message(StatusLine("Filters cleared: showing everything."))
        default:
            switch tab {
            case .timeline:
                if let id = timeline.handle(key, days: refreshTimeline(context), visibleRows: TimelineView.visibleRows(height: context.height)) {
                    record = RecordHistoryView(id: id)
                }
            case .calendar:
                let shown = calendar
                calendar.handle(key, context: context)
                // At either end of the months with records, say so rather than do nothing.
                if calendar == shown, [Key.character("["), .pageUp].contains(key) {
                    return .message(StatusLine("This is the first month with records."))
                }
                if calendar == shown, [Key.character("]"), .pageDown].contains(key) {
                    return .message(StatusLine("This is the current month."))
                }
            case .trends: trends.handle(key, context: context)
            }
        }
        return .stay
    }

    /// The keys of what is showing: the filter form, one record's history, or a tab.
    var keyMap: KeyMap {
        if filterForm != nil { return FilterView.keyMap }
        if record != nil { return RecordHistoryView.keyMap }
        var shared: [KeyMap.Binding] = [
            .key("1 2 3", "timeline / calendar / trends", .character("1"), .character("2"), .character("3"), hint: false),
            .key("⇧Tab", "previous view", .backTab, hint: false),
            .key("q", "back", hint: false),
        ]
        if !filter.isEmpty { shared.append(.key("c", "clear the filter", hint: false)) }
        switch tab {
        case .timeline: return KeyMap(TimelineView.keyMap.bindings + shared)
        case .calendar: return KeyMap(CalendarView.keyMap.bindings + shared)
        case .trends: return KeyMap(TrendsView.keyMap.bindings + shared)
        }
    }

    // MARK: view

    func draw(into canvas: inout Canvas, context: Context) {
        Chrome.drawTitle("IsoJournal · History" + (isReadOnly ? " (read-only)" : ""), right: DateText.long(context.today), into: &canvas)
        let body = Chrome.bodyRows(height: canvas.height)
        let content = (body.lowerBound + 2)..<body.upperBound
        if let record {
            record.draw(into: &canvas, context: context, rows: body)
            Chrome.drawHints(keyMap.hints(), into: &canvas)
            return
        }
        drawTabs(into: &canvas, row: body.lowerBound)
        switch tab {
        case .timeline:
            let days = timelineDays(context)
            if canvas.width >= Self.twoPaneWidth, filterForm == nil,
               let selected = TimelineView.record(at: timeline.selection, in: days) {
                drawTwoPanes(into: &canvas, days: days, selected: selected.id, rows: content, context: context)
            } else {
                timeline.draw(into: &canvas, days: days, filter: filter, rows: content, now: context.now, timeZone: context.timeZone)
            }
            Chrome.drawHints(keyMap.hints(), into: &canvas)
        case .calendar:
            calendar.draw(into: &canvas, context: context, rows: content)
            Chrome.drawHints(keyMap.hints(), into: &canvas)
        case .trends:
            trends.draw(into: &canvas, context: context, rows: content)
            Chrome.drawHints(keyMap.hints(), into: &canvas)
        }
        if let filterForm {
            filterForm.draw(into: &canvas, rows: content)
        }
    }

    /// From this width the timeline shares the screen with the selected record's edit history.
    static let twoPaneWidth = 120

    /// The timeline at the left, the selected record's whole story at the right (what Enter
    /// shows full-screen), so a wide window is used rather than left blank.
    private func drawTwoPanes(into canvas: inout Canvas, days: [TimelineDay], selected: EntryID, rows: Range<Int>, context: Context) {
        let leftWidth = canvas.width * 3 / 5
        var left = Canvas(width: leftWidth, height: canvas.height)
        timeline.draw(into: &left, days: days, filter: filter, rows: rows, now: context.now, timeZone: context.timeZone)
        canvas.place(left, rows: rows, column: 0)
        var right = Canvas(width: canvas.width - leftWidth - 2, height: canvas.height)
        RecordHistoryView(id: selected).draw(into: &right, context: context, rows: rows)
        canvas.place(right, rows: rows, column: leftWidth + 2)
        for row in rows { canvas.put("│", row: row, column: leftWidth, style: .dim) }
    }

    private func drawTabs(into canvas: inout Canvas, row: Int) {
        var x = 1
        for (key, name, which) in [("1", "Timeline", Tab.timeline), ("2", "Calendar", .calendar), ("3", "Trends", .trends)] {
            let style: Style = which == tab ? Style(bold: true, reverse: true) : .plain
            x = canvas.put(" \(key) \(name) ", row: row, column: x, style: style) + 1
        }
        let right = "f filter: " + filter.summary
        let available = canvas.width - x - 2
        if available > 12 {
            let text = DisplayWidth.truncate(right, to: available)
            canvas.put(text, row: row, column: canvas.width - DisplayWidth.of(text) - 1, style: filter.isEmpty ? .dim : .warning)
        }
    }
}
