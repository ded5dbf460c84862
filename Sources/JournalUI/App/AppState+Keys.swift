import JournalCore

/// The keys of the showing screen, from the screen's own declaration (see `KeyMap`).
extension AppState {
    var keyMap: KeyMap {
        let readOnly = readOnlyReason != nil
        switch screen {
        case .today:
            let awaitsDecision = journal.courseRecords?.state(at: now, zone: timeZone).awaitsDecision ?? false
            return TodayScreen.keyMap(awaitsDecision: awaitsDecision, readOnly: readOnly)
        case .logSymptoms(let form): return form.keyMap
        case .labs(let labs): return labs.keyMap(today: today)
        case .courseSetup(let form): return form.keyMap
        case .doseLog(let doses): return doses.keyMap(readOnly: readOnly)
        case .checklist(let checklist): return checklist.keyMap
        case .moodCheck(let check): return check.keyMap
        case .history(let history): return history.keyMap
        case .decision(let decision): return decision.keyMap
        case .newCourse(let form): return form.keyMap
        }
    }

    /// A read-only session refuses the keys the screen declares as editing, before the screen
    /// sees them, so nothing is typed for nothing (`refusingWritesIfReadOnly` is the net behind).
    mutating func refusesEditKeyWhenReadOnly(_ key: Key) -> Bool {
        guard let readOnlyReason, keyMap.edits(key) else { return false }
        status = StatusLine("Read-only: \(readOnlyReason)", isError: true)
        return true
    }
}
