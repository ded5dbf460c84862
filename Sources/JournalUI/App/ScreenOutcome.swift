import JournalCore

/// What a screen answers to a key (or to a save's result). AppState carries it out the same
/// way for every screen.
enum ScreenOutcome: Equatable, Sendable {
    case stay
    /// Show this on the status line.
    case message(StatusLine)
    /// Back to Today.
    case close
    /// Back to Today, saying this.
    case closeSaying(StatusLine)
    /// Show another screen.
    case open(AppState.Screen)
    /// Record these changes unless another copy changed one of their records since it showed
    /// them (`since`: the revision shown of each); when they are on disk, the screen hears
    /// `saved(done:)`, and on a conflict the person is asked (`SaveConflict`).
    case save([JournalChange], done: String, since: [EntryID: Int])
    /// Record these at once, whatever another copy did: a red-flag or self-harm answer is
    /// never lost to a conflict question.
    case saveNow([JournalChange], done: String)
    /// Read the journal again from the disk.
    case reload
    case quit

    /// A save of what `shown` showed.
    static func save(_ changes: [JournalChange], done: String, shown: ShownJournal) -> ScreenOutcome {
        .save(changes, done: done, since: shown.revisions(of: changes))
    }
}

extension AppState {
    /// Carries out a screen's outcome.
    mutating func follow(_ outcome: ScreenOutcome) -> [Effect] {
        switch outcome {
        case .stay:
            return []
        case .message(let line):
            status = line
            return []
        case .close:
            screen = .today(TodayScreen())
            return []
        case .closeSaying(let line):
            screen = .today(TodayScreen())
            status = line
            return []
        case .open(let next):
            screen = next
            return []
        case .save(let changes, let done, let since):
            pendingSave = done
            savingChanges = changes
            return [.recordUnlessChanged(changes, since: since)]
        case .saveNow(let changes, let done):
            pendingSave = done
            savingChanges = changes
            return [.record(changes)]
        case .reload:
            reloadAsked = true
            return [.reload]
        case .quit:
            return [.quit]
        }
    }
}
