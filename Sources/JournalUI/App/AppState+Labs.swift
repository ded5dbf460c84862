import JournalCore

/// Routing for the Labs screen, kept beside it so AppState only names it.
extension AppState {
    mutating func handleLabs(_ key: Key, _ labs: LabsScreen) -> [Effect] {
        var labs = labs
        let outcome = labs.handle(key, journal: journal, today: today)
        screen = .labs(labs)
        // A lab save re-reads the screen's records and may show a flag notice (`labsSaved`).
        return follow(outcome, whenSaved: PendingSave.labs)
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
