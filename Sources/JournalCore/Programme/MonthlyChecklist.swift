import Foundation

/// One course month's checklist under the rules in force: every item with its status and
/// dates. A pure function of (journal, month, today), so the screen, `isojournal
/// checklist`, the reminders and the caregiver's report all agree.
public struct MonthlyChecklist: Equatable, Sendable {
    public let month: Int
    /// Course months are 30-day blocks from the start date, as on the course panel.
    public let firstDay: LocalDate
    public let lastDay: LocalDate
    public let ruleSet: ProgrammeRules.RuleSet
    public let category: CourseSettings.PatientCategory
    public let items: [ChecklistItem]
    /// This month's prescription window, once something has opened it.
    public let window: PickupWindow?
    /// What the rule set says happens next, when the window was missed.
    public let missedWindowAdvice: String?

    /// The month `today` falls in (1 before the course starts).
    public static func currentMonth(startDate: LocalDate, today: LocalDate) -> Int {
        max(1, startDate.days(until: today) / 30 + 1)
    }

    public static func firstDay(ofMonth month: Int, startDate: LocalDate) -> LocalDate {
        startDate.adding(days: (month - 1) * 30)
    }

    /// The checklist for `month` (default: the current one); nil before the course is set up.
    public static func build(journal: Journal, month requested: Int? = nil, today: LocalDate,
                             rules: ProgrammeRules = .shipped) -> MonthlyChecklist? {
        guard let course = journal.courseRecords else { return nil }
        let settings = journal.programmeSettings
        let month = max(1, requested ?? currentMonth(startDate: course.settings.startDate, today: today))
        let first = firstDay(ofMonth: month, startDate: course.settings.startDate)
        let context = ChecklistContext(journal: journal, labs: journal.labRecords, month: month, first: first,
                                       last: first.adding(days: 29), today: today, settings: settings)
        let ruleSet = rules.ruleSet(on: first, settings: settings)
        let category = course.settings.patientCategory
        let categoryRules = ruleSet.rules(for: category)
        let window = context.window(rules: categoryRules)
        let missed = window.flatMap { context.missedWindow($0, rules: categoryRules) }
        var items: [ChecklistItem] = []
        for id in categoryRules?.items ?? [] {
            switch id {
            case "pregnancy-test": items.append(context.pregnancyTest(rules: categoryRules, missed: missed))
            case "pickup-window": items.append(context.windowItem(window: window, rules: categoryRules))
            case "blood-draw": items.append(context.bloodDraw())
            case "prescriber-visit": items.append(context.prescriberVisit())
            case "pickup": items.append(context.pickup(window: window, missed: missed))
            case "mood-check":
                let firstCheck = course.settings.startDate.adding(days: max(1, settings.firstMoodCheckCourseDay ?? rules.moodCheck.firstOnCourseDay) - 1)
                items.append(context.moodCheck(firstDue: firstCheck))
            case "contraception-1", "contraception-2": items.append(context.contraception(id, methods: settings.contraceptionMethods))
            default: items.append(context.tickedItem(id, title: ChecklistItemKind.title(of: id, methods: settings.contraceptionMethods)))
            }
        }
        items += context.customItems()
        return MonthlyChecklist(month: month, firstDay: first, lastDay: first.adding(days: 29), ruleSet: ruleSet,
                                category: category, items: items, window: window,
                                missedWindowAdvice: missed.map { $0.advice ?? $0.nextStep(today: today) })
    }
}

/// The facts one month's items are judged from.
struct ChecklistContext {
    let journal: Journal
    let labs: LabRecords
    let month: Int
    let first: LocalDate
    let last: LocalDate
    let today: LocalDate
    let settings: ProgrammeSettings

    /// Tests and visits for a month's prescription often happen in the days just before it.
    var lookBack: LocalDate { first.adding(days: -7) }

    func tick(_ item: String) -> (tick: ChecklistTick, day: LocalDate)? {
        guard let entry = journal.current(ChecklistTick.entryID(month: month, item: item)),
              case .checklistTick(let tick)? = entry.body else { return nil }
        return (tick, entry.day)
    }

    /// due while the month runs, overdue after it, upcoming before it.
    var openStatus: ChecklistItem.Status {
        today > last ? .overdue : (today < lookBack ? .upcoming : .due)
    }

