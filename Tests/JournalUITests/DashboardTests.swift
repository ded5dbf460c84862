import Foundation
import Testing
import JournalCore
@testable import JournalUI

@Suite("Today dashboard")
struct DashboardTests {
    let zone = ScreenDriver.zone

    /// Course from Mon 2 Nov 2026, 20 + 20 mg at 08:00 and 20:00, every dose taken until 25 Nov;
    /// a fasting lipid draw tomorrow at 08:30, a negative pregnancy test on 24 Nov.
    func journal() -> Journal {
        var journal = Journal()
        let t = ScreenDriver.morning
        let start = LocalDate(iso: "2026-11-02")!
        var entries: [(EntryID, LocalDate, EntryBody, Date?)] = [
            (CourseSettings.entryID, start, .course(CourseSettings(startDate: start, patientCategory: .canGetPregnant)), nil),
            (DoseStep.entryID(startDate: start), start, .doseStep(DoseStep(startDate: start, cycle: [[20, 20]])), nil),
            (WeightMeasurement.entryID(day: start), start, .weight(WeightMeasurement(value: 61, unit: .kilograms)), nil),
            (ProgrammeSettings.entryID, start, .programmeSettings(ProgrammeSettings(contraceptionMethods: ["IUD", "condoms"])), nil),
            (LabResult.entryID(day: LocalDate(iso: "2026-11-24")!, test: .pregnancy), LocalDate(iso: "2026-11-24")!,
             .labResult(.pregnancyTest(.negative)), nil),
            (EntryID("appointment-2026-11-27-lipids"), LocalDate(iso: "2026-11-27")!,
             .labAppointment(LabAppointment(what: .lipids, minuteOfDay: 8 * 60 + 30, fasting: true)), nil),
            (MoodCheck.entryID(day: LocalDate(iso: "2026-11-20")!), LocalDate(iso: "2026-11-20")!, .moodCheck(MoodCheck(answers: [0, 1])), nil),
        ]
        var day = start
        while day < LocalDate(iso: "2026-11-26")! {
            for slot in IntakeSlot.twiceDaily {
                let time = Timestamp.instant(of: day, minuteOfDay: slot.minuteOfDay, in: zone)
                entries.append((DoseIntake.entryID(day: day, slot: slot.name), day,
                                .dose(DoseIntake(slot: slot.name, status: .taken, milligrams: 20, withFood: true)), time))
            }
            day = day.adding(days: 1)
        }
        for (id, day, body, time) in entries {
            journal.apply(Entry(id: id, revision: 1, recordedAt: t, day: day, occurredAt: time,
                                occurredOffsetSeconds: time.map { zone.secondsFromGMT(for: $0) }, body: body))
        }
        return journal
    }

