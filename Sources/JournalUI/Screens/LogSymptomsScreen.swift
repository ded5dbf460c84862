import Foundation
import JournalCore

/// The daily log: every catalogue symptom on the 0–3 scale with a note, and the red-flag
/// questions. Opens on a day with what is already recorded for it, so it both logs and edits.
public struct LogSymptomsScreen: Equatable, Sendable {
    /// What the form holds for one day; compared with what is saved to find the changes.
    struct Answers: Equatable, Sendable {
        var grades: [String: Int] = [:]
        var notes: [String: String] = [:]
        var flags: Set<String> = []

        init() {}

        init(day: LocalDate, journal: Journal) {
            for rating in journal.symptomRatings(on: day) {
                grades[rating.symptom] = rating.grade
                if let note = rating.note { notes[rating.symptom] = note }
            }
            flags = Set(journal.redFlags(on: day).map(\.flag))
        }
    }

    enum Mode: Equatable, Sendable {
        case browsing
        case editingNote(slug: String, field: TextField)
        /// The red-flag notice is up; only the deliberate key closes it.
        case redFlagNotice(flag: String)
        /// Unsaved answers and the person asked to leave or change day.
        case confirmLeave(then: Leave)
    }

    enum Leave: Equatable, Sendable {
        case close
        case switchDay(LocalDate)
    }

    /// What `AppState` should do after a key.
    enum Outcome: Equatable {
        case stay
        case message(StatusLine)
        case close
        /// Show another day's answers (AppState holds the journal they come from).
        case switchDay(LocalDate)
        case save([JournalChange], day: LocalDate)
        case recordRedFlag(JournalChange)
    }

    public private(set) var day: LocalDate
    var answers: Answers
    var saved: Answers
    /// Index into `rows`.
    var selection = 0
    var mode: Mode = .browsing
    /// When each red-flag notice was read, so a yes whose immediate save failed is saved
    /// with the form, with its true time.
    var acknowledged: [String: Date] = [:]
    /// Red-flag questions answered no on this form. A no is never saved (only a yes is a
    /// record); it only tells an answered question ("no") from an unanswered one ("–").
    var answeredNo: Set<String> = []

    let symptoms = SymptomCatalogue.shipped.symptoms
    /// The questions for the patient's category (pregnancy risks only for those who can get pregnant).
    let flags: [RedFlagCatalogue.Flag]
    /// Shown with the self-harm question's notice, as with PHQ-9 item 9.
    let crisisLine: String

    /// The revision of every record of the day as the form showed it (0: none yet), so a save
    /// can tell whether another copy changed one since.
    var shownRevisions: [EntryID: Int] = [:]
    /// A red-flag answer is on its way to the disk (saved at once, whatever else is unsaved).
    var recordingRedFlag = false

    public init(day: LocalDate, journal: Journal) {
        self.day = day
        saved = Answers(day: day, journal: journal)
        answers = saved
        flags = RedFlagCatalogue.shipped.flags(for: journal.courseRecords?.settings.patientCategory)
        crisisLine = journal.programmeSettings.crisisLine
        for symptom in symptoms {
            let id = SymptomRating.entryID(day: day, symptom: symptom.slug)
            shownRevisions[id] = journal.revisionNumber(of: id)
        }
        for flag in flags {
            let id = RedFlagReport.entryID(day: day, flag: flag.id)
            shownRevisions[id] = journal.revisionNumber(of: id)
        }
    }

    /// The notice text a yes to `flag` shows, recorded with the answer.
    func noticeText(_ flag: String) -> String {
        RedFlagCatalogue.shipped.noticeParagraphs(for: flag, crisisLine: crisisLine).joined(separator: "\n")
    }

    /// The revisions the form showed of the records `changes` touch.
    func revisionsWhenShown(of changes: [JournalChange]) -> [EntryID: Int] {
        Dictionary(uniqueKeysWithValues: changes.map { ($0.id, shownRevisions[$0.id] ?? 0) })
    }

