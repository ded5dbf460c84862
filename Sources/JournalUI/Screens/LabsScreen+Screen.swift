import JournalCore

/// The Labs screen in the one screen shape.
extension LabsScreen: JournalScreen {
    var wrapped: AppState.Screen { .labs(self) }

    func keyMap(_ context: ScreenContext) -> KeyMap { keyMap(today: context.today) }

    func draw(into canvas: inout Canvas, _ context: ScreenContext) {
        draw(into: &canvas, today: context.today, dating: FutureDating(now: context.now, timeZone: context.timeZone))
    }

    mutating func handle(_ key: Key, _ context: ScreenContext) -> ScreenOutcome {
        handle(key, journal: context.journal, today: context.today)
    }

    /// The save landed: the screen re-reads its records and shows a flag notice if one is due.
    mutating func saved(_ context: ScreenContext, done: String) -> ScreenOutcome {
        saved(journal: context.journal)
        return .message(StatusLine(done))
    }

    mutating func tookTheirs(_ ids: [EntryID], _ context: ScreenContext) -> ScreenOutcome {
        showSaved(journal: context.journal)
        return .message(StatusLine("Kept what was saved elsewhere; yours was not saved."))
    }

    mutating func reloaded(_ context: ScreenContext) { saved(journal: context.journal) }
}