    @Test("the dashboard at 09:30: reminders by urgency (the 08:00 dose is overdue after its hour of grace), course, checklist")
    func dashboard() {
        let driver = ScreenDriver(journal: journal())
        #expect(driver.screen == screen("""
         IsoJournal                                           Thursday 26 November 2026
         Due   (↑↓ select · z snooze 1 hour · x dismiss)
         ▸ overdue  Morning dose: 20 mg with food was due at 08:00 — not recorded … (d)
           today    Contraception 1: IUD: not confirmed for month 1 (k)
           today    Contraception 2: condoms: not confirmed for month 1 (k)
           today    Prescription window: Day 3 of 7 — closes on 2026-11-30 (k)
           today    Monthly programme confirmation for month 1 not ticked yet (k)
           today    Fasting blood test tomorrow at 08:30: no food from 00:30 (abou… (b)
           … and 2 more (isojournal remind)
         Course  day 25 · month 1 · plan 20 + 20 mg · 61 kg
           960 mg = 15.7 of 120 mg/kg  [██░░░░░░░░░░░░░░░░░░] 13%
           Taken   last 7 days 12/13 · month 48/49 · course 48/49 · 1 not recorded
           Target  Tue 4 May 2027 at your recent intake · Tue 4 May 2027 at the plan
         Doses today  morning 20 mg due since 08:00 · evening 20 mg at 20:00
         Checklist  month 1: 2 done, 6 to do · window Day 3 of 7, closes Mon 30 Nov 2026
         Symptoms today
           Nothing logged yet. Press l to log today's symptoms.
         Last 7 days
           Wed 25 Nov 2026 –
           Tue 24 Nov 2026 –
           Mon 23 Nov 2026 –
           … 4 more (h)

         l log d doses b labs k checklist m mood c course h history ? help q quit
        """))
    }

    @Test("a dose becomes overdue at its time without a key press, and logging it quiets it")
    func overdueByTime() {
        var driver = ScreenDriver(journal: journal())
        driver.send(.tick(Timestamp.instant(of: LocalDate(iso: "2026-11-26")!, minuteOfDay: 7 * 60 + 59, in: zone)))
        #expect(driver.screen.contains("today    Morning dose: 20 mg with food at 08:00"))
        driver.send(.tick(Timestamp.instant(of: LocalDate(iso: "2026-11-26")!, minuteOfDay: 8 * 60, in: zone)))
        #expect(driver.screen.contains("due now  Morning dose: 20 mg with food at 08:00"))
        driver.send(.tick(Timestamp.instant(of: LocalDate(iso: "2026-11-26")!, minuteOfDay: 9 * 60, in: zone)))
        #expect(driver.screen.contains("overdue  Morning dose: 20 mg with food was due at 08:00"))
        driver.press(.ch("d"), .enter, .escape)
        #expect(!driver.screen.contains("Morning dose"))
    }

    @Test("snoozing hides a reminder for an hour; dismissing a dose leaves it unrecorded")
    func snoozeAndDismiss() {
        var driver = ScreenDriver(journal: journal())
        driver.press(.ch("z"))
        #expect(driver.screen.contains("Snoozed for an hour: Morning dose"))
        #expect(!driver.screen.contains("due now  Morning dose"))
        driver.send(.tick(ScreenDriver.morning.addingTimeInterval(3601)))
        #expect(driver.screen.contains("overdue  Morning dose"))
        driver.press(.ch("x"))
        #expect(driver.screen.contains("Dismissed. The dose is still not recorded as taken."))
        #expect(!driver.screen.contains("Morning dose"))
        #expect(driver.screen.contains("1 not recorded"))
        #expect(driver.state.journal.courseRecords?.intakes[LocalDate(iso: "2026-11-26")!] == nil)
    }
}

@Suite("Today dashboard: lab flags")
struct DashboardLabFlagTests {
    @Test("a result flagged in the last 30 days stays on Today; older or unflagged ones do not")
    func labFlagsOnToday() {
        var journal = Journal()
        let t = ScreenDriver.morning
        let results: [(String, LabResult)] = [
            ("2026-11-20", .measured(.triglycerides, 6.2, .millimolesPerLiter)),   // 549 mg/dL: tell
            ("2026-11-21", .measured(.hdl, 50, .milligramsPerDeciliter)),          // not flagged
            ("2026-10-01", .measured(.triglycerides, 900, .milligramsPerDeciliter)), // flagged but 56 days ago
        ]
        for (day, result) in results {
            let date = LocalDate(iso: day)!
            journal.apply(Entry(id: LabResult.entryID(day: date, test: result.test), revision: 1, recordedAt: t, day: date,
                                body: .labResult(result)))
        }
        let driver = ScreenDriver(journal: journal)
        #expect(driver.screen.contains(" Lab results to tell your prescriber about (b)"))
        #expect(driver.screen.contains("   ! Fri 20 Nov 2026  Triglycerides 6.2 mmol/L"))
        #expect(!driver.screen.contains("HDL"))
        #expect(!driver.screen.contains("Thu 1 Oct 2026"))
    }

    @Test("an ALT without the lab's upper limit is listed on Today as not judged for 30 days (26 Nov − 29 = 28 Oct is the oldest)")
    func unjudgedOnToday() {
        var journal = Journal()
        let t = ScreenDriver.morning
        let results: [(String, LabResult)] = [
            ("2026-11-20", .measured(.alt, 600, .unitsPerLiter)),                     // no ULN: not judged
            ("2026-10-27", .measured(.ast, 300, .unitsPerLiter)),                     // 30 days before 26 Nov: gone
        ]
        for (day, result) in results {
            let date = LocalDate(iso: day)!
            journal.apply(Entry(id: LabResult.entryID(day: date, test: result.test), revision: 1, recordedAt: t, day: date,
                                body: .labResult(result)))
        }
        let driver = ScreenDriver(journal: journal)
        #expect(driver.screen.contains(" Lab results not judged (b)"), "\(driver.screen)")
        #expect(driver.screen.contains("   ? Fri 20 Nov 2026  ALT (liver) 600 U/L — not judged — add the lab's upper"), "\(driver.screen)")
        #expect(!driver.screen.contains("AST"))
    }
}

@Suite("Today: Enter acts on the selected due item")
struct DueItemEnterTests {
    @Test("Enter on the overdue dose opens Doses; on a checklist item the checklist; on a lab item the labs")
    func enterGoesWhereTheItemIsResolved() {
        let journal = DashboardTests().journal()
        var driver = ScreenDriver(journal: journal)
        driver.press(.enter)
        #expect(driver.screen.contains("IsoJournal · Doses"), "\(driver.screen)")
        driver = ScreenDriver(journal: journal)
        driver.press(.down, .enter) // Contraception 1, a checklist item
        #expect(driver.screen.contains("Checklist"), "\(driver.screen)")
        #expect(!driver.screen.contains("Due   (↑↓"), "\(driver.screen)")
        driver = ScreenDriver(journal: journal)
        driver.press(.down, .down, .down, .down, .down, .enter) // the fasting blood test
        #expect(driver.screen.contains("Labs"), "\(driver.screen)")
        #expect(!driver.screen.contains("Due   (↑↓"), "\(driver.screen)")
    }

    @Test("with nothing due, Enter still opens the daily log")
    func enterWithNothingDue() {
        var driver = ScreenDriver(journal: Journal())
        driver.press(.enter)
        #expect(driver.screen.contains("Log symptoms"), "\(driver.screen)")
    }
}