    /// Another copy saved some of this day's records: show what it saved for `ids` (the
    /// person chose "take theirs"), keep every other unsaved answer.
    mutating func takeSaved(_ ids: [EntryID], journal: Journal) {
        let fresh = Answers(day: day, journal: journal)
        for symptom in symptoms where ids.contains(SymptomRating.entryID(day: day, symptom: symptom.slug)) {
            answers.grades[symptom.slug] = fresh.grades[symptom.slug]
            answers.notes[symptom.slug] = fresh.notes[symptom.slug]
        }
        adopt(journal)
    }

    /// Takes `journal` as the one the form is based on (after "keep mine", the save goes over it).
    mutating func adopt(_ journal: Journal) {
        for id in shownRevisions.keys { shownRevisions[id] = journal.revisionNumber(of: id) }
        let fresh = Answers(day: day, journal: journal)
        saved = fresh
    }

    enum Row: Equatable { case symptom(String), flag(String) }

    var rows: [Row] { symptoms.map { .symptom($0.slug) } + flags.map { .flag($0.id) } }
    var selectedRow: Row { rows[selection] }
    public var hasUnsavedAnswers: Bool { answers != saved }

    // MARK: keys

    mutating func handle(_ key: Key, today: LocalDate, now: Date) -> Outcome {
        switch mode {
        case .browsing:
            return browse(key, today: today)
        case .editingNote(let slug, var field):
            switch field.handle(key) {
            case .editing:
                mode = .editingNote(slug: slug, field: field)
            case .submitted:
                let text = field.text.trimmingCharacters(in: .whitespaces)
                answers.notes[slug] = text.isEmpty ? nil : text
                mode = .browsing
            case .cancelled:
                mode = .browsing
            }
            return .stay
        case .redFlagNotice(let flag):
            guard key == .character("c") || key == .character("C") else { return .stay }
            mode = .browsing
            answers.flags.insert(flag)
            answeredNo.remove(flag)
            acknowledged[flag] = now
            let report = RedFlagReport(flag: flag, noticeShown: noticeText(flag), acknowledgedAt: now)
            return .recordRedFlag(.put(RedFlagReport.entryID(day: day, flag: flag), day: day, body: .redFlag(report)))
        case .confirmLeave(let then):
            switch key {
            case .character("s"), .control("s"):
                mode = .browsing
                return save()
            case .character("d"):
                mode = .browsing
                return leave(then)
            case .escape:
                mode = .browsing
                return .stay
            default:
                return .stay
            }
        }
    }

    private mutating func browse(_ key: Key, today: LocalDate) -> Outcome {
        switch key {
        case .up, .character("k"):
            selection = max(0, selection - 1)
        case .down, .character("j"), .tab:
            selection = min(rows.count - 1, selection + 1)
        case .home:
            selection = 0
        case .end:
            selection = rows.count - 1
        case .character("s"), .control("s"):
            return save()
        case .escape, .character("q"):
            return requestLeave(.close)
        case .character("["):
            return requestLeave(.switchDay(day.adding(days: -1)))
        case .character("]"):
            let next = day.adding(days: 1)
            guard next <= today else {
                return .message(StatusLine("You can only log days that have already begun.", isError: true))
            }
            return requestLeave(.switchDay(next))
        case .character("t"):
            return day == today ? .stay : requestLeave(.switchDay(today))
        default:
            switch selectedRow {
            case .symptom(let slug): return editSymptom(slug, key)
            case .flag(let flag): return answerFlag(flag, key)
            }
        }
        return .stay
    }

    private mutating func editSymptom(_ slug: String, _ key: Key) -> Outcome {
        switch key {
        case .character(let c) where c.isWholeNumber:
            guard let grade = c.wholeNumberValue, SymptomRating.grades.contains(grade) else {
                return .message(StatusLine("Grades go from 0 (none) to 3 (limits self-care).", isError: true))
            }
            answers.grades[slug] = grade
        case .right, .character("l"), .character("+"):
            answers.grades[slug] = min(3, (answers.grades[slug] ?? -1) + 1)
        case .left, .character("h"), .character("-"):
            if let grade = answers.grades[slug], grade > 0 { answers.grades[slug] = grade - 1 }
        case .backspace, .delete, .character("x"):
            answers.grades[slug] = nil
        case .enter, .character("n"):
            mode = .editingNote(slug: slug, field: TextField(text: answers.notes[slug] ?? "", maxLength: 500, allowsLineBreaks: true))
        default:
            break
        }
        return .stay
    }

