import Foundation
import JournalCore

/// The PHQ-2, stepping up to the PHQ-9, one question at a time with the published wording.
/// Any answer but "not at all" to item 9 brings the crisis guidance at once.
public struct MoodCheckScreen: Equatable, Sendable {
    enum Mode: Equatable, Sendable {
        case asking
        /// Item 9 was answered: the crisis guidance is up; only C closes it.
        case crisis
        /// Saved: the scores, until Esc.
        case finished
    }

    enum Outcome: Equatable {
        case stay
        case close
        case save(JournalChange)
    }

    let day: LocalDate
    var answers: [Int] = []
    var mode: Mode = .asking
    var crisisShownAt: Date?
    /// The day's mood check as the screen found it (see `ShownJournal`); renewed by its own save.
    var shown: ShownJournal

    init(day: LocalDate, journal: Journal) {
        self.day = day
        shown = ShownJournal(journal)
    }

    /// Item 9 answered other than "not at all".
    var holdsCrisisAnswer: Bool { answers.count == 9 && answers[8] > 0 }

    var questionCount: Int {
        Questionnaire.questionCount(afterAnswers: answers, stepUpAt: ProgrammeRules.shipped.moodCheck.phq2StepUpAt)
    }

    /// Past the first two questions of a longer check, why it got longer (else "Question 3 of 9"
    /// would follow "Question 1 of 2" with no word).
    var stepUpReason: String {
        guard questionCount > 2, answers.count >= 2 else { return "" }
        let more = questionCount - 2
        return " · first two scored \(answers.prefix(2).reduce(0, +)) (\(ProgrammeRules.shipped.moodCheck.phq2StepUpAt) or more): "
            + (more == 7 ? "seven" : String(more)) + " more questions"
    }

    mutating func handle(_ key: Key, now: Date) -> Outcome {
        switch mode {
        case .finished:
            // s saves again: the status line says whether the save landed (a full disk, say).
            if key == .character("s") { return .save(change) }
            return key == .escape || key == .enter || key == .character("q") ? .close : .stay
        case .crisis:
            guard key == .character("c") || key == .character("C") else { return .stay }
            crisisShownAt = now
            mode = .finished
            return .save(change)
        case .asking:
            switch key {
            case .escape:
                return .close
            case .backspace, .left:
                if !answers.isEmpty { answers.removeLast() }
            case .character(let c):
                guard let value = c.wholeNumberValue, (0...3).contains(value) else { return .stay }
                answers.append(value)
                if answers.count == 9 && value > 0 {
                    mode = .crisis
                } else if answers.count == questionCount {
                    mode = .finished
                    return .save(change)
                }
            default:
                break
            }
            return .stay
        }
    }

    /// The keys of the step the check is at (the whole check edits: read-only sessions never open it).
    var keyMap: KeyMap {
        switch mode {
        case .asking:
            return KeyMap([.edit("0-3", "answer"), .key("⌫", "back", .backspace, .left), .key("Esc", "stop")])
        case .crisis:
            return KeyMap([.key("C", "I have read this", .character("C"), .character("c"))], help: false)
        case .finished:
            return KeyMap([.key("Esc", "back", .escape, .enter, .character("q")), .edit("s", "save again if it failed")])
        }
    }

    var change: JournalChange {
        .put(MoodCheck.entryID(day: day), day: day, body: .moodCheck(MoodCheck(answers: answers, crisisGuidanceShownAt: crisisShownAt)))
    }

    func draw(into canvas: inout Canvas, crisisLine: String) {
        let phq = Questionnaire.phq
        Chrome.drawTitle("IsoJournal · Mood check", right: DateText.short(day), into: &canvas)
        switch mode {
        case .asking, .crisis:
            let index = min(answers.count, 8)
            // Short windows drop the blank lines and the source, never the question or the answers.
            let roomy = canvas.height >= 20
            canvas.put(DisplayWidth.truncate(" Question \(index + 1) of \(questionCount)" + stepUpReason, to: canvas.width),
                       row: roomy ? 2 : 1, column: 0, style: .dim)
            var row = roomy ? 4 : 2
            for line in DisplayWidth.wrap(phq.stem, to: canvas.width - 2) { canvas.put(" " + line, row: row, column: 0); row += 1 }
            if roomy { row += 1 }
            // The real cursor on the question being asked: braille displays follow it.
            if mode == .asking { canvas.cursor = (row, 3) }
            for line in DisplayWidth.wrap(phq.items[index], to: canvas.width - 4) {
                canvas.put("   " + line, row: row, column: 0, style: .bold)
                row += 1
            }
            if roomy { row += 1 }
            for (value, answer) in phq.answers.enumerated() {
                canvas.put("   \(value)  \(answer)", row: row, column: 0)
                row += 1
            }
            if roomy {
                canvas.put(DisplayWidth.truncate(" " + phq.source, to: canvas.width), row: canvas.height - 3, column: 0, style: .dim)
            }
            Chrome.drawHints(keyMap.hints(), into: &canvas)
            if mode == .crisis {
                // The crisis line never gives way; on a small window the long guidance is
                // replaced by its two essential sentences.
                let full = Dialog(title: "Please reach out now", lines: [phq.crisis, "", "Crisis line: " + crisisLine,
                                                                          "It is recorded with this check."],
                                  prompt: "Press C to confirm you have read this.", style: .alarm, dropOrder: [3])
                let short = Dialog(title: "Please reach out now",
                                   lines: ["Contact your prescriber today. In danger: call your local emergency number now.",
                                           "Crisis line: " + crisisLine],
                                   prompt: "Press C to confirm you have read this.", style: .alarm)
                (full.fits(in: canvas) ? full : short).draw(into: &canvas)
            }
        case .finished:
            let check = MoodCheck(answers: answers)
            var lines = ["PHQ-2 score: \(check.phq2Score) of 6"]
            if let phq9 = check.phq9Score {
                lines.append("PHQ-9 score: \(phq9) of 27")
                if phq9 >= ProgrammeRules.shipped.moodCheck.phq9TellPrescriberAt {
                    lines.append("A PHQ-9 score of \(ProgrammeRules.shipped.moodCheck.phq9TellPrescriberAt) or more is the usual point to tell your prescriber.")
                }
            } else if check.phq2Score < ProgrammeRules.shipped.moodCheck.phq2StepUpAt {
                lines.append("Tell your prescriber if your mood changes; you can repeat the check any time.")
            }
            if check.selfHarmAnswered {
                lines.append("You answered item 9: contact your prescriber today. Crisis line: \(crisisLine).")
            }
            lines.append("These scores are for you and your prescriber; they are not a diagnosis.")
            var row = 3
            for line in lines {
                for wrapped in DisplayWidth.wrap(line, to: canvas.width - 2) {
                    canvas.put(" " + wrapped, row: row, column: 0, style: line.hasPrefix("You answered") ? .warning : .plain)
                    row += 1
                }
                row += 1
            }
            Chrome.drawHints(keyMap.hints(), into: &canvas)
        }
    }
}
