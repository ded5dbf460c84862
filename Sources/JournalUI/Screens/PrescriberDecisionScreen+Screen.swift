import JournalCore

/// The prescriber's decision form in the one screen shape: once saved, Today shows the new state.
extension PrescriberDecisionScreen: JournalScreen {
    var wrapped: AppState.Screen { .decision(self) }

    func keyMap(_ context: ScreenContext) -> KeyMap { keyMap }

    func draw(into canvas: inout Canvas, _ context: ScreenContext) {
        draw(into: &canvas, journal: context.journal, now: context.now, timeZone: context.timeZone)
    }

    mutating func handle(_ key: Key, _ context: ScreenContext) -> ScreenOutcome {
        handle(key, journal: context.journal, now: context.now, timeZone: context.timeZone)
    }

    func saved(_ context: ScreenContext, done: String) -> ScreenOutcome { .closeSaying(StatusLine(done)) }

    func tookTheirs(_ ids: [EntryID], _ context: ScreenContext) -> ScreenOutcome {
        .closeSaying(StatusLine("Kept what was saved elsewhere; yours was not saved."))
    }
}