    private mutating func answerFlag(_ flag: String, _ key: Key) -> Outcome {
        let isYes = answers.flags.contains(flag)
        switch key {
        case .character("y"), .character("Y"):
            if !isYes { mode = .redFlagNotice(flag: flag) }
        case .character("n"), .character("N"):
            answers.flags.remove(flag)
            answeredNo.insert(flag)
        case .backspace, .delete:
            // Back to unanswered.
            answers.flags.remove(flag)
            answeredNo.remove(flag)
        case .character(" "), .enter:
            if isYes {
                answers.flags.remove(flag)
                answeredNo.insert(flag)
            } else {
                mode = .redFlagNotice(flag: flag)
            }
        default:
            break
        }
        return .stay
    }

    private mutating func requestLeave(_ leave: Leave) -> Outcome {
        if hasUnsavedAnswers {
            mode = .confirmLeave(then: leave)
            return .stay
        }
        return self.leave(leave)
    }

    private func leave(_ leave: Leave) -> Outcome {
        switch leave {
        case .close: return .close
        case .switchDay(let day): return .switchDay(day)
        }
    }

    /// The same form on another day, keeping the cursor where it was.
    func showing(day newDay: LocalDate, journal: Journal) -> LogSymptomsScreen {
        var form = LogSymptomsScreen(day: newDay, journal: journal)
        form.selection = selection
        return form
    }

    /// Re-reads the answers for the day after a red flag was recorded, keeping other edits.
    mutating func redFlagRecorded(journal: Journal) {
        let fresh = Answers(day: day, journal: journal)
        saved.flags = fresh.flags
        // This form saved it: the new revision is one the form has seen.
        for flag in flags {
            let id = RedFlagReport.entryID(day: day, flag: flag.id)
            shownRevisions[id] = journal.revisionNumber(of: id)
        }
    }

    // MARK: saving

    /// The changes that make the journal match the form, or a message saying what is missing.
    func changes() -> Result<[JournalChange], StatusLine> {
        var changes: [JournalChange] = []
        let catalogue = SymptomCatalogue.shipped
        for symptom in symptoms {
            let slug = symptom.slug
            let grade = answers.grades[slug]
            let note = answers.notes[slug]
            guard let grade else {
                if note != nil && saved.grades[slug] == nil {
                    return .failure(StatusLine("Give \(symptom.name) a grade (0–3) to save its note.", isError: true))
                }
                if saved.grades[slug] != nil {
                    changes.append(.retract(id: SymptomRating.entryID(day: day, symptom: slug), day: day, reason: "cleared in the daily log"))
                }
                continue
            }
            if SymptomRating(symptom: slug, grade: grade, note: note).problem(symptom) == .needsDescription {
                return .failure(StatusLine("Say what \"\(catalogue.name(of: slug))\" is: press n to add a note.", isError: true))
            }
            if grade != saved.grades[slug] || note != saved.notes[slug] {
                let rating = SymptomRating(symptom: slug, grade: grade, note: note)
                changes.append(.put(SymptomRating.entryID(day: day, symptom: slug), day: day, body: .symptom(rating)))
            }
        }
        for flag in flags where !saved.flags.contains(flag.id) && answers.flags.contains(flag.id) {
            let report = RedFlagReport(flag: flag.id, noticeShown: noticeText(flag.id), acknowledgedAt: acknowledged[flag.id])
            changes.append(.put(RedFlagReport.entryID(day: day, flag: flag.id), day: day, body: .redFlag(report)))
        }
        for flag in flags where saved.flags.contains(flag.id) && !answers.flags.contains(flag.id) {
            changes.append(.retract(id: RedFlagReport.entryID(day: day, flag: flag.id), day: day, reason: "answered no in the daily log"))
        }
        return .success(changes)
    }

    /// The outcome of pressing s now.
    func saveOutcome() -> Outcome { save() }

    private func save() -> Outcome {
        switch changes() {
        case .success(let changes): return .save(changes, day: day)
        case .failure(let message): return .message(message)
        }
    }
}
