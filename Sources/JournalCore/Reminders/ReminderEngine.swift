import Foundation

/// Computes every reminder from the journal at a given moment. Nothing is scheduled or
/// stored in advance, so nothing can be lost when a notification is missed: ask again
/// and the same answer comes back. Never marks anything done.
public enum ReminderEngine {
    /// Reminders due by `now + horizon`, most pressing first; snoozed and dismissed ones left out.
    public static func reminders(journal: Journal, now: Date, timeZone: TimeZone,
                                 horizon: TimeInterval = 24 * 3600, rules: ProgrammeRules = .shipped) -> [Reminder] {
        let context = ReminderContext(journal: journal, now: now, zone: timeZone, rules: rules)
        var all: [Reminder] = []
        all += context.stopAlerts()
        all += context.doses()
        all += context.symptomLog()
        all += context.appointments()
        all += context.missingLabLimits()
        all += context.checklist()
        all += context.moodCheck()
        all += context.weight()
        all += context.afterCourse()
        all += context.unactedLabFlags()
        let limit = now.addingTimeInterval(horizon)
        let states = states(in: journal)
        return all.filter { $0.urgency == .alarm || ($0.due <= limit && !(states[$0.id]?.hides(at: now) ?? false)) }
            .sorted { ($0.urgency, $0.due, $0.id) < ($1.urgency, $1.due, $1.id) }
    }

    /// Snoozes, dismissals and notifications, by reminder id.
    public static func states(in journal: Journal) -> [String: ReminderState] {
        var states: [String: ReminderState] = [:]
        for entry in journal.currentEntries(of: .reminderState) {
            if case .reminderState(let state)? = entry.body { states[state.reminder] = state }
        }
        return states
    }
}

/// The facts the reminder rules read, computed once per call.
struct ReminderContext {
    let journal: Journal
    let now: Date
    let zone: TimeZone
    let rules: ProgrammeRules
    let today: LocalDate
    let minute: Int
    let settings: ProgrammeSettings
    let course: CourseRecords?
    let state: CourseState?

    init(journal: Journal, now: Date, zone: TimeZone, rules: ProgrammeRules) {
        self.journal = journal
        self.now = now
        self.zone = zone
        self.rules = rules
        today = Timestamp.localDate(of: now, in: zone)
        minute = Timestamp.minuteOfDay(of: now, in: zone)
        settings = journal.programmeSettings
        course = journal.courseRecords
        state = course?.state(at: now, zone: zone)
    }

    func at(_ day: LocalDate, _ minuteOfDay: Int) -> Date { Timestamp.instant(of: day, minuteOfDay: minuteOfDay, in: zone) }
    func clock(_ minuteOfDay: Int) -> String { Timestamp.clockText(minuteOfDay: minuteOfDay) }

    /// The open hold, first of all and never hidden, until the prescriber's decision is recorded.
    func stopAlerts() -> [Reminder] {
        guard case .onHold(let hold)? = state else { return [] }
        // Due at the newest event, so a new one during a hold is notified even after an acknowledgement.
        let newest = hold.events.map(\.at).max() ?? hold.since
        return [Reminder(id: StopAlertText.reminderID(hold), kind: .stopAlert, due: newest, urgency: .alarm,
                         message: StopAlertText.line(hold, zone: zone))]
    }

    /// Today's expected intakes not yet recorded; tomorrow's first one as "upcoming". Nothing
    /// while the course is on hold, paused or finished: only an active course prompts a dose.
    func doses() -> [Reminder] {
        guard let course, let state, state.promptsDoses || state == .notStarted(course.settings.startDate) else { return [] }
        var reminders: [Reminder] = []
        for day in [today, today.adding(days: 1)] {
            for (slot, mg) in course.expectedIntakes(on: day, zone: zone) where course.intakes[day]?[slot.name] == nil {
                let due = at(day, slot.minuteOfDay)
                let urgency: Reminder.Urgency
                if day > today { urgency = .upcoming }
                else if minute >= slot.minuteOfDay + settings.doseGraceMinutes { urgency = .overdue }
                else if minute >= slot.minuteOfDay { urgency = .dueNow }
                else { urgency = .today }
                let food = course.settings.takeWithFood ? " with food" : ""
                let verb = urgency == .overdue ? "was due at" : "at"
                reminders.append(Reminder(id: "dose-\(day.iso)-\(slot.name)", kind: .dose, due: due, urgency: urgency,
                                          message: "\(slot.name.capitalized) dose: \(MilligramText.format(mg)) mg\(food) \(verb) \(clock(slot.minuteOfDay)) — not recorded yet"))
            }
        }
        return reminders
    }

