import JournalCore

/// The course setup form in the one screen shape.
extension CourseSetupScreen: JournalScreen {
    var wrapped: AppState.Screen { .courseSetup(self) }

    func keyMap(_ context: ScreenContext) -> KeyMap { keyMap }

    func draw(into canvas: inout Canvas, _ context: ScreenContext) { draw(into: &canvas) }

    mutating func handle(_ key: Key, _ context: ScreenContext) -> ScreenOutcome {
        switch handle(key, journal: context.journal, today: context.today) {
        case .stay:
            return .stay
        case .close:
            return isFirstSetup ? .closeSaying(StatusLine("Set up your course any time with c.")) : .close
        case .save(let changes):
            guard !changes.isEmpty else { return .closeSaying(StatusLine("Nothing changed in the course.")) }
            return .save(changes, done: "Course saved.", shown: shown)
        }
    }

    func saved(_ context: ScreenContext, done: String) -> ScreenOutcome { .closeSaying(StatusLine(done)) }

    mutating func tookTheirs(_ ids: [EntryID], _ context: ScreenContext) -> ScreenOutcome {
        self = CourseSetupScreen(journal: context.journal, today: context.today)
        return .message(StatusLine("Showing the course as saved elsewhere; yours was not saved."))
    }
}
