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
        KeyMap([
            .edit("p", "prescriber's decision", hint: awaitsDecision),
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

    func draw(into canvas: inout Canvas, _ context: ScreenContext) {
        let journal = context.journal, now = context.now, timeZone = context.timeZone
        let readOnlyReason = context.readOnlyReason, reminderSelection = selection
        let today = Timestamp.localDate(of: now, in: timeZone)
        let catalogue = SymptomCatalogue.shipped
        Chrome.drawTitle(readOnlyReason == nil ? "IsoJournal" : "IsoJournal (read-only)", right: DateText.long(today), into: &canvas)
        var lines = SectionedText()

        // Alerts first, wrapped, never cut: a hold, a red flag or thoughts of self-harm are never pushed down.
        let width = canvas.width
        let crisisLine = journal.programmeSettings.crisisLine
        if let records = journal.courseRecords, case .onHold(let hold) = records.state(at: now, zone: timeZone) {
            lines.wrapped("COURSE ON HOLD since \(StopAlertText.when(hold.since, zone: timeZone)) — ask your prescriber before the next dose",
                          width: width, style: .alarm)
            for event in hold.events { lines.wrapped("! " + event.what, indent: 3, width: width, style: .warning) }
            lines.wrapped(StopAlertText.instruction + (readOnlyReason == nil ? " Then press p to record their decision."
                                                                                : " No dose is expected until their decision is recorded."),
                          indent: 3, width: width, style: .warning)
            lines.blank()
        }
        let flags = journal.redFlags(on: today)
        if !flags.isEmpty {
            lines.wrapped("Red flags today: contact your prescriber now", width: width, style: .alarm)
            let redFlags = RedFlagCatalogue.shipped
            for report in flags {
                let question = redFlags.flag(id: report.flag)?.question ?? report.flag
                let when = report.acknowledgedAt.map { " (notice read \(DateText.clock($0, in: timeZone)))" } ?? ""
                lines.wrapped("! " + question + when, indent: 3, width: width, style: .warning)
                if redFlags.flag(id: report.flag)?.showsCrisisGuidance == true {
                    lines.wrapped("If you are in danger call your local emergency number. " + crisisLine, indent: 5, width: width, style: .warning)
                }
            }
            lines.blank()
        }
        // Lab results flagged "tell your prescriber" or worse stay on Today for 30 days.
        let flaggedLabs = journal.labRecords.results.filter {
            $0.day >= today.adding(days: -29) && $0.day <= today && ($0.highestFlag?.level ?? .noted) >= .tell
        }
        if !flaggedLabs.isEmpty {
            let worst = flaggedLabs.compactMap(\.highestFlag?.level).max() ?? .tell
            lines.heading("Lab results to tell \(readOnlyReason == nil ? "your" : "the") prescriber about (b)", style: worst.isAlarm ? .alarm : .warning)
            for item in flaggedLabs.suffix(3) {
                let text = "   ! " + DateText.short(item.day) + "  " + LabText.resultLine(item.result, flags: item.flags)
                lines.plain(DisplayWidth.truncate(text, to: canvas.width), style: .warning)
            }
            lines.blank()
        }
        // ALT/AST saved without the lab's upper limit: no flag would read as "normal", so say so.
        let unjudgedLabs = journal.labRecords.notJudged.filter { $0.day >= today.adding(days: -29) && $0.day <= today }
        if !unjudgedLabs.isEmpty {
            lines.heading("Lab results not judged (b)", style: .warning)
            for item in unjudgedLabs.suffix(2) {
                lines.plain(DisplayWidth.truncate("   ? " + DateText.short(item.day) + "  " + LabText.resultLine(item), to: canvas.width), style: .warning)
            }
            lines.blank()
        }
        let recentCrisis = journal.entries(from: today.adding(days: -13), to: today).compactMap { entry -> LocalDate? in
            if case .moodCheck(let check)? = entry.body, check.selfHarmAnswered { return entry.day } else { return nil }
        }
        if let day = recentCrisis.last {
            lines.wrapped("Mood check \(DateText.relative(day, today: today)): thoughts of self-harm — contact your prescriber",
                          width: width, style: .alarm)
            lines.wrapped("If you are in danger call your local emergency number. " + crisisLine, indent: 3, width: width, style: .warning)
            lines.blank()
        }

        let due = Self.reminders(journal: journal, now: now, timeZone: timeZone)
        if !due.isEmpty {
            lines.heading(readOnlyReason == nil ? "Due   (↑↓ select · z snooze 1 hour · x dismiss)" : ViewerText.dueHeading(journal))
            for (index, reminder) in due.prefix(Self.reminderLines).enumerated() {
                let marker = index == reminderSelection ? "▸ " : "  "
                let label = DisplayWidth.fit(reminder.urgency.label, to: 9)
                let style: Style = reminder.urgency == .overdue ? .warning : (reminder.urgency == .dueNow ? .bold : .plain)
                // The key that acts on it is the patient's (a viewer sees the words alone); it
                // stays whole when the words are cut.
                let hint = readOnlyReason == nil ? " (\(reminder.place.keyHint))" : ""
                let room = max(0, canvas.width - 13 - DisplayWidth.of(hint))
                lines.plain(" " + marker + label + DisplayWidth.truncate(reminder.message, to: room) + hint, style: style)
            }
            if due.count > Self.reminderLines { lines.plain("   … and \(due.count - Self.reminderLines) more (isojournal remind)", style: .dim) }
            lines.blank()
        }

        for (text, style) in CoursePanel.lines(journal: journal, now: now, timeZone: timeZone, width: canvas.width,
                                               forViewer: readOnlyReason != nil) {
            lines.plain(text, style: style)
        }
        if let list = MonthlyChecklist.build(journal: journal, today: today) {
            let done = list.items.filter { if case .done = $0.status { return true } else { return false } }.count
            let open = list.items.filter(\.status.needsAttention).count
            var summary = " Checklist  month \(list.month): \(done) done, \(open) to do"
            if let window = list.window, let number = window.dayNumber(on: today) {
                summary += " · window Day \(number) of \(window.length), closes \(DateText.short(window.closes))"
            }
            lines.plain(DisplayWidth.truncate(summary, to: canvas.width), style: .plain)
        }
        // A record dated after now never shows among today's lists: say it is there, and where.
        let ahead = FutureDating(now: now, timeZone: timeZone).currentRecords(in: journal).sorted { $0.day < $1.day }
        if let first = ahead.first {
            let what = "\(ahead.count) record\(ahead.count == 1 ? "" : "s") dated after now, from \(DateText.short(first.day)) (h History)"
            lines.plain(DisplayWidth.truncate(" " + FutureDating.mark + "  " + what, to: canvas.width), style: .warning)
        }
        lines.blank()

        lines.heading("Symptoms today")
        let ratings = journal.symptomRatings(on: today)
        if ratings.isEmpty {
            lines.plain("   " + (readOnlyReason == nil ? "Nothing logged yet. Press l to log today's symptoms." : ViewerText.noSymptomsToday(journal)),
                        style: .dim)
        } else {
            for slug in catalogue.symptoms.map(\.slug) {
                guard let rating = ratings.first(where: { $0.symptom == slug }) else { continue }
                lines.symptom(rating, catalogue: catalogue, width: canvas.width)
            }
        }

        lines.blank()
        lines.heading("Last 7 days")
        for offset in 1...7 {
            let day = today.adding(days: -offset)
            let dayRatings = journal.symptomRatings(on: day).filter { $0.grade > 0 }
            let flagCount = journal.redFlags(on: day).count
            var summary = dayRatings.isEmpty ? (journal.symptomRatings(on: day).isEmpty ? "–" : "no symptoms")
                : dayRatings.sorted { $0.grade > $1.grade }.map { "\(catalogue.name(of: $0.symptom).lowercased()) \($0.grade)" }
                    .joined(separator: ", ")
            if flagCount > 0 { summary = "RED FLAG · " + summary }
            lines.plain("   " + DisplayWidth.fit(DateText.short(day), to: 16) + summary,
                        style: flagCount > 0 ? .warning : .plain)
        }

        lines.draw(into: &canvas, rows: Chrome.bodyRows(height: canvas.height))
        let awaitsDecision = journal.courseRecords?.state(at: now, zone: timeZone).awaitsDecision ?? false
        Chrome.drawHints(Self.keyMap(awaitsDecision: awaitsDecision, readOnly: readOnlyReason != nil).hints(readOnly: readOnlyReason != nil),
                         into: &canvas)
    }
}

/// Lines of a simple screen body, drawn top-down and cut at the bottom.
struct SectionedText {
    private(set) var lines: [(String, Style)] = []

    mutating func heading(_ text: String, style: Style = .bold) { lines.append((" " + text, style)) }
    /// Text that must be read whole (alerts, crisis lines): wrapped to the width, never cut.
    mutating func wrapped(_ text: String, indent: Int = 1, width: Int, style: Style) {
        let pad = String(repeating: " ", count: indent)
        for line in DisplayWidth.wrap(text, to: max(1, width - indent)) { lines.append((pad + line, style)) }
    }
    mutating func plain(_ text: String, style: Style = .plain) { lines.append((text, style)) }
    mutating func blank() { lines.append(("", .plain)) }

    mutating func symptom(_ rating: SymptomRating, catalogue: SymptomCatalogue, width: Int) {
        let name = DisplayWidth.fit(catalogue.name(of: rating.symptom), to: 26)
        let label = DisplayWidth.fit("\(rating.grade)  " + catalogue.label(forGrade: rating.grade), to: 26)
        let note = rating.note.map { DisplayWidth.truncate($0, to: max(0, width - 56)) } ?? ""
        lines.append(("   " + name + label + note, rating.grade >= 3 ? .warning : .plain))
    }

    func draw(into canvas: inout Canvas, rows: Range<Int>) {
        for (offset, line) in lines.enumerated() {
            let row = rows.lowerBound + 1 + offset
            guard row < rows.upperBound else { break }
            canvas.put(line.0, row: row, column: 0, style: line.1, maxWidth: canvas.width)
        }
    }
}
