import Foundation
import Testing
@testable import JournalCore

/// The engine over a whole simulated course, day by day, with an injected clock.
@Suite("Reminder engine")
struct ReminderEngineTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    let t0 = Date(timeIntervalSince1970: 1_795_000_000)

    func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    func at(_ date: String, _ hour: Int, _ minute: Int = 0) -> Date {
        Timestamp.instant(of: day(date), minuteOfDay: hour * 60 + minute, in: berlin)
    }

    /// A course from Mon 2 Mar 2026 (Berlin), cannot get pregnant, generic rules so only
    /// doses, symptoms, appointments, mood and weight remind.
    func baseJournal(category: CourseSettings.PatientCategory = .cannotGetPregnant, ruleSet: String = "generic") -> Journal {
        var journal = Journal()
        let start = day("2026-03-02")
        let records: [(EntryID, LocalDate, EntryBody)] = [
            (CourseSettings.entryID, start, .course(CourseSettings(startDate: start, patientCategory: category))),
            (DoseStep.entryID(startDate: start), start, .doseStep(DoseStep(startDate: start, cycle: [[20, 20]]))),
            (WeightMeasurement.entryID(day: start), start, .weight(WeightMeasurement(value: 70, unit: .kilograms))),
            (ProgrammeSettings.entryID, start, .programmeSettings(ProgrammeSettings(ruleSetID: ruleSet))),
        ]
        for (id, d, body) in records { journal.apply(Entry(id: id, revision: 1, recordedAt: t0, day: d, body: body)) }
        return journal
    }

    func record(_ journal: inout Journal, _ change: JournalChange) {
        journal.apply(change.entry(after: journal.revisionNumber(of: change.id), recordedAt: t0))
    }

    func ids(_ journal: Journal, _ now: Date, horizon: TimeInterval = 24 * 3600) -> [String] {
        ReminderEngine.reminders(journal: journal, now: now, timeZone: berlin, horizon: horizon).map(\.id)
    }

    func reminder(_ journal: Journal, _ now: Date, _ id: String) -> Reminder? {
        ReminderEngine.reminders(journal: journal, now: now, timeZone: berlin).first { $0.id == id }
    }

    @Test("a whole simulated course: each day's doses remind until recorded, never marked taken")
    func wholeCourse() {
        var journal = baseJournal()
        var current = day("2026-03-02")
        while current <= day("2026-04-10") {
            // 07:00: both of today's doses are ahead ("today"), none recorded.
            let early = ReminderEngine.reminders(journal: journal, now: at(current.iso, 7), timeZone: berlin)
            let doses = early.filter { $0.kind == .dose && $0.id.contains(current.iso) }
            #expect(doses.map(\.urgency) == [.today, .today], "\(current)")
            // 08:30 due now, 09:00 overdue (grace 60 min).
            #expect(reminder(journal, at(current.iso, 8, 30), "dose-\(current.iso)-morning")?.urgency == .dueNow)
            #expect(reminder(journal, at(current.iso, 9), "dose-\(current.iso)-morning")?.urgency == .overdue)
            // Take the morning dose at 09:05; skip the evening one on Sundays.
            let morning = DoseIntake(slot: "morning", status: .taken, milligrams: 20, withFood: true)
            record(&journal, morning.change(day: current, at: at(current.iso, 9, 5), timeZone: berlin))
            #expect(reminder(journal, at(current.iso, 9, 10), "dose-\(current.iso)-morning") == nil)
            if current.isoWeekday == 7 {
                record(&journal, DoseIntake(slot: "evening", status: .skipped, milligrams: nil, withFood: nil)
                    .change(day: current, at: nil, timeZone: berlin))
            }
            let evening = reminder(journal, at(current.iso, 21, 30), "dose-\(current.iso)-evening")
            #expect(current.isoWeekday == 7 ? evening == nil : evening?.urgency == .overdue, "\(current)")
            current = current.adding(days: 1)
        }
        // Reminders never wrote anything: only the mornings and the Sunday skips are in the record.
        let records = journal.courseRecords!
        #expect(records.intakes.values.flatMap(\.values).filter { $0.status == .taken }.count == 40)
        #expect(records.intakes.values.flatMap(\.values).filter { $0.status == .skipped }.count == 5) // the Sundays 8, 15, 22, 29 March and 5 April
    }

    @Test("daylight saving: on 29 March the 08:00 dose is due at 08:00 CEST (06:00 UTC)")
    func dstDay() {
        let journal = baseJournal()
        let before = Date(timeIntervalSince1970: Timestamp.parse("2026-03-29T05:59:00Z")!.timeIntervalSince1970)
        let after = Timestamp.parse("2026-03-29T06:00:00Z")!
        #expect(reminder(journal, before, "dose-2026-03-29-morning")?.urgency == .today)
        #expect(reminder(journal, after, "dose-2026-03-29-morning")?.urgency == .dueNow)
        // On 25 October (back to CET) 08:00 is 07:00 UTC.
        #expect(reminder(journal, Timestamp.parse("2026-10-25T06:59:00Z")!, "dose-2026-10-25-morning")?.urgency == .today)
        #expect(reminder(journal, Timestamp.parse("2026-10-25T07:00:00Z")!, "dose-2026-10-25-morning")?.urgency == .dueNow)
    }

    @Test("symptom log from the evening hour; quiet once something is logged")
    func symptomLog() {
        var journal = baseJournal()
        #expect(reminder(journal, at("2026-03-10", 18, 59), "symptoms-2026-03-10")?.urgency == .today)
        #expect(reminder(journal, at("2026-03-10", 19), "symptoms-2026-03-10")?.urgency == .dueNow)
        record(&journal, .put(SymptomRating.entryID(day: day("2026-03-10"), symptom: "dry-skin"), day: day("2026-03-10"),
                              body: .symptom(SymptomRating(symptom: "dry-skin", grade: 1))))
        #expect(reminder(journal, at("2026-03-10", 19), "symptoms-2026-03-10") == nil)
    }

    @Test("a fasting lipid draw tomorrow: the appointment and the fasting evening; past ones ask to be marked")
    func appointments() {
        var journal = baseJournal()
        let draw = LabAppointment(what: .lipids, minuteOfDay: 7 * 60 + 30, fasting: true)
        record(&journal, .put(EntryID("appointment-2026-03-11-lipids"), day: day("2026-03-11"), body: .labAppointment(draw)))
        let evening = reminder(journal, at("2026-03-10", 18, 30), "appointment-2026-03-11-lipids-fasting")
        #expect(evening?.urgency == .dueNow)
        #expect(evening?.message == "Fasting blood test tomorrow at 07:30: no food from 23:30 (about 8 hours before), water is fine; no alcohol before a lipid test")
        #expect(reminder(journal, at("2026-03-10", 12), "appointment-2026-03-11-lipids")?.message == "Blood draw: lipids tomorrow at 07:30")
        #expect(reminder(journal, at("2026-03-11", 7), "appointment-2026-03-11-lipids")?.urgency == .today)
        #expect(reminder(journal, at("2026-03-11", 7, 30), "appointment-2026-03-11-lipids")?.urgency == .dueNow)
        #expect(reminder(journal, at("2026-03-12", 9), "appointment-2026-03-11-lipids-mark")?.urgency == .overdue)
    }

    @Test("can get pregnant under iPLEDGE: test, window days, closing and missed, confirmation")
    func programmeReminders() {
        var journal = baseJournal(category: .canGetPregnant, ruleSet: "us-ipledge-2021")
        // Month 1 is 2–31 March. Before any test: the pregnancy test is due.
        #expect(reminder(journal, at("2026-03-05", 10), "checklist-1-pregnancy-test")?.urgency == .today)
        record(&journal, .put(LabResult.entryID(day: day("2026-03-05"), test: .pregnancy), day: day("2026-03-05"),
                              body: .labResult(.pregnancyTest(.negative))))
        // Window 5–11 March: Day 1 "today", Day 6 and Day 7 "due now".
        #expect(reminder(journal, at("2026-03-05", 10), "checklist-1-pickup-window-2026-03-05")?.urgency == .today)
        #expect(reminder(journal, at("2026-03-10", 10), "checklist-1-pickup-window-2026-03-05")?.message == "Prescription window: Day 6 of 7 — closes tomorrow, 2026-03-11")
        #expect(reminder(journal, at("2026-03-10", 10), "checklist-1-pickup-window-2026-03-05")?.urgency == .dueNow)
        #expect(reminder(journal, at("2026-03-11", 10), "checklist-1-pickup-window-2026-03-05")?.urgency == .dueNow)
        // 12 March: missed, with the 2021 rule's next step (5 March + 19 days = 24 March).
        let missed = reminder(journal, at("2026-03-12", 10), "checklist-1-pickup-window-missed-2026-03-05")
        #expect(missed?.urgency == .overdue)
        #expect(missed?.message.contains("on or after 2026-03-24") == true)
        #expect(reminder(journal, at("2026-03-12", 10), "checklist-1-programme-confirmation")?.urgency == .today)
    }

    @Test("mood check by interval, weight after a month, snooze and dismiss")
    func moodWeightSnooze() {
        var journal = baseJournal()
        // The first check is due at the end of the first week: course day 7 is 8 March, not 2 March.
        #expect(ids(journal, at("2026-03-02", 10)).allSatisfy { !$0.hasPrefix("mood") })
        #expect(reminder(journal, at("2026-03-08", 10), "mood-2026-03-08")?.urgency == .today)
        record(&journal, .put(MoodCheck.entryID(day: day("2026-03-02")), day: day("2026-03-02"), body: .moodCheck(MoodCheck(answers: [0, 0]))))
        #expect(ids(journal, at("2026-03-20", 10)).allSatisfy { !$0.hasPrefix("mood") })
        #expect(reminder(journal, at("2026-04-01", 10), "mood-2026-04-01")?.urgency == .today)
        #expect(reminder(journal, at("2026-03-31", 10), "weight-after-2026-03-02") == nil)
        #expect(reminder(journal, at("2026-04-01", 10), "weight-after-2026-03-02")?.urgency == .today)
        record(&journal, .put(ReminderState.entryID(reminder: "weight-after-2026-03-02"), day: day("2026-04-01"),
                              body: .reminderState(ReminderState(reminder: "weight-after-2026-03-02", snoozedUntil: at("2026-04-01", 12)))))
        #expect(reminder(journal, at("2026-04-01", 11), "weight-after-2026-03-02") == nil)
        #expect(reminder(journal, at("2026-04-01", 12), "weight-after-2026-03-02") != nil)
        record(&journal, .put(ReminderState.entryID(reminder: "dose-2026-04-01-morning"), day: day("2026-04-01"),
                              body: .reminderState(ReminderState(reminder: "dose-2026-04-01-morning", dismissed: true))))
        #expect(reminder(journal, at("2026-04-01", 11), "dose-2026-04-01-morning") == nil)
        #expect(journal.courseRecords?.intakes[day("2026-04-01")] == nil)
    }

    @Test("after the course: the countdowns, the one-month test until it is done")
    func afterCourse() {
        var journal = baseJournal(category: .canGetPregnant, ruleSet: "us-ipledge-2026")
        var settings = journal.courseRecords!.settings
        settings.lastDoseDate = day("2026-07-31")
        record(&journal, .put(CourseSettings.entryID, day: settings.startDate, body: .course(settings)))
        // 31 July + 1 month = 31 August.
        let ahead = ReminderEngine.reminders(journal: journal, now: at("2026-08-20", 10), timeZone: berlin, horizon: 30 * 86_400)
        #expect(ahead.first { $0.id == "after-pregnancy-test-after" }?.message == "Pregnancy test one month after the last dose: in 11 days (2026-08-31)")
        #expect(ahead.first { $0.id == "after-blood-donation" }?.urgency == .upcoming)
        #expect(!ahead.contains { $0.kind == .dose })
        #expect(reminder(journal, at("2026-09-02", 10), "after-pregnancy-test-after")?.urgency == .overdue)
        record(&journal, .put(LabResult.entryID(day: day("2026-09-02"), test: .pregnancy), day: day("2026-09-02"),
                              body: .labResult(.pregnancyTest(.negative))))
        #expect(reminder(journal, at("2026-09-03", 10), "after-pregnancy-test-after") == nil)
    }
}

