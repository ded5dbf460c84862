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
            return save(changes, since: form.shown.revisions(of: changes), then: .courseSetup)
        }
        return []
    }

    mutating func handleDoseLog(_ key: Key, _ doses: DoseLogScreen) -> [Effect] {
        var doses = doses
        let outcome = doses.handle(key, journal: journal, now: now, timeZone: timeZone)
        screen = .doseLog(doses)
        return follow(outcome)
    }

    mutating func handleChecklist(_ key: Key, _ checklist: ChecklistScreen) -> [Effect] {
        var checklist = checklist
        let outcome = checklist.handle(key, journal: journal, today: today)
        screen = .checklist(checklist)
        return follow(outcome)
    }

    mutating func handleMoodCheck(_ key: Key, _ check: MoodCheckScreen) -> [Effect] {
        var check = check
        let outcome = check.handle(key, now: now)
        screen = .moodCheck(check)
        switch outcome {
        case .stay: return []
        case .close: screen = .today; return []
        case .save(let change):
            // An answer about self-harm is saved whatever another copy did, as a red flag is.
            guard !check.holdsCrisisAnswer else {
                pendingSave = .stay(done: "Mood check saved.")
                return [.record([change])]
            }
            return follow(.save([change], done: "Mood check saved.", shown: check.shown))
        }
    }

    mutating func handleDecision(_ key: Key, _ decision: PrescriberDecisionScreen) -> [Effect] {
        var decision = decision
        let outcome = decision.handle(key, journal: journal, now: now, timeZone: timeZone)
        screen = .decision(decision)
        return follow(outcome) { done in
            .decision(done: done)
        }
    }

    mutating func handleNewCourse(_ key: Key, _ form: NewCourseScreen) -> [Effect] {
        var form = form
        let outcome = form.handle(key, journal: journal, today: today)
        screen = .newCourse(form)
        return follow(outcome) { done in .decision(done: done) }
    }
}
