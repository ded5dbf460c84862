import JournalCore

/// The history in the one screen shape.
extension HistoryScreen: JournalScreen {
    var wrapped: AppState.Screen { .history(self) }

    func keyMap(_ context: ScreenContext) -> KeyMap { keyMap }

    func draw(into canvas: inout Canvas, _ context: ScreenContext) { draw(into: &canvas, context: Context(context)) }

    mutating func handle(_ key: Key, _ context: ScreenContext) -> ScreenOutcome {
        switch handle(key, context: Context(context)) {
        case .stay: return .stay
        case .message(let line): return .message(line)
        case .close: return .close
        case .reload: return .reload
        }
    }

    mutating func reloaded(_ context: ScreenContext) { prepare(context: Context(context)) }
}

extension HistoryScreen.Context {
    init(_ context: ScreenContext) {
        self.init(journal: context.journal, now: context.now, timeZone: context.timeZone, height: context.height)
    }
}