@Suite("Calendar export")
struct CalendarExportTests {
    let zone = TimeZone(identifier: "UTC")!
    let t0 = Timestamp.parse("2026-11-26T09:30:00Z")!

    func journal() -> Journal {
        var journal = Journal()
        let start = LocalDate(iso: "2026-11-02")!
        let records: [(EntryID, LocalDate, EntryBody)] = [
            (CourseSettings.entryID, start, .course(CourseSettings(startDate: start, patientCategory: .cannotGetPregnant))),
            (DoseStep.entryID(startDate: start), start, .doseStep(DoseStep(startDate: start, cycle: [[40, 0], [40, 40]]))),
            (EntryID("appointment-2026-11-30-lipids"), LocalDate(iso: "2026-11-30")!,
             .labAppointment(LabAppointment(what: .lipids, minuteOfDay: 8 * 60 + 30, fasting: true,
                                            note: "Main St lab, 2nd floor; bring card, form \\ ID\nask for Dr Ng"))),
        ]
        for (id, day, body) in records { journal.apply(Entry(id: id, revision: 1, recordedAt: t0, day: day, body: body)) }
        return journal
    }

    @Test("well-formed: CRLF lines, none over 75 octets, folded lines start with a space")
    func structure() {
        let text = CalendarExport.ics(journal: journal(), now: t0, timeZone: zone, days: 10)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//IsoJournal//IsoJournal 0.1//EN\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == lines.filter { $0 == "END:VEVENT" }.count)
        #expect(lines.filter { $0.hasPrefix("DTSTAMP:") }.allSatisfy { $0 == "DTSTAMP:20261126T093000Z" })
    }

