import JournalCore

/// One shape for every screen. AppState hands each key to the showing screen and carries out
/// what it answers (`ScreenOutcome`); results of the saves a screen asked for come back to it.
///
/// Adding a screen: a type conforming to this in one file, a case in `AppState.Screen` and its
/// line in `AppState.Screen.content` (AppState+Screens.swift).
protocol JournalScreen: Equatable, Sendable {
    /// The keys it answers now: drawn as the hint bar, listed in the help, and the read-only gate.
    func keyMap(_ context: ScreenContext) -> KeyMap
    mutating func handle(_ key: Key, _ context: ScreenContext) -> ScreenOutcome
    func draw(into canvas: inout Canvas, _ context: ScreenContext)
    /// A save this screen asked for is on disk; `done` is what it said it would say.
    mutating func saved(_ context: ScreenContext, done: String) -> ScreenOutcome
    /// Another copy saved the same records first and the person chose theirs: show them.
    mutating func tookTheirs(_ ids: [EntryID], _ context: ScreenContext) -> ScreenOutcome
    /// The person chose to keep their own changes over the newer ones: what to save now.
    mutating func keptMine(_ mine: [JournalChange], done: String, _ context: ScreenContext) -> ScreenOutcome
    /// The journal was read again (another copy saved): show it, keeping place and input.
    mutating func reloaded(_ context: ScreenContext)
    /// This screen inside AppState's list of screens.
    var wrapped: AppState.Screen { get }
    /// What the person typed or chose here and has not saved, in a few words ("the symptom
    /// log for Thu 26 Nov"); nil when nothing. Ctrl-C asks before throwing it away.
    var unsavedInput: String? { get }
}

extension JournalScreen {
    func saved(_ context: ScreenContext, done: String) -> ScreenOutcome { .message(StatusLine(done)) }

    func tookTheirs(_ ids: [EntryID], _ context: ScreenContext) -> ScreenOutcome {
        .message(StatusLine("Kept what was saved elsewhere; yours was not saved."))
    }

    func keptMine(_ mine: [JournalChange], done: String, _ context: ScreenContext) -> ScreenOutcome {
        .save(mine, done: done, shown: ShownJournal(context.journal))
    }

    /// Screens that draw from the journal itself need nothing; forms keep their input.
    func reloaded(_ context: ScreenContext) {}

    var unsavedInput: String? { nil }
    var hasUnsavedInput: Bool { unsavedInput != nil }
}