    func tickedItem(_ id: String, title: String) -> ChecklistItem {
        let ticked = tick(id)
        if let ticked, ticked.tick.done {
            return ChecklistItem(id: id, title: title, status: .done(ticked.day), detail: "ticked on \(ticked.day.iso)",
                                 note: ticked.tick.note, canTick: true)
        }
        return ChecklistItem(id: id, title: title, status: openStatus, detail: "tick it when done", note: ticked?.tick.note, canTick: true)
    }

    /// The last day whose pregnancy test belongs to this month: the day before the next
    /// month's 7-day look-back (first + 22), so each test belongs to exactly one month.
    var pregnancyTestsUntil: LocalDate { first.adding(days: 30 - 7 - 1) }

    /// This month's tests: from 7 days before its first day to `pregnancyTestsUntil`.
    func pregnancyTests() -> [DatedLabResult] {
        labs.pregnancyTests.filter { $0.day >= lookBack && $0.day <= pregnancyTestsUntil }
    }

    /// The negative test that opens this month's window: the latest, except that a window
    /// with a pickup in it stays the month's, and after a missed window a test taken before
    /// the rule set's wait is over (2021 rules, first prescription: 19 days) does not count.
    func latestNegativeTest(rules: ProgrammeRules.CategoryRules?) -> DatedLabResult? {
        var opening: DatedLabResult?
        for test in pregnancyTests() where test.result.outcome == .negative {
            guard let current = opening, let length = rules?.window?.days else { opening = test; continue }
            let window = PickupWindow(opens: current.day, length: length)
            if pickupDay().map(window.contains) ?? false { break }
            if test.day > window.closes, let wait = rules?.missedWindowWait(month: month),
               test.day < current.day.adding(days: wait) { continue }
            opening = test
        }
        return opening
    }

    func pregnancyTest(rules: ProgrammeRules.CategoryRules?, missed: MissedWindow?) -> ChecklistItem {
        let title = ChecklistItemKind.title(of: "pregnancy-test")
        let tests = pregnancyTests()
        // A positive test alarms every month it falls in (look-back included): safety before bookkeeping.
        if let positive = labs.pregnancyTests.last(where: { $0.result.outcome == .positive && $0.day >= lookBack && $0.day <= last }) {
            return ChecklistItem(id: "pregnancy-test", title: title, status: .alarm,
                                 detail: "POSITIVE on \(positive.day.iso): stop taking isotretinoin and contact your prescriber at once",
                                 canTick: false)
        }
        if let missed, missed.opensOn == "pregnancy-test" {
            // The test's window was used up without a pickup: it no longer counts as done.
            let status: ChecklistItem.Status = !missed.retestAllowed(on: today) ? .upcoming : (today > last ? .overdue : .due)
            return ChecklistItem(id: "pregnancy-test", title: title, status: status,
                                 detail: missed.nextStep(today: today) + " (" + missed.whatHappened + ")", canTick: false)
        }
        if let negative = latestNegativeTest(rules: rules) {
            return ChecklistItem(id: "pregnancy-test", title: title, status: .done(negative.day),
                                 detail: "negative · specimen \(negative.day.iso)", canTick: false)
        }
        var detail = tests.last?.result.outcome == .invalid ? "the last result was invalid: repeat the test" : "needed before this month's prescription"
        if let booked = labs.appointments(of: .pregnancyTest).first(where: { $0.appointment.status == .scheduled && $0.day >= lookBack && $0.day <= pregnancyTestsUntil }) {
            detail = "scheduled for \(booked.day.iso)"
        }
        if let setting = rules?.pregnancyTestSetting { detail += ". Where: " + setting }
        return ChecklistItem(id: "pregnancy-test", title: title, status: openStatus, detail: detail, canTick: false)
    }

    /// The day a visit happened: an appointment marked done, or a ticked visit.
    func visitDay() -> LocalDate? {
        if let done = labs.appointments(of: .prescriberVisit).last(where: { $0.appointment.status == .done && $0.day >= lookBack && $0.day <= last }) {
            return done.day
        }
        if let ticked = tick("prescriber-visit"), ticked.tick.done { return ticked.day }
        return nil
    }

    func pickupDay() -> LocalDate? {
        if let done = labs.appointments(of: .pharmacyPickup).first(where: { $0.appointment.status == .done && $0.day >= lookBack && $0.day <= last }) {
            return done.day
        }
        if let ticked = tick("pickup"), ticked.tick.done { return ticked.day }
        return nil
    }

