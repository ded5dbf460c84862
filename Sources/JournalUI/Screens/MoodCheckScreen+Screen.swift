import JournalCore

/// The mood check in the one screen shape.
extension MoodCheckScreen: JournalScreen {
    var wrapped: AppState.Screen { .moodCheck(self) }

    func keyMap(_ context: ScreenContext) -> KeyMap { keyMap }

    func draw(into canvas: inout Canvas, _ context: ScreenContext) {
        draw(into: &canvas, crisisLine: context.journal.programmeSettings.crisisLine)
    }

    mutating func handle(_ key: Key, _ context: ScreenContext) -> ScreenOutcome {
        switch handle(key, now: context.now) {
        case .stay: return .stay
        case .close: return .close
        case .save(let change):
            // An answer about self-harm is saved whatever another copy did, as a red flag is.
            if holdsCrisisAnswer { return .saveNow([change], done: "Mood check saved.") }
            return .save([change], done: "Mood check saved.", shown: shown)
        }
    }

    /// Its own save: s again must not ask about it.
    mutating func saved(_ context: ScreenContext, done: String) -> ScreenOutcome {
        shown = ShownJournal(context.journal)
        return .message(StatusLine(done))
    }

    func tookTheirs(_ ids: [EntryID], _ context: ScreenContext) -> ScreenOutcome {
        .closeSaying(StatusLine("Kept what was saved elsewhere; yours was not saved."))
    }
}
