import Foundation
import JournalCore

/// Today's keys: each opens another screen; ↑↓ select a due item, Enter goes where it is
/// resolved, z and x snooze or dismiss it. (A read-only session never gets here with a key
/// the map marks as editing.)
extension TodayScreen: JournalScreen {
    var wrapped: AppState.Screen { .today(self) }

    func keyMap(_ context: ScreenContext) -> KeyMap {
        let awaitsDecision = context.journal.courseRecords?.state(at: context.now, zone: context.timeZone).awaitsDecision ?? false
        return Self.keyMap(awaitsDecision: awaitsDecision, readOnly: context.isReadOnly)
    }

    mutating func handle(_ key: Key, _ context: ScreenContext) -> ScreenOutcome {
        let journal = context.journal, today = context.today
        let due = Self.reminders(journal: journal, now: context.now, timeZone: context.timeZone)
        switch key {
        case .character("q"):
            return .quit
        case .escape:
            // Esc backs out of every other screen; here it would quit by surprise.
            return .message(StatusLine("Esc does nothing here: q quits."))
        case .character("h"):
            var history = HistoryScreen(isReadOnly: context.isReadOnly)
            history.prepare(context: HistoryScreen.Context(context))
            return .open(.history(history))
        case .character("R"):
            return .reload
        case .enter:
            // Enter acts on the selected due item where it is resolved; with nothing due, the daily log.
            return handle(due.indices.contains(selection) ? due[selection].place.todayKey : .character("l"), context)
        case .character("l"):
            return .open(.logSymptoms(LogSymptomsScreen(day: today, journal: journal)))
        case .character("b"):
            // Read-only journals can still show their labs; the screen refuses changes.
            return .open(.labs(LabsScreen(journal: journal, readOnlyReason: context.readOnlyReason)))
        case .character("c"):
            // A finished course is not changed any more: c starts the next one.
            if let records = journal.courseRecords, records.settings.lastDoseDate != nil {
                return .open(.newCourse(NewCourseScreen(journal: journal, today: today)))
            }
            return .open(.courseSetup(CourseSetupScreen(journal: journal, today: today)))
        case .character("d"):
            // Read-only journals show the doses too (a caregiver's first question).
            guard journal.courseRecords != nil else {
                return .message(StatusLine("Set up your course first (press c): the dose log follows your plan.", isError: true))
            }
            return .open(.doseLog(DoseLogScreen(day: today)))
        case .character("k"):
            guard let course = journal.courseRecords else {
                return .message(StatusLine("Set up your course first (press c): the checklist follows your course months.", isError: true))
            }
            return .open(.checklist(ChecklistScreen(month: MonthlyChecklist.currentMonth(startDate: course.settings.startDate, today: today))))
        case .character("m"):
            return .open(.moodCheck(MoodCheckScreen(day: today, journal: journal)))
        case .character("p"):
            guard let records = journal.courseRecords, records.state(at: context.now, zone: context.timeZone).awaitsDecision else {
                return .message(StatusLine("Nothing is on hold or paused: there is no prescriber's decision to record.", isError: true))
            }
            return .open(.decision(PrescriberDecisionScreen(journal: journal, now: context.now, timeZone: context.timeZone)))
        case .up:
            selection = max(0, selection - 1)
        case .down:
            selection = max(0, min(min(Self.reminderLines, due.count) - 1, selection + 1))
        case .character("z"), .character("x"):
            guard due.indices.contains(selection) else { return .stay }
            let reminder = due[selection]
            let action: ReminderActions.Action = key == .character("z") ? .snooze(until: context.now.addingTimeInterval(3600)) : .dismiss
            switch ReminderActions.change(action, reminder: reminder.id, journal: journal, now: context.now, timeZone: context.timeZone) {
            case .failure(let problem):
                return .message(StatusLine(problem.message, isError: true))
            case .success(let change):
                selection = 0
                let done = action == .dismiss
                    ? "Dismissed." + (reminder.kind == .dose ? " The dose is still not recorded as taken." : "")
                    : "Snoozed for an hour: \(reminder.message)"
                return .save([change], done: done, shown: ShownJournal(journal))
            }
        default:
            break
        }
        return .stay
    }
}
