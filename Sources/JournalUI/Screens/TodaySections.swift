import Foundation
import JournalCore

/// Today's parts as sections for TodayLayout, each worded for a column `width` wide. Priorities:
/// alerts, then due items, the course, symptoms, the last 7 days, and the checklist last.
struct TodaySections {
    let journal: Journal, now: Date, timeZone: TimeZone, today: LocalDate
    let readOnlyReason: String?
    let selection: Int

    init(context: ScreenContext, selection: Int) {
        journal = context.journal
        now = context.now
        timeZone = context.timeZone
        today = Timestamp.localDate(of: context.now, in: context.timeZone)
        readOnlyReason = context.readOnlyReason
        self.selection = selection
    }

    /// A hold, red flags, flagged labs and thoughts of self-harm. The hold, the red flags and the
    /// crisis lines are read whole (wrapped, never cut); lab lists shrink to "… N more (b)".
    func alerts(width: Int) -> [TodaySection] {
        var sections: [TodaySection] = []
        let crisisLine = journal.programmeSettings.crisisLine
        if let records = journal.courseRecords, case .onHold(let hold) = records.state(at: now, zone: timeZone) {
            var text = SectionedText()
            text.wrapped("COURSE ON HOLD since \(StopAlertText.when(hold.since, zone: timeZone)) — ask your prescriber before the next dose",
                         width: width, style: .alarm)
            for event in hold.events { text.wrapped("! " + event.what, indent: 3, width: width, style: .warning) }
            text.wrapped(StopAlertText.instruction + (readOnlyReason == nil ? " Then press p to record their decision."
                                                                              : " No dose is expected until their decision is recorded."),
                         indent: 3, width: width, style: .warning)
            sections.append(TodaySection(heading: nil, lines: text.lines, priority: 0, isWhole: true))
        }
        // A merge of two machines' logs found one intake recorded as taken on both.
        let doubleDoses = TwoDeviceRecords.doubleDoses(in: journal, timeZone: timeZone)
        if !doubleDoses.isEmpty {
            var text = SectionedText()
            for dose in doubleDoses { text.wrapped("! " + TwoDeviceRecords.text(dose), width: width, style: .alarm) }
            sections.append(TodaySection(heading: nil, lines: text.lines, priority: 1, isWhole: true))
        }
        let flags = journal.redFlags(on: today)
        if !flags.isEmpty {
            var text = SectionedText()
            text.wrapped("Red flags today: contact your prescriber now", width: width, style: .alarm)
            let redFlags = RedFlagCatalogue.shipped
            for report in flags {
                let question = redFlags.flag(id: report.flag)?.question ?? report.flag
                let when = report.acknowledgedAt.map { " (notice read \(DateText.clock($0, in: timeZone)))" } ?? ""
                text.wrapped("! " + question + when, indent: 3, width: width, style: .warning)
                if redFlags.flag(id: report.flag)?.showsCrisisGuidance == true {
                    text.wrapped("If you are in danger call your local emergency number. " + crisisLine, indent: 5, width: width, style: .warning)
                }
            }
            sections.append(TodaySection(heading: nil, lines: text.lines, priority: 1, isWhole: true))
        }
        // Lab results flagged "tell your prescriber" or worse stay on Today for 30 days.
        let flaggedLabs = journal.labRecords.results.filter {
            $0.day >= today.adding(days: -29) && $0.day <= today && ($0.highestFlag?.level ?? .noted) >= .tell
        }
        if !flaggedLabs.isEmpty {
            let worst = flaggedLabs.compactMap(\.highestFlag?.level).max() ?? .tell
            // The three latest at most, as before; "… N more (b)" counts any others.
            let lines = flaggedLabs.suffix(3).map {
                ("   ! " + DateText.short($0.day) + "  " + LabText.resultLine($0.result, flags: $0.flags), Style.warning)
            }
            sections.append(TodaySection(heading: (" Lab results to tell \(readOnlyReason == nil ? "your" : "the") prescriber about (b)",
                                                   worst.isAlarm ? .alarm : .warning),
                                         lines: lines, priority: 2, beyond: flaggedLabs.count - lines.count, more: Self.more("b")))
        }
        // ALT/AST saved without the lab's upper limit: no flag would read as "normal", so say so.
        let unjudgedLabs = journal.labRecords.notJudged.filter { $0.day >= today.adding(days: -29) && $0.day <= today }
        if !unjudgedLabs.isEmpty {
            let lines = unjudgedLabs.suffix(2).map { ("   ? " + DateText.short($0.day) + "  " + LabText.resultLine($0), Style.warning) }
            sections.append(TodaySection(heading: (" Lab results not judged (b)", .warning), lines: lines, priority: 3,
                                         beyond: unjudgedLabs.count - lines.count, more: Self.more("b")))
        }
        let recentCrisis = journal.entries(from: today.adding(days: -13), to: today).compactMap { entry -> LocalDate? in
            if case .moodCheck(let check)? = entry.body, check.selfHarmAnswered { return entry.day } else { return nil }
        }
        if let day = recentCrisis.last {
            var text = SectionedText()
            text.wrapped("Mood check \(DateText.relative(day, today: today)): thoughts of self-harm — contact your prescriber",
                         width: width, style: .alarm)
            text.wrapped("If you are in danger call your local emergency number. " + crisisLine, indent: 3, width: width, style: .warning)
            sections.append(TodaySection(heading: nil, lines: text.lines, priority: 4, isWhole: true))
        }
        return sections
    }

