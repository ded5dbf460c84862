import JournalCore

/// What a screen that saves and stays open asks for after a key: the Doses, Checklist and
/// Labs screens share it, so AppState follows them all the same way.
enum ScreenOutcome: Equatable {
    case stay
    /// Show this on the status line.
    case message(StatusLine)
    /// Back to Today.
    case close
    /// Record these changes; when they are on disk, say `done`.
    case save([JournalChange], done: String)
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
        case .save(let changes, let done):
            pendingSave = whenSaved(done)
            return [.record(changes)]
        }
    }
}