    func symptomLog() -> [Reminder] {
        guard journal.symptomRatings(on: today).isEmpty else { return [] }
        let from = settings.symptomReminderMinute
        return [Reminder(id: "symptoms-\(today.iso)", kind: .symptomLog, due: at(today, from),
                         urgency: minute >= from ? .dueNow : .today, message: "Log today's symptoms")]
    }

    /// Appointments today and tomorrow, the fasting evening before, and past ones to mark.
    func appointments() -> [Reminder] {
        var reminders: [Reminder] = []
        for item in journal.labRecords.appointments where item.appointment.status == .scheduled {
            let appointment = item.appointment
            let time = appointment.minuteOfDay.map { " at " + clock($0) } ?? ""
            let start = at(item.day, appointment.minuteOfDay ?? 8 * 60)
            let base = "appointment-\(item.day.iso)-\(appointment.what.rawValue)"
            if item.day < today {
                reminders.append(Reminder(id: base + "-mark", kind: .appointment, due: start, urgency: .overdue,
                                          message: "\(appointment.what.name) on \(item.day.iso): mark it done, missed or moved"))
            } else if item.day == today {
                reminders.append(Reminder(id: base, kind: .appointment, due: start, urgency: start <= now ? .dueNow : .today,
                                          message: "\(appointment.what.name) today\(time)" + (appointment.fasting ? " (fasting)" : "")))
            } else if item.day == today.adding(days: 1) {
                reminders.append(Reminder(id: base, kind: .appointment, due: at(today, 18 * 60), urgency: .upcoming,
                                          message: "\(appointment.what.name) tomorrow\(time)"))
                if appointment.fasting {
                    // About 8 hours without food before the draw; no alcohol before lipids (label: 36 hours).
                    // An early draw means starting the evening before (07:30 → 23:30).
                    let fastFrom = ((appointment.minuteOfDay ?? 8 * 60) - 8 * 60 + 1440) % 1440
                    let from = fastFrom == 0 ? "midnight" : clock(fastFrom)
                    reminders.append(Reminder(id: base + "-fasting", kind: .fasting, due: at(today, 18 * 60),
                                              urgency: minute >= 18 * 60 ? .dueNow : .today,
                                              message: "Fasting blood test tomorrow\(time): no food from \(from) (about 8 hours before), water is fine; no alcohol before a lipid test"))
                }
            }
        }
        return reminders
    }

    /// The current month's checklist: the pregnancy test, the window, the confirmation, contraception.
    func checklist() -> [Reminder] {
        guard let course, course.settings.lastDoseDate == nil,
              let list = MonthlyChecklist.build(journal: journal, today: today, rules: rules) else { return [] }
        var reminders: [Reminder] = []
        let morning = at(today, 9 * 60)
        for item in list.items {
            let id = "checklist-\(list.month)-\(item.id)"
            switch (item.id, item.status) {
            case ("pregnancy-test", .due), ("pregnancy-test", .overdue):
                reminders.append(Reminder(id: id, kind: .pregnancyTest, due: morning, urgency: item.status == .overdue ? .overdue : .today,
                                          message: "Pregnancy test for month \(list.month): \(item.detail)"))
            case ("pregnancy-test", .alarm) where !positiveTestIsAStopEvent(list):
                // A positive test that put the course on hold is carried by the stop alert, then by the decision.
                reminders.append(Reminder(id: id, kind: .pregnancyTest, due: morning, urgency: .overdue, message: item.detail))
            case ("pickup-window", _) where state?.isOnHold == true:
                // No prompt to collect more medicine while the prescriber has not decided.
                break
            case ("pickup-window", .due):
                // Due now on the window's last two days: the words say "closes TODAY / tomorrow".
                let closing = list.window.map { $0.closes <= today.adding(days: 1) } ?? false
                reminders.append(Reminder(id: id + "-\(list.window?.opens.iso ?? "")", kind: .window, due: morning,
                                          urgency: closing ? .dueNow : .today, message: "Prescription window: \(item.detail)"))
            case ("pickup-window", .missed):
                reminders.append(Reminder(id: id + "-missed-\(list.window?.opens.iso ?? "")", kind: .window, due: morning, urgency: .overdue,
                                          message: "Prescription window missed: " + (list.missedWindowAdvice ?? item.detail)))
            case ("programme-confirmation", .due), ("programme-confirmation", .overdue):
                reminders.append(Reminder(id: id, kind: .confirmation, due: morning, urgency: item.status == .overdue ? .overdue : .today,
                                          message: "Monthly programme confirmation for month \(list.month) not ticked yet"))
            case ("contraception-1", .due), ("contraception-2", .due), ("contraception-1", .overdue), ("contraception-2", .overdue):
                reminders.append(Reminder(id: id, kind: .contraception, due: morning, urgency: item.status == .overdue ? .overdue : .today,
                                          message: "\(item.title.replacingOccurrences(of: " confirmed", with: "")): not confirmed for month \(list.month)"))
            default:
                break
            }
        }
        return reminders
    }

