import JournalCore

/// The Doses screen in the one screen shape.
extension DoseLogScreen: JournalScreen {
    var wrapped: AppState.Screen { .doseLog(self) }

    func keyMap(_ context: ScreenContext) -> KeyMap { keyMap(readOnly: context.isReadOnly) }

    func draw(into canvas: inout Canvas, _ context: ScreenContext) {
        draw(into: &canvas, journal: context.journal, now: context.now, timeZone: context.timeZone, isReadOnly: context.isReadOnly)
    }

    mutating func handle(_ key: Key, _ context: ScreenContext) -> ScreenOutcome {
        handle(key, journal: context.journal, now: context.now, timeZone: context.timeZone)
    }

    mutating func tookTheirs(_ ids: [EntryID], _ context: ScreenContext) -> ScreenOutcome {
        mode = .browsing
        return .message(StatusLine("Kept what was saved elsewhere; yours was not saved."))
    }
}
