import JournalCore

/// The keys of the Today screen: each opens another screen.
extension AppState {
    mutating func handleToday(_ key: Key) -> [Effect] {
        switch key {
        case .character("q"), .escape:
            return [.quit]
        case .character("h"):
            openHistory()
        case .character("R"):
            return [.reload]
        case .enter:
            // Enter acts on the selected due item where it is resolved; with nothing due, the daily log.
            let due = TodayScreen.reminders(journal: journal, now: now, timeZone: timeZone)
            return handleToday(due.indices.contains(reminderSelection) ? due[reminderSelection].place.todayKey : .character("l"))
        case .character("l"):
            guard writable() else { return [] }
            screen = .logSymptoms(LogSymptomsScreen(day: today, journal: journal))
        case .character("b"):
            // Read-only journals can still show their labs; the screen refuses changes.
            screen = .labs(LabsScreen(journal: journal, readOnlyReason: readOnlyReason))
        case .character("c"):
            guard writable() else { return [] }
            // A finished course is not changed any more: c starts the next one.
            if let records = journal.courseRecords, records.settings.lastDoseDate != nil {
                screen = .newCourse(NewCourseScreen(journal: journal, today: today))
            } else {
                screen = .courseSetup(CourseSetupScreen(journal: journal, today: today))
            }
        case .character("d"):
            // Read-only journals show the doses too (a caregiver's first question); the screen
            // draws no edit keys and they are refused (see `refusesEditKeyWhenReadOnly`).
            guard journal.courseRecords != nil else {
                status = StatusLine("Set up your course first (press c): the dose log follows your plan.", isError: true)
                return []
            }
            screen = .doseLog(DoseLogScreen(day: today))
        case .character("k"):
            guard let course = journal.courseRecords else {
                status = StatusLine("Set up your course first (press c): the checklist follows your course months.", isError: true)
                return []
            }
            screen = .checklist(ChecklistScreen(month: MonthlyChecklist.currentMonth(startDate: course.settings.startDate, today: today)))
        case .character("m"):
            guard writable() else { return [] }
            screen = .moodCheck(MoodCheckScreen(day: today, journal: journal))
        case .character("p"):
            guard writable() else { return [] }
            guard let records = journal.courseRecords, records.state(at: now, zone: timeZone).awaitsDecision else {
                status = StatusLine("Nothing is on hold or paused: there is no prescriber's decision to record.", isError: true)
                return []
            }
            screen = .decision(PrescriberDecisionScreen(journal: journal, now: now, timeZone: timeZone))
        case .up:
            reminderSelection = max(0, reminderSelection - 1)
        case .down:
            let count = min(TodayScreen.reminderLines, TodayScreen.reminders(journal: journal, now: now, timeZone: timeZone).count)
            reminderSelection = max(0, min(count - 1, reminderSelection + 1))
        case .character("z"), .character("x"):
            guard writable() else { return [] }
            let due = TodayScreen.reminders(journal: journal, now: now, timeZone: timeZone)
            guard due.indices.contains(reminderSelection) else { return [] }
            let reminder = due[reminderSelection]
            let action: ReminderActions.Action = key == .character("z") ? .snooze(until: now.addingTimeInterval(3600)) : .dismiss
            switch ReminderActions.change(action, reminder: reminder.id, journal: journal, now: now, timeZone: timeZone) {
            case .failure(let problem):
                status = StatusLine(problem.message, isError: true)
                return []
            case .success(let change):
                reminderSelection = 0
                let done = action == .dismiss
                    ? "Dismissed." + (reminder.kind == .dose ? " The dose is still not recorded as taken." : "")
                    : "Snoozed for an hour: \(reminder.message)"
                return follow(.save([change], done: done, shown: ShownJournal(journal)))
            }
        default:
            break
        }
        return []
    }

    /// False, with the reason on the status line, when the journal must not change.
    private mutating func writable() -> Bool {
        guard let readOnlyReason else { return true }
        status = StatusLine("Read-only: \(readOnlyReason)", isError: true)
        return false
    }
}