    func window(rules: ProgrammeRules.CategoryRules?) -> PickupWindow? {
        guard let window = rules?.window else { return nil }
        switch window.opensOn {
        case "pregnancy-test": return latestNegativeTest(rules: rules).map { PickupWindow(opens: $0.day, length: window.days) }
        case "prescriber-visit": return visitDay().map { PickupWindow(opens: $0, length: window.days) }
        default: return nil
        }
    }

    func windowItem(window: PickupWindow?, rules: ProgrammeRules.CategoryRules?) -> ChecklistItem {
        let title = ChecklistItemKind.title(of: "pickup-window")
        let length = rules?.window?.days ?? 0
        guard let window else {
            let opener = rules?.window?.opensOn == "prescriber-visit" ? "the day of your prescriber visit" : "the day your pregnancy test specimen is collected"
            return ChecklistItem(id: "pickup-window", title: title, status: today > last ? .overdue : .upcoming,
                                 detail: "\(length)-day window; opens on \(opener)", canTick: false)
        }
        if let picked = pickupDay(), let number = window.dayNumber(on: picked) {
            return ChecklistItem(id: "pickup-window", title: title, status: .done(picked),
                                 detail: "picked up on Day \(number) of \(length) (\(picked.iso))", canTick: false)
        }
        if let number = window.dayNumber(on: today) {
            let closing = number == length ? "closes TODAY" : (number == length - 1 ? "closes tomorrow, \(window.closes.iso)" : "closes on \(window.closes.iso)")
            return ChecklistItem(id: "pickup-window", title: title, status: .due, detail: "Day \(number) of \(length) — \(closing)", canTick: false)
        }
        if today < window.opens {
            return ChecklistItem(id: "pickup-window", title: title, status: .upcoming, detail: "opens on \(window.opens.iso)", canTick: false)
        }
        return ChecklistItem(id: "pickup-window", title: title, status: .missed,
                             detail: "closed on \(window.closes.iso) without a pickup", canTick: false)
    }

    /// The window as missed: closed before today with no pickup inside it.
    func missedWindow(_ window: PickupWindow, rules: ProgrammeRules.CategoryRules?) -> MissedWindow? {
        guard today > window.closes, !(pickupDay().map(window.contains) ?? false) else { return nil }
        return MissedWindow(window: window, month: month, rules: rules)
    }

    func bloodDraw() -> ChecklistItem {
        let kinds: [LabAppointment.What] = [.lipids, .liver, .lipidsAndLiver]
        let draws = labs.appointments.filter { kinds.contains($0.appointment.what) && $0.day >= first && $0.day <= last && $0.appointment.status != .moved }
        let title = ChecklistItemKind.title(of: "blood-draw")
        if let ticked = tick("blood-draw"), ticked.tick.done {
            return ChecklistItem(id: "blood-draw", title: title, status: .done(ticked.day), detail: "ticked on \(ticked.day.iso)", note: ticked.tick.note, canTick: true)
        }
        // The records a draw leaves behind tick it: a draw marked done, or a lipid or liver result of this month.
        if let done = draws.last(where: { $0.appointment.status == .done }) {
            let what = done.appointment.what.name.replacingOccurrences(of: "Blood draw: ", with: "")
            return ChecklistItem(id: "blood-draw", title: title, status: .done(done.day), detail: "\(what) on \(done.day.iso)", canTick: true)
        }
        let drawn = labs.results.filter { $0.result.test.group != .pregnancy && $0.day >= first && $0.day <= last }
        if let latest = drawn.last {
            let names = drawn.filter { $0.day == latest.day }.map(\.result.test.name).joined(separator: ", ")
            return ChecklistItem(id: "blood-draw", title: title, status: .done(latest.day),
                                 detail: "result of \(latest.day.iso): \(names)", canTick: true)
        }
        guard let draw = draws.last else {
            return ChecklistItem(id: "blood-draw", title: title, status: .notApplicable, detail: "none scheduled this month", canTick: true)
        }
        let what = draw.appointment.what.name.replacingOccurrences(of: "Blood draw: ", with: "")
        let fasting = draw.appointment.fasting ? ", fasting" : ""
        switch draw.appointment.status {
        case .done: return ChecklistItem(id: "blood-draw", title: title, status: .done(draw.day), detail: "\(what) on \(draw.day.iso)", canTick: true)
        case .missed: return ChecklistItem(id: "blood-draw", title: title, status: .missed, detail: "\(what) on \(draw.day.iso) was missed", canTick: true)
        default:
            let status: ChecklistItem.Status = draw.day < today ? .overdue : (draw.day == today ? .due : .upcoming)
            let suffix = draw.day < today ? ": mark it done or missed" : ""
            return ChecklistItem(id: "blood-draw", title: title, status: status, detail: "\(what) on \(draw.day.iso)\(fasting)\(suffix)", canTick: true)
        }
    }