    /// Everything due today or earlier, the selected one kept in view.
    func due(width: Int) -> TodaySection {
        let due = TodayScreen.reminders(journal: journal, now: now, timeZone: timeZone)
        var lines: [(String, Style)] = []
        for (index, reminder) in due.prefix(TodayScreen.reminderLines).enumerated() {
            let marker = index == selection ? "▸ " : "  "
            let label = DisplayWidth.fit(reminder.urgency.label, to: 9)
            let style: Style = reminder.urgency == .overdue ? .warning : (reminder.urgency == .dueNow ? .bold : .plain)
            // The key that acts on it is the patient's (a viewer sees the words alone); it
            // stays whole when the words are cut.
            let hint = readOnlyReason == nil ? " (\(reminder.place.keyHint))" : ""
            let room = max(0, width - 13 - DisplayWidth.of(hint))
            lines.append((" " + marker + label + DisplayWidth.truncate(reminder.message, to: room) + hint, style))
        }
        let heading = readOnlyReason == nil ? (width >= 50 ? "Due   (↑↓ select · z snooze 1 hour · x dismiss)" : "Due   (↑↓ z x)")
                                            : ViewerText.dueHeading(journal)
        return TodaySection(heading: (" " + heading, .bold), lines: lines, priority: 10, minimumLines: 2, keep: selection,
                            beyond: due.count - lines.count, more: { "   … and \($0) more (isojournal remind)" })
    }

    /// The course panel, then a note of records dated after now (it never shows among today's lists).
    func course(width: Int) -> [TodaySection] {
        var panel = CoursePanel.lines(journal: journal, now: now, timeZone: timeZone, width: width, forViewer: readOnlyReason != nil)
        let heading = journal.courseRecords == nil ? nil : panel.removeFirst()
        var sections = [TodaySection(heading: heading, lines: panel, priority: 20, more: Self.more("isojournal status"))]
        let twice = journal.recordsChangedOnTwoDevices.count
        if twice > 0 {
            let what = "⇄  \(twice) record\(twice == 1 ? "" : "s") changed on two devices, both kept (h History)"
            sections.append(TodaySection(heading: nil, lines: [(" " + what, .warning)], priority: 21, gapBefore: false))
        }
        let ahead = FutureDating(now: now, timeZone: timeZone).currentRecords(in: journal).sorted { $0.day < $1.day }
        if let first = ahead.first {
            let what = "\(ahead.count) record\(ahead.count == 1 ? "" : "s") dated after now, from \(DateText.short(first.day)) (h History)"
            sections.append(TodaySection(heading: nil, lines: [(" " + FutureDating.mark + "  " + what, .warning)], priority: 21, gapBefore: false))
        }
        return sections
    }

    /// This course month's checklist in one line: right under the course in one column (no gap), under the days in two.
    func checklist(width: Int, gapBefore: Bool = false) -> TodaySection {
        guard let list = MonthlyChecklist.build(journal: journal, today: today) else { return TodaySection(heading: nil, lines: [], priority: 50) }
        let done = list.items.filter { if case .done = $0.status { return true } else { return false } }.count
        let open = list.items.filter(\.status.needsAttention).count
        var summary = " Checklist  month \(list.month): \(done) done, \(open) to do"
        if let window = list.window, let number = window.dayNumber(on: today) {
            summary += " · window Day \(number) of \(window.length), closes \(DateText.short(window.closes))"
        }
        return TodaySection(heading: nil, lines: [(summary, .plain)], priority: 50, gapBefore: gapBefore)
    }

    func symptoms(width: Int) -> TodaySection {
        let catalogue = SymptomCatalogue.shipped
        let ratings = journal.symptomRatings(on: today)
        var text = SectionedText()
        if ratings.isEmpty {
            text.plain("   " + (readOnlyReason == nil ? "Nothing logged yet. Press l to log today's symptoms." : ViewerText.noSymptomsToday(journal)),
                       style: .dim)
        } else {
            for slug in catalogue.symptoms.map(\.slug) {
                guard let rating = ratings.first(where: { $0.symptom == slug }) else { continue }
                text.symptom(rating, catalogue: catalogue, width: width)
            }
        }
        return TodaySection(heading: (" Symptoms today", .bold), lines: text.lines, priority: 30, more: Self.more("h"))
    }

    func lastSevenDays(width: Int) -> TodaySection {
        let catalogue = SymptomCatalogue.shipped
        var lines: [(String, Style)] = []
        for offset in 1...7 {
            let day = today.adding(days: -offset)
            let dayRatings = journal.symptomRatings(on: day).filter { $0.grade > 0 }
            let flagCount = journal.redFlags(on: day).count
            var summary = dayRatings.isEmpty ? (journal.symptomRatings(on: day).isEmpty ? "–" : "no symptoms")
                : dayRatings.sorted { $0.grade > $1.grade }.map { "\(catalogue.name(of: $0.symptom).lowercased()) \($0.grade)" }
                    .joined(separator: ", ")
            if flagCount > 0 { summary = "RED FLAG · " + summary }
            lines.append(("   " + DisplayWidth.fit(DateText.short(day), to: 16) + summary, flagCount > 0 ? .warning : .plain))
        }
        return TodaySection(heading: (" Last 7 days", .bold), lines: lines, priority: 40, more: Self.more("h"))
    }

    /// "… 3 more (h)": how many lines were left out, and the key or command that shows them all.
    static func more(_ key: String) -> (Int) -> String {
        { "   … \($0) more (\(key))" }
    }
}
