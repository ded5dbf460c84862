import JournalCore

/// Leaving: Ctrl-C quits at once unless the screen holds input not saved yet; then it asks
/// once, and a second Ctrl-C leaves, saying on the way out what was not saved.
extension AppState {
    mutating func controlC() -> [Effect] {
        guard let unsaved = screen.content.unsavedInput else { return [.quit] }
        if quitAsked {
            farewell = "Quit without saving \(unsaved)."
            return [.quit]
        }
        quitAsked = true
        status = StatusLine("Unsaved changes: press Ctrl-C again to quit without saving", isError: true)
        return []
    }

    /// A signal leaves at once; what it threw away is still said.
    mutating func terminate() -> [Effect] {
        if let unsaved = screen.content.unsavedInput { farewell = "Quit without saving \(unsaved)." }
        return [.quit]
    }
}