    /// Whether this month's positive pregnancy test is one of the course's stop events.
    func positiveTestIsAStopEvent(_ list: MonthlyChecklist) -> Bool {
        (course?.holds ?? []).contains { hold in
            hold.events.contains { event in
                guard case .labResult(let result)? = journal.current(event.id)?.body else { return false }
                return result.test == .pregnancy && event.day >= list.firstDay.adding(days: -7) && event.day <= list.lastDay
            }
        }
    }

    func moodCheck() -> [Reminder] {
        guard let course, today >= course.settings.startDate else { return [] }
        let interval = settings.moodCheckIntervalDays ?? rules.moodCheck.intervalDays
        let checks = journal.currentEntries(of: .moodCheck).filter { if case .moodCheck? = $0.body { return true } else { return false } }
        let last = checks.map(\.day).max()
        // The first check is due at the end of the first week (rule data, or the patient's setting), not on day 1.
        let firstDay = course.settings.startDate.adding(days: max(1, settings.firstMoodCheckCourseDay ?? rules.moodCheck.firstOnCourseDay) - 1)
        let dueDay = last.map { $0.adding(days: interval) } ?? firstDay
        guard dueDay <= today.adding(days: 1) else { return [] }
        return [Reminder(id: "mood-\(dueDay.iso)", kind: .moodCheck, due: at(dueDay, 9 * 60),
                         urgency: dueDay < today ? .overdue : (dueDay == today ? .today : .upcoming),
                         message: last == nil ? "Mood check: a two-question check" : "Mood check due (last on \(last!.iso))")]
    }

    func weight() -> [Reminder] {
        guard let course, course.settings.lastDoseDate == nil, let last = course.weights.last?.day,
              last.days(until: today) >= 30 else { return [] }
        return [Reminder(id: "weight-after-\(last.iso)", kind: .weight, due: at(today, 9 * 60), urgency: .today,
                         message: "Weight last recorded \(last.iso): weigh yourself and record it")]
    }

    func afterCourse() -> [Reminder] {
        AfterCourseCountdown.countdowns(journal: journal, today: today, rules: rules).compactMap { countdown in
            guard !countdown.isDone else { return nil }
            let due = at(countdown.date, 9 * 60)
            let urgency: Reminder.Urgency
            if countdown.daysLeft > 0 { urgency = .upcoming }
            else if countdown.isPregnancyTest { urgency = countdown.daysLeft < 0 ? .overdue : .today }
            else { urgency = .today }
            let when = countdown.daysLeft > 0 ? "in \(countdown.daysLeft) days (\(countdown.date.iso))" : "from \(countdown.date.iso)"
            let message: String
            switch countdown.id {
            case "contraception-until", "blood-donation", "second-course":
                message = countdown.daysLeft > 0 ? "\(countdown.text): \(countdown.daysLeft) days left (\(countdown.date.iso))"
                    : "\(countdown.text): that date has come (\(countdown.date.iso))"
            default:
                message = "\(countdown.text): \(when)"
            }
            // Past countdowns other than the test stop reminding a week after their date.
            if countdown.daysLeft < -7 && !countdown.isPregnancyTest { return nil }
            return Reminder(id: "after-\(countdown.id)", kind: .afterCourse, due: due, urgency: urgency, message: message)
        }
    }
}
