import Foundation
import JournalCore

/// The whole interactive program as a value: the journal, the clock as last told, the
/// window size, and which screen is showing with its own state.
///
/// `update` is the only way it changes and is pure: anything that touches the world is
/// returned as an `Effect`. `view` draws it. Tests drive both directly.
public struct AppState: Sendable {
    public enum Screen: Sendable, Equatable {
        case today
        case logSymptoms(LogSymptomsScreen)
        case labs(LabsScreen)
        case courseSetup(CourseSetupScreen)
        case doseLog(DoseLogScreen)
        case checklist(ChecklistScreen)
        case moodCheck(MoodCheckScreen)
        case history(HistoryScreen)
        case decision(PrescriberDecisionScreen)
        case newCourse(NewCourseScreen)
    }

    public var journal: Journal
    public private(set) var now: Date
    public let timeZone: TimeZone
    public private(set) var width: Int
    public private(set) var height: Int
    public var screen: Screen = .today
    /// Which of Today's reminders ↑↓ has selected (for snooze and dismiss).
    var reminderSelection = 0
    public var status: StatusLine?
    /// Things the store said on opening (a torn last line set aside, permissions tightened).
    public var notices: [String]
    /// Set when the journal must not be changed (caregiver view, newer file format).
    public let readOnlyReason: String?
    /// A save is on its way to the disk; what to do when it lands.
    var pendingSave: PendingSave?
    /// What that save writes, kept for "keep mine" if it meets a conflict.
    var savingChanges: [JournalChange] = []
    /// A save found its records changed elsewhere; the person chooses what to keep.
    var conflict: SaveConflict?
    /// R was pressed: the reload's answer is said even when nothing is new.
    var reloadAsked = false

    public static let minimumWidth = 40
    public static let minimumHeight = 12

    /// - Parameter offerSetup: open the course setup first when the journal is new (first run).
    public init(journal: Journal, now: Date, timeZone: TimeZone, width: Int, height: Int,
                notices: [String] = [], readOnlyReason: String? = nil, offerSetup: Bool = false) {
        self.journal = journal
        self.now = now
        self.timeZone = timeZone
        self.width = width
        self.height = height
        self.notices = notices
        self.readOnlyReason = readOnlyReason
        if offerSetup, readOnlyReason == nil, journal.revisions.isEmpty {
            screen = .courseSetup(CourseSetupScreen(journal: journal, today: Timestamp.localDate(of: now, in: timeZone)))
        }
    }

    public var today: LocalDate { Timestamp.localDate(of: now, in: timeZone) }

    enum PendingSave: Sendable, Equatable {
        /// The symptom form was saved: go back to Today.
        case symptomForm(changeCount: Int, day: LocalDate)
        /// A red-flag answer was recorded the moment its notice was closed.
        case redFlag
        /// Something from the Labs screen: stay there and say what was saved.
        case labs(done: String)
        /// The course setup form was saved: back to Today.
        case courseSetup
        /// Saved from a screen that stays open (doses, checklist, mood check): say what was saved.
        case stay(done: String)
        /// The prescriber's decision was recorded: back to Today, which now shows the new state.
        case decision(done: String)
    }

    // MARK: update

    public mutating func update(_ msg: Msg) -> [Effect] {
        switch msg {
        case .tick(let time):
            now = time
            return []
        case .resize(let newWidth, let newHeight):
            width = max(0, newWidth)
            height = max(0, newHeight)
            return []
        case .terminate:
            return [.quit]
        case .recorded(let result):
            return finishSave(result)
        case .reloaded(let result):
            return finishReload(result)
        case .changedElsewhere(let newer, let ids):
            return changedElsewhere(newer, ids: ids)
        case .key(let key):
            // The one gate every save passes: a read-only journal never gets a `.record`.
            return refusingWritesIfReadOnly(handle(key))
        }
    }

    private mutating func handle(_ key: Key) -> [Effect] {
        if key == .control("c") { return [.quit] }
        if key == .control("z") { return [.suspend] }
        if case .paste = key, !notices.isEmpty || pendingSave != nil || view().cursor == nil {
            // Only a field being typed in takes text; anywhere else a paste would be commands.
            status = StatusLine("Nothing was pasted: a paste goes only into a field you are typing in.")
            return []
        }
        if conflict != nil { return handleConflict(key) }
        if !notices.isEmpty {
            // Store notices are read before anything else, closed with Enter.
            if key == .enter || key == .escape { notices.removeFirst() }
            return []
        }
        if pendingSave != nil { return [] } // a save is in flight; keys wait for its answer
        status = nil
        if key == .character("R"), view().cursor == nil {
            // Every screen: read what other copies saved (never while typing: R is then a letter).
            reloadAsked = true
            return [.reload]
        }
        if refusesEditKeyWhenReadOnly(key) { return [] }
        switch screen {
        case .today:
            return handleToday(key)
        case .logSymptoms(var form):
            let outcome = form.handle(key, today: today, now: now)
            screen = .logSymptoms(form)
            return apply(outcome)
        case .labs(let labs):
            return handleLabs(key, labs)
        case .courseSetup(let form):
            return handleCourseSetup(key, form)
        case .doseLog(let doses):
            return handleDoseLog(key, doses)
        case .checklist(let checklist):
            return handleChecklist(key, checklist)
        case .moodCheck(let check):
            return handleMoodCheck(key, check)
        case .history(let history):
            return handleHistory(key, history)
        case .decision(let decision):
            return handleDecision(key, decision)
        case .newCourse(let form):
            return handleNewCourse(key, form)
        }
    }

