import JournalCore

/// The monthly checklist in the one screen shape.
extension ChecklistScreen: JournalScreen {
    var wrapped: AppState.Screen { .checklist(self) }

    func keyMap(_ context: ScreenContext) -> KeyMap { keyMap }

    func draw(into canvas: inout Canvas, _ context: ScreenContext) {
        draw(into: &canvas, journal: context.journal, today: context.today, readOnly: context.isReadOnly)
    }

    mutating func handle(_ key: Key, _ context: ScreenContext) -> ScreenOutcome {
        handle(key, journal: context.journal, today: context.today)
    }

    mutating func tookTheirs(_ ids: [EntryID], _ context: ScreenContext) -> ScreenOutcome {
        mode = .browsing
        return .message(StatusLine("Kept what was saved elsewhere; yours was not saved."))
    }
}