    @Test("text is escaped and unfolds back exactly")
    func escapingAndFolding() {
        let text = CalendarExport.ics(journal: journal(), now: t0, timeZone: zone, days: 10)
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DESCRIPTION:Fasting: no food for about 8 hours before\\; water is fine. No alcohol before a lipid test.\\nMain St lab\\, 2nd floor\\; bring card\\, form \\\\ ID\\nask for Dr Ng\r\n"))
        #expect(ICalendarWriter.fold(String(repeating: "é", count: 80)).components(separatedBy: "\r\n ").allSatisfy { $0.utf8.count <= 75 })
        #expect(ICalendarWriter.fold(String(repeating: "a", count: 75)) == String(repeating: "a", count: 75))
        #expect(ICalendarWriter.fold(String(repeating: "a", count: 76)) == String(repeating: "a", count: 75) + "\r\n a")
    }

    @Test("alternate-day plans become one recurring event per cycle day; UIDs are stable across exports")
    func recurrenceAndUIDs() {
        let first = CalendarExport.ics(journal: journal(), now: t0, timeZone: zone, days: 10)
        let later = CalendarExport.ics(journal: journal(), now: t0.addingTimeInterval(7200), timeZone: zone, days: 10)
        func uids(_ text: String) -> [String] { text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
        #expect(uids(first) == uids(later))
        #expect(uids(first) == ["UID:dose-2026-11-02-0-morning@isojournal", "UID:dose-2026-11-02-1-morning@isojournal",
                                "UID:dose-2026-11-02-1-evening@isojournal", "UID:appointment-2026-11-30-lipids@isojournal"])
        // 26 Nov is day 24 of the step: cycle day 0 (40 mg, morning only); day 1 of the cycle starts 27 Nov.
        #expect(first.contains("DTSTART:20261126T080000\r\nDTEND:20261126T081500\r\nSUMMARY:Isotretinoin 40 mg (morning) with food\r\nRRULE:FREQ=DAILY;INTERVAL=2;COUNT=6"))
        #expect(first.contains("DTSTART:20261127T200000"))
        #expect(first.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT10H"))
    }
}
