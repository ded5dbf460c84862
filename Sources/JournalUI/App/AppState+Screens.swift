import JournalCore

/// The list of screens: each case's screen, as the one shape AppState works with.
extension AppState.Screen {
    var content: any JournalScreen {
        switch self {
        case .today(let screen): return screen
        case .logSymptoms(let screen): return screen
        case .labs(let screen): return screen
        case .courseSetup(let screen): return screen
        case .doseLog(let screen): return screen
        case .checklist(let screen): return screen
        case .moodCheck(let screen): return screen
        case .history(let screen): return screen
        case .decision(let screen): return screen
        case .newCourse(let screen): return screen
        }
    }
}

extension AppState {
    /// What the screens are given with a key or a drawing.
    var context: ScreenContext {
        ScreenContext(journal: journal, now: now, timeZone: timeZone, height: height, readOnlyReason: readOnlyReason)
    }

    /// Lets the showing screen act (a key, a save's result), keeps what it changed in itself,
    /// and carries out its answer.
    mutating func withScreen(_ act: (inout any JournalScreen, ScreenContext) -> ScreenOutcome) -> [Effect] {
        var content = screen.content
        let outcome = act(&content, context)
        screen = content.wrapped
        return follow(outcome)
    }

    /// The keys of the showing screen.
    var keyMap: KeyMap { screen.content.keyMap(context) }

    /// A read-only session refuses the keys the screen declares as editing, before the screen
    /// sees them, so nothing is typed for nothing (`refusingWritesIfReadOnly` is the net behind).
    mutating func refusesEditKeyWhenReadOnly(_ key: Key) -> Bool {
        guard let readOnlyReason, keyMap.edits(key) else { return false }
        status = StatusLine("Read-only: \(readOnlyReason)", isError: true)
        return true
    }
}
