import JournalCore

/// What a screen that saves and stays open asks for after a key: the Doses, Checklist and
/// Labs screens share it, so AppState follows them all the same way.
enum ScreenOutcome: Equatable {
    case stay
    /// Show this on the status line.
    case message(StatusLine)
    /// Back to Today.
    case close
    /// Record these changes unless another copy changed one of their records since `shown`;
    /// when they are on disk, say `done`.
    case save([JournalChange], done: String, shown: ShownJournal)
}

extension AppState {
    /// Carries out a screen's outcome. `whenSaved` says what to do once a save lands.
    mutating func follow(_ outcome: ScreenOutcome, whenSaved: (String) -> PendingSave = PendingSave.stay) -> [Effect] {
        switch outcome {
        case .stay:
            return []
        case .message(let line):
            status = line
            return []
        case .close:
            screen = .today
            return []
        case .save(let changes, let done, let shown):
            return save(changes, since: shown.revisions(of: changes), then: whenSaved(done))
        }
    }

    /// The one way a screen's save leaves: written only if each record is still at the revision
    /// the screen showed; the changes are kept so "keep mine" can send them again.
    mutating func save(_ changes: [JournalChange], since: [EntryID: Int], then pending: PendingSave) -> [Effect] {
        pendingSave = pending
        savingChanges = changes
        return [.recordUnlessChanged(changes, since: since)]
    }
}
