import JournalCore

/// The next course's form in the one screen shape: once saved, Today shows the new course.
extension NewCourseScreen: JournalScreen {
    var wrapped: AppState.Screen { .newCourse(self) }

    func keyMap(_ context: ScreenContext) -> KeyMap { keyMap }

    func draw(into canvas: inout Canvas, _ context: ScreenContext) { draw(into: &canvas, journal: context.journal) }

    mutating func handle(_ key: Key, _ context: ScreenContext) -> ScreenOutcome {
        handle(key, journal: context.journal, today: context.today)
    }

    func saved(_ context: ScreenContext, done: String) -> ScreenOutcome { .closeSaying(StatusLine(done)) }

    func tookTheirs(_ ids: [EntryID], _ context: ScreenContext) -> ScreenOutcome {
        .closeSaying(StatusLine("Kept what was saved elsewhere; yours was not saved."))
    }
}
