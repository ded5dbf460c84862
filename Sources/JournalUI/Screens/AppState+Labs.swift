import JournalCore

/// Routing for the Labs screen, kept beside it so AppState only names it.
extension AppState {
    mutating func handleLabs(_ key: Key, _ labs: LabsScreen) -> [Effect] {
        var labs = labs
        let outcome = labs.handle(key, today: today)
        screen = .labs(labs)
        switch outcome {
        case .stay: return []
        case .message(let line): status = line; return []
        case .close: screen = .today; return []
        case .save(let changes, let done):
            pendingSave = .labs(done: done)
            return [.record(changes)]
        }
    }

    /// The save landed: the screen re-reads its records and shows a flag notice if one is due.
    mutating func labsSaved(_ saved: Journal, done: String) {
        if case .labs(var labs) = screen {
            labs.saved(journal: saved)
            screen = .labs(labs)
        }
        status = StatusLine(done)
    }
}
