import JournalCore

/// Routing for the History screen (timeline, calendar, trends, filters, edit history).
extension AppState {
    var historyContext: HistoryScreen.Context {
        HistoryScreen.Context(journal: journal, now: now, timeZone: timeZone, height: height)
    }

    mutating func openHistory() {
        var history = HistoryScreen(isReadOnly: readOnlyReason != nil)
        history.prepare(context: historyContext)
        screen = .history(history)
    }

    mutating func handleHistory(_ key: Key, _ history: HistoryScreen) -> [Effect] {
        var history = history
        let outcome = history.handle(key, context: historyContext)
        screen = .history(history)
        switch outcome {
        case .stay: return []
        case .message(let line): status = line; return []
        case .close: screen = .today; return []
        case .reload: return [.reload]
        }
    }
}