    mutating func apply(_ outcome: LogSymptomsScreen.Outcome) -> [Effect] {
        switch outcome {
        case .stay:
            return []
        case .message(let line):
            status = line
            return []
        case .close:
            screen = .today
            return []
        case .switchDay(let day):
            if case .logSymptoms(let form) = screen { screen = .logSymptoms(form.showing(day: day, journal: journal)) }
            return []
        case .save(let changes, let day):
            if changes.isEmpty {
                screen = .today
                status = StatusLine("Nothing changed for \(DateText.relative(day, today: today)).")
                return []
            }
            guard case .logSymptoms(let form) = screen else { return [] }
            return save(changes, since: form.revisionsWhenShown(of: changes), then: .symptomForm(changeCount: changes.count, day: day))
        case .recordRedFlag(let change):
            pendingSave = .redFlag
            return [.record([change])]
        }
    }

    private mutating func finishSave(_ result: Result<Journal, SaveFailure>) -> [Effect] {
        guard let pending = pendingSave else { return [] }
        pendingSave = nil
        switch result {
        case .failure(let failure):
            // The form keeps everything the person typed; they can try again.
            status = StatusLine(failure.message, isError: true)
        case .success(let saved):
            journal = saved
            switch pending {
            case let .symptomForm(count, day):
                screen = .today
                status = StatusLine("Saved \(count) change\(count == 1 ? "" : "s") for \(DateText.relative(day, today: today)).")
            case .redFlag:
                if case .logSymptoms(var form) = screen {
                    form.redFlagRecorded(journal: saved)
                    screen = .logSymptoms(form)
                }
                status = StatusLine("Red flag recorded. Please contact your prescriber now.", isError: true)
            case .labs(let done):
                labsSaved(saved, done: done)
            case .courseSetup:
                screen = .today
                status = StatusLine("Course saved.")
            case .stay(let done):
                if case .moodCheck(var check) = screen {
                    check.shown = ShownJournal(saved) // its own save: s again must not ask
                    screen = .moodCheck(check)
                }
                status = StatusLine(done)
            case .decision(let done):
                screen = .today
                status = StatusLine(done)
            }
        }
        return []
    }

    // MARK: view

    public func view() -> Canvas {
        var canvas = Canvas(width: width, height: height)
        if width < Self.minimumWidth || height < Self.minimumHeight {
            TooSmallNotice.draw(into: &canvas, minimumWidth: Self.minimumWidth, minimumHeight: Self.minimumHeight)
            return canvas
        }
        switch screen {
        case .today:
            TodayScreen.draw(into: &canvas, journal: journal, now: now, timeZone: timeZone,
                             readOnlyReason: readOnlyReason, reminderSelection: reminderSelection)
        case .logSymptoms(let form):
            form.draw(into: &canvas, today: today)
        case .labs(let labs):
            labs.draw(into: &canvas, today: today, dating: FutureDating(now: now, timeZone: timeZone))
        case .courseSetup(let form):
            form.draw(into: &canvas)
        case .doseLog(let doses):
            doses.draw(into: &canvas, journal: journal, now: now, timeZone: timeZone, isReadOnly: readOnlyReason != nil)
        case .checklist(let checklist):
            checklist.draw(into: &canvas, journal: journal, today: today, readOnly: readOnlyReason != nil)
        case .moodCheck(let check):
            check.draw(into: &canvas, crisisLine: journal.programmeSettings.crisisLine)
        case .history(let history):
            history.draw(into: &canvas, context: historyContext)
        case .decision(let decision):
            decision.draw(into: &canvas, journal: journal, now: now, timeZone: timeZone)
        case .newCourse(let form):
            form.draw(into: &canvas, journal: journal)
        }
        if readOnlyReason != nil { Self.markReadOnly(&canvas) }
        // A record marked "⚠ future" anywhere on the screen: the status line says what the mark means.
        let legend = status == nil && canvas.text.contains(FutureDating.mark) ? StatusLine(FutureDating.legend) : nil
        Chrome.drawStatus(status ?? legend, into: &canvas)
        if let conflict {
            canvas.cursor = nil
            conflictDialog(conflict).draw(into: &canvas)
        }
        if let notice = notices.first {
            canvas.cursor = nil
            Dialog(title: "Please note", lines: [notice], prompt: "Press Enter to continue.", style: .warning).draw(into: &canvas)
        }
        return canvas
    }
}
