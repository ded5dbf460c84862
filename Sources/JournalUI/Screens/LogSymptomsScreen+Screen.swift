import JournalCore

/// The daily log in the one screen shape: its own outcomes turned into AppState's.
extension LogSymptomsScreen: JournalScreen {
    var wrapped: AppState.Screen { .logSymptoms(self) }

    func keyMap(_ context: ScreenContext) -> KeyMap { keyMap }

    func draw(into canvas: inout Canvas, _ context: ScreenContext) { draw(into: &canvas, today: context.today) }

    mutating func handle(_ key: Key, _ context: ScreenContext) -> ScreenOutcome {
        follow(handle(key, today: context.today, now: context.now), context)
    }

    /// A red-flag answer saved at once stays on the form with the alarm; the form saved closes.
    mutating func saved(_ context: ScreenContext, done: String) -> ScreenOutcome {
        if recordingRedFlag {
            recordingRedFlag = false
            redFlagRecorded(journal: context.journal)
            return .message(StatusLine(done, isError: true))
        }
        return .closeSaying(StatusLine(done))
    }

    mutating func tookTheirs(_ ids: [EntryID], _ context: ScreenContext) -> ScreenOutcome {
        takeSaved(ids, journal: context.journal)
        return .message(StatusLine("Showing what was saved elsewhere; your other answers are kept (not saved yet)."))
    }

    /// The form works its changes out again against what is now saved.
    mutating func keptMine(_ mine: [JournalChange], done: String, _ context: ScreenContext) -> ScreenOutcome {
        adopt(context.journal)
        return follow(saveOutcome(), context)
    }

    mutating func reloaded(_ context: ScreenContext) {
        guard !hasUnsavedAnswers, mode == .browsing else { return }
        self = showing(day: day, journal: context.journal)
    }

    private mutating func follow(_ outcome: Outcome, _ context: ScreenContext) -> ScreenOutcome {
        switch outcome {
        case .stay: return .stay
        case .message(let line): return .message(line)
        case .close: return .close
        case .switchDay(let newDay):
            self = showing(day: newDay, journal: context.journal)
            return .stay
        case .save(let changes, let day):
            let when = DateText.relative(day, today: context.today)
            guard !changes.isEmpty else { return .closeSaying(StatusLine("Nothing changed for \(when).")) }
            return .save(changes, done: "Saved \(changes.count) change\(changes.count == 1 ? "" : "s") for \(when).",
                         since: revisionsWhenShown(of: changes))
        case .recordRedFlag(let change):
            recordingRedFlag = true
            return .saveNow([change], done: "Red flag recorded. Please contact your prescriber now.")
        }
    }
}
