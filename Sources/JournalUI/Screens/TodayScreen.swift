import Foundation
import JournalCore

/// The first screen: the date, what has been logged today, red flags, and the last week; its
/// keys open the other screens.
public struct TodayScreen: Equatable, Sendable {
    /// Which due item ↑↓ has selected (for Enter, snooze and dismiss).
    var selection = 0

    public init() {}

    /// Today's keys. While on hold or paused the decision key comes first (mood and course stay
    /// reachable, out of the hint bar); viewing only, R (reload what the patient's copy saved)
    /// takes their place.
    static func keyMap(awaitsDecision: Bool, readOnly: Bool) -> KeyMap {
        // p is declared only while there is a decision to record (the help lists no dead key).
        let decision: [KeyMap.Binding] = awaitsDecision ? [.edit("p", "prescriber's decision")] : []
        return KeyMap(decision + [
            .edit("l", "log"),
            .key("d", "doses"),
            .key("b", "labs"),
            .key("k", "checklist"),
            .edit("m", "mood", hint: !awaitsDecision),
            .edit("c", "course", hint: !awaitsDecision),
            .key("h", "history"),
            .key("R", "reload", hint: readOnly),
            .key("q", "quit"),
            .key("↑↓", "select a due item", hint: false),
            .key("Enter", "open the selected due item's screen", hint: false),
            .edit("z", "snooze it for an hour", hint: false),
            .edit("x", "dismiss it", hint: false),
        ])
    }

    /// At most this many reminder lines; the rest are counted.
    static let reminderLines = 6

    /// The reminders Today lists: everything due today or earlier (upcoming ones wait). A stop
    /// alert is not among them: Today shows it whole above everything.
    static func reminders(journal: Journal, now: Date, timeZone: TimeZone) -> [Reminder] {
        journal.reminders(now: now, timeZone: timeZone, horizon: 24 * 3600).filter { $0.urgency <= .today && $0.kind != .stopAlert }
    }

    /// From this width Today shows two columns: what needs acting on at the left, the record at the right.
    static let twoColumnWidth = 120

    func draw(into canvas: inout Canvas, _ context: ScreenContext) {
        let readOnlyReason = context.readOnlyReason
        let today = Timestamp.localDate(of: context.now, in: context.timeZone)
        Chrome.drawTitle(readOnlyReason == nil ? "IsoJournal" : "IsoJournal (read-only)", right: DateText.long(today), into: &canvas)
        let rows = Chrome.bodyRows(height: canvas.height)
        if canvas.width >= Self.twoColumnWidth {
            let leftWidth = (canvas.width - 2) / 2, rightWidth = canvas.width - leftWidth - 2
            let parts = TodaySections(context: context, selection: selection)
            let left = parts.alerts(width: leftWidth) + [parts.due(width: leftWidth)] + parts.course(width: leftWidth)
            let right = [parts.symptoms(width: rightWidth), parts.lastSevenDays(width: rightWidth), parts.checklist(width: rightWidth, gapBefore: true)]
            TodayLayout.draw(TodayLayout.lines(left, rows: rows.count), into: &canvas, rows: rows, column: 0, width: leftWidth)
            TodayLayout.draw(TodayLayout.lines(right, rows: rows.count), into: &canvas, rows: rows, column: leftWidth + 2, width: rightWidth)
        } else {
            let width = canvas.width
            let parts = TodaySections(context: context, selection: selection)
            let all = parts.alerts(width: width) + [parts.due(width: width)] + parts.course(width: width)
                + [parts.checklist(width: width), parts.symptoms(width: width), parts.lastSevenDays(width: width)]
            TodayLayout.draw(TodayLayout.lines(all, rows: rows.count), into: &canvas, rows: rows, column: 0, width: width)
        }
        let awaitsDecision = context.journal.courseRecords?.state(at: context.now, zone: context.timeZone).awaitsDecision ?? false
        Chrome.drawHints(Self.keyMap(awaitsDecision: awaitsDecision, readOnly: readOnlyReason != nil).hints(readOnly: readOnlyReason != nil),
                         into: &canvas)
    }
}

/// Lines of one part of Today, built top-down; TodayLayout decides how many are shown.
struct SectionedText {
    private(set) var lines: [(String, Style)] = []

    mutating func heading(_ text: String, style: Style = .bold) { lines.append((" " + text, style)) }
    /// Text that must be read whole (alerts, crisis lines): wrapped to the width, never cut.
    mutating func wrapped(_ text: String, indent: Int = 1, width: Int, style: Style) {
        let pad = String(repeating: " ", count: indent)
        for line in DisplayWidth.wrap(text, to: max(1, width - indent)) { lines.append((pad + line, style)) }
    }
    mutating func plain(_ text: String, style: Style = .plain) { lines.append((text, style)) }

    /// Name, grade and label, note; narrow columns keep the grade and the note and drop the label's words.
    mutating func symptom(_ rating: SymptomRating, catalogue: SymptomCatalogue, width: Int) {
        let nameWidth = width >= 80 ? 26 : 18
        let grade = width >= 80 ? DisplayWidth.fit("\(rating.grade)  " + catalogue.label(forGrade: rating.grade), to: 26)
            : width >= 56 ? DisplayWidth.fit("\(rating.grade)  " + catalogue.label(forGrade: rating.grade), to: 26)
            : "\(rating.grade)  "
        // One column spare at the right edge (the 80-column layout always had it).
        let used = width >= 80 ? 56 : 3 + nameWidth + DisplayWidth.of(grade) + 1
        let note = rating.note.map { DisplayWidth.truncate($0, to: max(0, width - used)) } ?? ""
        lines.append(("   " + DisplayWidth.fit(catalogue.name(of: rating.symptom), to: nameWidth) + grade + note,
                      rating.grade >= 3 ? .warning : .plain))
    }
}
