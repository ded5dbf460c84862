import Foundation
import JournalCore

/// The whole interactive program as a value: the journal, the clock as last told, the
/// window size, and which screen is showing with its own state.
///
/// `update` is the only way it changes and is pure: anything that touches the world is
/// returned as an `Effect`. `view` draws it. Tests drive both directly.
public struct AppState: Sendable {
    /// Every screen; each case's screen conforms to `JournalScreen` (see AppState+Screens.swift).
    public enum Screen: Sendable, Equatable {
        case today(TodayScreen)
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
    public var screen: Screen = .today(TodayScreen())
    public var isOnToday: Bool { if case .today = screen { return true } else { return false } }
    public var status: StatusLine?
    /// Things the store said on opening (a torn last line set aside, permissions tightened).
    public var notices: [String]
    /// Set when the journal must not be changed (caregiver view, newer file format).
    public let readOnlyReason: String?
    /// A save is on its way to the disk; what the screen that asked will say when it lands.
    var pendingSave: String?
    /// What that save writes, kept for "keep mine" if it meets a conflict.
    var savingChanges: [JournalChange] = []
    /// A save found its records changed elsewhere; the person chooses what to keep.
    var conflict: SaveConflict?
    /// R was pressed: the reload's answer is said even when nothing is new.
    var reloadAsked = false
    /// Ctrl-C was pressed once over unsaved input; a second one quits.
    var quitAsked = false
    /// What the program says as it leaves (what was not saved), for the loop to print.
    public internal(set) var farewell: String?
    /// The help overlay is open over the screen (`?` or F1).
    var showingHelp = false
    /// Where the journal is kept ("the folder /home/…", "the snapshot file …"), for the help.
    public let whereKept: String?
    /// The program's version, for the help.
    public let version: String?

    public static let minimumWidth = 40
    public static let minimumHeight = 12

    /// - Parameter offerSetup: open the course setup first when the journal is new (first run).
    public init(journal: Journal, now: Date, timeZone: TimeZone, width: Int, height: Int,
                notices: [String] = [], readOnlyReason: String? = nil, offerSetup: Bool = false,
                whereKept: String? = nil, version: String? = nil) {
        self.journal = journal
        self.whereKept = whereKept
        self.version = version
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
            return terminate()
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
        if key == .control("c") { return controlC() }
        quitAsked = false
        if key == .control("z") { return [.suspend] }
        if case .paste = key, !notices.isEmpty || pendingSave != nil || !view().typing {
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
        if showingHelp {
            if [.escape, .character("?"), .function(1)].contains(key) { showingHelp = false }
            return []
        }
        status = nil
        // `?` is a character in a field being typed in; F1 opens the help from anywhere it is offered.
        if keyMap.opensHelp(key), key != .character("?") || !view().typing {
            showingHelp = true
            return []
        }
        if key == .character("R"), !view().typing {
            // Every screen: read what other copies saved (never while typing: R is then a letter).
            return follow(.reload)
        }
        if refusesEditKeyWhenReadOnly(key) { return [] }
        return withScreen { screen, context in screen.handle(key, context) }
    }

    private mutating func finishSave(_ result: Result<Journal, SaveFailure>) -> [Effect] {
        guard let done = pendingSave else { return [] }
        pendingSave = nil
        switch result {
        case .failure(let failure):
            // The screen keeps everything the person typed; they can try again.
            status = StatusLine(failure.message, isError: true)
            return []
        case .success(let saved):
            journal = saved
            return withScreen { screen, context in screen.saved(context, done: done) }
        }
    }

    // MARK: view

    public func view() -> Canvas {
        var canvas = Canvas(width: width, height: height)
        if width < Self.minimumWidth || height < Self.minimumHeight {
            TooSmallNotice.draw(into: &canvas, minimumWidth: Self.minimumWidth, minimumHeight: Self.minimumHeight)
            return canvas
        }
        screen.content.draw(into: &canvas, context)
        if readOnlyReason != nil { Self.markReadOnly(&canvas) }
        // A record marked "⚠ future" anywhere on the screen: the status line says what the mark means.
        let legend = status == nil && canvas.text.contains(FutureDating.mark) ? StatusLine(FutureDating.legend) : nil
        Chrome.drawStatus(status ?? legend, into: &canvas)
        if showingHelp {
            HelpOverlay(keyMap: keyMap, readOnly: readOnlyReason != nil, whereKept: whereKept, version: version).draw(into: &canvas)
        }
        if let conflict {
            canvas.cursor = nil
            canvas.typing = false
            conflictDialog(conflict).draw(into: &canvas)
        }
        if let notice = notices.first {
            canvas.cursor = nil
            canvas.typing = false
            Dialog(title: "Please note", lines: [notice], prompt: "Press Enter to continue.", style: .warning).draw(into: &canvas)
        }
        return canvas
    }
}
