import JournalCore

/// Routing for the course screens: setup, doses, the monthly checklist and the mood check.
extension AppState {
    mutating func handleCourseSetup(_ key: Key, _ form: CourseSetupScreen) -> [Effect] {
        var form = form
        switch form.handle(key, journal: journal, today: today) {
        case .stay:
            screen = .courseSetup(form)
        case .close:
            screen = .today
            if form.isFirstSetup { status = StatusLine("Set up your course any time with c.") }
        case .save(let changes):
            screen = .courseSetup(form)
            guard !changes.isEmpty else {
                screen = .today
                status = StatusLine("Nothing changed in the course.")
                return []
            }
            pendingSave = .courseSetup
            return [.record(changes)]
        }
        return []
    }

    mutating func handleDoseLog(_ key: Key, _ doses: DoseLogScreen) -> [Effect] {
        var doses = doses
        let outcome = doses.handle(key, journal: journal, now: now, timeZone: timeZone)
        screen = .doseLog(doses)
        switch outcome {
        case .stay: return []
        case .message(let line): status = line; return []
        case .close: screen = .today; return []
        case .save(let changes, let done): return save(changes, done: done)
        }
    }

    mutating func handleChecklist(_ key: Key, _ checklist: ChecklistScreen) -> [Effect] {
        var checklist = checklist
        let outcome = checklist.handle(key, journal: journal, today: today)
        screen = .checklist(checklist)
        switch outcome {
        case .stay: return []
        case .message(let line): status = line; return []
        case .close: screen = .today; return []
        case .save(let changes, let done):
            if let readOnlyReason { status = StatusLine("Read-only: \(readOnlyReason)", isError: true); return [] }
            return save(changes, done: done)
        }
    }

    mutating func handleMoodCheck(_ key: Key, _ check: MoodCheckScreen) -> [Effect] {
        var check = check
        let outcome = check.handle(key, now: now)
        screen = .moodCheck(check)
        switch outcome {
        case .stay: return []
        case .close: screen = .today; return []
        case .save(let change): return save([change], done: "Mood check saved.")
        }
    }

    /// Records changes from a screen that stays open, then says `done`.
    private mutating func save(_ changes: [JournalChange], done: String) -> [Effect] {
        pendingSave = .stay(done: done)
        return [.record(changes)]
    }
}