    func prescriberVisit() -> ChecklistItem {
        let title = ChecklistItemKind.title(of: "prescriber-visit")
        if let day = visitDay() {
            return ChecklistItem(id: "prescriber-visit", title: title, status: .done(day), detail: "on \(day.iso)", note: tick("prescriber-visit")?.tick.note, canTick: true)
        }
        if let booked = labs.appointments(of: .prescriberVisit).first(where: { $0.appointment.status == .scheduled && $0.day >= lookBack && $0.day <= last }) {
            let status: ChecklistItem.Status = booked.day < today ? .overdue : (booked.day == today ? .due : .upcoming)
            return ChecklistItem(id: "prescriber-visit", title: title, status: status, detail: "scheduled for \(booked.day.iso)", canTick: true)
        }
        return ChecklistItem(id: "prescriber-visit", title: title, status: openStatus, detail: "not scheduled yet", canTick: true)
    }

    func pickup(window: PickupWindow?, missed: MissedWindow?) -> ChecklistItem {
        let title = ChecklistItemKind.title(of: "pickup")
        let note = tick("pickup")?.tick.note
        if let day = pickupDay() {
            return ChecklistItem(id: "pickup", title: title, status: .done(day), detail: "on \(day.iso)", note: note, canTick: true)
        }
        if let missed {
            // Nothing to pick up until a new window opens: waiting, or overdue once the month is over (no date).
            return ChecklistItem(id: "pickup", title: title, status: today > last ? .overdue : .upcoming,
                                 detail: "not picked up: " + missed.nextStep(today: today), note: note, canTick: true)
        }
        if let window, window.closes >= today {
            // A window still open is due by its last day, even after the course month ends: never "overdue" with a date ahead.
            return ChecklistItem(id: "pickup", title: title, status: today < window.opens ? .upcoming : .due,
                                 detail: "by \(window.closes.iso), when the window closes", note: note, canTick: true)
        }
        return ChecklistItem(id: "pickup", title: title, status: openStatus, detail: "once the window opens", note: note, canTick: true)
    }

    /// `firstDue`: the course's first check is due at the end of its first week, not on day 1.
    func moodCheck(firstDue: LocalDate) -> ChecklistItem {
        let title = ChecklistItemKind.title(of: "mood-check")
        let checks = journal.entries(from: first, to: last).compactMap { entry -> (LocalDate, MoodCheck)? in
            if case .moodCheck(let check)? = entry.body { return (entry.day, check) } else { return nil }
        }
        if let (day, check) = checks.last {
            let score = "PHQ-2 \(check.phq2Score)" + (check.phq9Score.map { ", PHQ-9 \($0)" } ?? "")
            return ChecklistItem(id: "mood-check", title: title, status: check.selfHarmAnswered ? .alarm : .done(day),
                                 detail: "\(day.iso): \(score)" + (check.selfHarmAnswered ? " — item 9 answered: contact your prescriber" : ""),
                                 canTick: false)
        }
        if today < firstDue, firstDue <= last {
            return ChecklistItem(id: "mood-check", title: title, status: .upcoming,
                                 detail: "a two-question check, due from \(firstDue.iso) (m on Today)", canTick: false)
        }
        return ChecklistItem(id: "mood-check", title: title, status: today < first ? .upcoming : (today > last ? .overdue : .due),
                             detail: "a two-question check (m on Today)", canTick: false)
    }

    func customItems() -> [ChecklistItem] {
        journal.currentEntries(of: .checklistItem).compactMap { entry -> ChecklistCustomItem? in
            if case .checklistItem(let item)? = entry.body, item.month == month { return item } else { return nil }
        }.sorted { $0.title < $1.title }.map { tickedItem($0.itemID, title: $0.title) }
    }

    /// A contraception item, named after the method in settings; unnamed, it says how to name it.
    func contraception(_ id: String, methods: [String]) -> ChecklistItem {
        let item = tickedItem(id, title: ChecklistItemKind.title(of: id, methods: methods))
        let index = id == "contraception-1" ? 0 : 1
        guard methods.count <= index else { return item }
        return ChecklistItem(id: id, title: item.title, status: item.status,
                             detail: item.detail + " (name it: isojournal settings --contraception \"A,B\")", note: item.note, canTick: true)
    }
}
