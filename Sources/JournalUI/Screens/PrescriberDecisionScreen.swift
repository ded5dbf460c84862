import Foundation
import JournalCore

/// Recording what the prescriber decided after a hold (or during a pause): continue, pause
/// from–to, or stop. The checks and the changes are the core's (`PrescriberDecisionAction`),
/// the same as `isojournal course decision`.
public struct PrescriberDecisionScreen: Equatable, Sendable {
    var form: Form
    /// The form as it opened: anything different is input not saved yet.
    private(set) var formAsOpened: Form?
    /// The course and its pauses as the screen showed them (see `ShownJournal`).
    let shown: ShownJournal

    init(journal: Journal, now: Date, timeZone: TimeZone) {
        shown = ShownJournal(journal)
        let today = Timestamp.localDate(of: now, in: timeZone)
        let clock = Timestamp.clockText(minuteOfDay: Timestamp.minuteOfDay(of: now, in: timeZone))
        form = Form(fields: [
            .init(key: "outcome", label: "Decision", value: .choice(options: ["continue", "pause", "stop"], selected: 0),
                  help: "← → to choose: continue taking it, pause from–to, or stop (the course ends on the last dose taken)."),
            .init(key: "by", label: "Decided by", value: .text(TextField(maxLength: 60)), help: "Who decided, e.g. Dr Rao by phone."),
            .init(key: "when", label: "When", value: .text(TextField(text: today.iso + " " + clock, maxLength: 16)),
                  help: "When the prescriber decided: YYYY-MM-DD HH:MM."),
            .init(key: "from", label: "Pause from", value: .text(TextField(text: today.iso, maxLength: 10)),
                  help: "Pause only: the first paused day."),
            .init(key: "to", label: "Pause to", value: .text(TextField(maxLength: 10)),
                  help: "Pause only: the last paused day (leave empty: until further notice)."),
            .init(key: "note", label: "Note", value: .text(TextField(maxLength: 200)), help: "Anything the prescriber said. Enter saves."),
        ])
        formAsOpened = form
    }

    mutating func handle(_ key: Key, journal: Journal, now: Date, timeZone: TimeZone) -> ScreenOutcome {
        switch form.handle(key) {
        case .editing: return .stay
        case .cancelled: return .close
        case .submitted: return submit(journal: journal, now: now, timeZone: timeZone)
        }
    }

    private func submit(journal: Journal, now: Date, timeZone: TimeZone) -> ScreenOutcome {
        guard let outcome = PrescriberDecision.Outcome.allCases.first(where: { $0.words == form.value("outcome") }) else { return .stay }
        let parts = form.value("when").split(separator: " ")
        guard parts.count == 2, let day = LocalDate(iso: parts[0]), let minute = Timestamp.parseClock(parts[1]) else {
            return .message(StatusLine("When: '\(form.value("when"))' is not a time like 2026-11-30 09:15.", isError: true))
        }
        var request = PrescriberDecisionAction.Request(outcome: outcome, decidedBy: nonEmpty("by"),
                                                       decidedAt: Timestamp.instant(of: day, minuteOfDay: minute, in: timeZone),
                                                       note: nonEmpty("note"))
        if outcome == .pause {
            guard let from = LocalDate(iso: form.value("from")) else {
                return .message(StatusLine("Pause from: '\(form.value("from"))' is not a date like 2026-11-30.", isError: true))
            }
            request.pauseFrom = from
            if let text = nonEmpty("to") {
                guard let to = LocalDate(iso: text) else {
                    return .message(StatusLine("Pause to: '\(text)' is not a date like 2026-12-07.", isError: true))
                }
                request.pauseTo = to
            }
        }
        do throws(PrescriberDecisionProblem) {
            let changes = try PrescriberDecisionAction.changes(for: request, in: journal, now: now, zone: timeZone)
            return .save(changes, done: "Prescriber's decision recorded: \(request.outcome.words).", shown: shown)
        } catch {
            return .message(StatusLine(error.message(in: timeZone), isError: true))
        }
    }

    private func nonEmpty(_ key: String) -> String? {
        let text = form.value(key)
        return text.isEmpty ? nil : text
    }

    /// The form's keys.
    var keyMap: KeyMap {
        KeyMap([.key("↑↓", "field", .up, .down, .tab, .backTab), .key("←→", "choose"), .edit("Enter", "next/save"), .key("Esc", "back")])
    }

    func draw(into canvas: inout Canvas, journal: Journal, now: Date, timeZone: TimeZone) {
        Chrome.drawTitle("IsoJournal · Prescriber's decision", right: DateText.short(Timestamp.localDate(of: now, in: timeZone)), into: &canvas)
        var row = 2
        if let records = journal.courseRecords {
            let state = records.state(at: now, zone: timeZone)
            var text: String
            switch state {
            case .onHold(let hold): text = StopAlertText.headline(hold, zone: timeZone) + ". " + StopAlertText.sentence(hold.reasons)
            case .paused(let pause): text = "Paused from \(pause.startDate.iso)" + (pause.endDate.map { " to \($0.iso)" } ?? " until further notice")
            default: text = "Nothing is on hold or paused."
            }
            for line in DisplayWidth.wrap(text, to: max(1, canvas.width - 2)) where row < canvas.height - 9 {
                canvas.put(" " + line, row: row, column: 0, style: state.isOnHold ? .warning : .plain)
                row += 1
            }
        }
        row += 1
        canvas.put(" What did your prescriber decide?", row: row, column: 0, style: .bold)
        form.draw(into: &canvas, top: row + 1, labelWidth: 12, helpRow: min(canvas.height - 3, row + 2 + form.fields.count))
        Chrome.drawHints(keyMap.hints(), into: &canvas)
    }
}
