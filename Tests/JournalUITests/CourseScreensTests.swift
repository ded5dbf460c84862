import Foundation
import Testing
import JournalCore
@testable import JournalUI

@Suite("Course setup, dose log and course panel")
struct CourseScreensTests {
    let today = LocalDate(iso: "2026-11-26")!

    /// A journal with a course that started on Monday 2 November 2026: 61 kg, 20 + 20 mg.
    func journalWithCourse(dosesUntil lastDay: LocalDate? = nil) -> Journal {
        var driver = ScreenDriver()
        driver.press(.ch("c"))
        driver.press(.control("u"))
        driver.type("2026-11-02")
        driver.press(.down)
        driver.type("61")
        for _ in 0..<4 { driver.press(.down) }
        driver.type("20+20")
        driver.press(.control("s"))
        var journal = driver.state.journal
        if let lastDay {
            var day = LocalDate(iso: "2026-11-02")!
            while day <= lastDay {
                for slot in IntakeSlot.twiceDaily {
                    let time = Timestamp.instant(of: day, minuteOfDay: slot.minuteOfDay + 5, in: ScreenDriver.zone)
                    let change = DoseIntake(slot: slot.name, status: .taken, milligrams: 20, withFood: true)
                        .change(day: day, at: time, timeZone: ScreenDriver.zone)
                    journal.apply(change.entry(after: 0, recordedAt: time))
                }
                day = day.adding(days: 1)
            }
        }
        return journal
    }

    @Test("first run offers the setup form at 80×24")
    func firstRunSetup() {
        var driver = ScreenDriver()
        driver.state = AppState(journal: Journal(), now: ScreenDriver.morning, timeZone: ScreenDriver.zone,
                                width: 80, height: 24, offerSetup: true)
        #expect(driver.screen == screen("""
         IsoJournal · Set up your course

         Enter your course as your prescriber set it. You can change it later (c).

        ▸ Start date         2026-11-26
          Body weight
          Weight unit        (•) kg  ( ) lb
          Product            isotretinoin (generic)
          Take it            (•) with food  ( ) with or without food
          Dose plan (mg)
          Intake times       08:00, 20:00
          Target (mg/kg)     120
          Patient category   (•) can get pregnant  ( ) cannot get pregnant
          Planned end

         The day of your first dose, YYYY-MM-DD (add HH:MM if not the day's first).







         ↑↓ field   ← → choose   ^S save   F1 help   Esc later
        """))
        driver.press(.escape)
        #expect(driver.screen.contains("Set up your course any time with c."))
    }

    @Test("at 40×12 the setup form scrolls to the field being edited")
    func setupSmallWindow() {
        var driver = ScreenDriver(width: 40, height: 12)
        driver.press(.ch("c"))
        #expect(driver.screen.contains("▸ Start date"))
        #expect(!driver.screen.contains("Planned end"))
        for _ in 0..<9 { driver.press(.down) }
        #expect(driver.screen.contains("▸ Planned end"))
        #expect(!driver.screen.contains("Start date"))
    }

    @Test("setup refuses missing or impossible values and points at the field")
    func setupValidation() {
        var driver = ScreenDriver()
        driver.press(.ch("c"), .control("s"))
        #expect(driver.screen.contains("Body weight is needed to work out mg/kg."))
        #expect(driver.screen.contains("▸ Body weight"))
        driver.type("610")
        driver.press(.control("s"))
        #expect(driver.screen.contains("Weight: 610 kg is not a plausible body weight"))
        driver.press(.backspace)
        driver.press(.control("s"))
        #expect(driver.screen.contains("Dose plan: write the mg you take at each time, e.g. 20+20."))
        driver.type("20+20+20")
        driver.press(.control("s"))
        #expect(driver.screen.contains("is not a plan like 20+20"))
        #expect(driver.recorded.isEmpty)
    }

    @Test("a saved setup shows the course panel on Today")
    func coursePanel() {
        let journal = journalWithCourse(dosesUntil: LocalDate(iso: "2026-11-25")!)
        let driver = ScreenDriver(journal: journal)
        // 24 days × 40 mg = 960 mg; 960 / 61 = 15.74 mg/kg = 13% of 120.
        // Remaining 104.26 mg/kg at 40/61 = 0.6557 a day → 159 days → Tue 4 May 2027.
        #expect(driver.screen.contains(" Course  day 25 · month 1 · plan 20 + 20 mg · 61 kg"))
        #expect(driver.screen.contains("   960 mg = 15.7 of 120 mg/kg  [██░░░░░░░░░░░░░░░░░░] 13%"))
        #expect(driver.screen.contains("   Taken   last 7 days 12/13 · month 48/49 · course 48/49 · 1 not recorded"))
        #expect(driver.screen.contains("   Target  Tue 4 May 2027 at your recent intake · Tue 4 May 2027 at the plan"))
        #expect(driver.screen.contains(" Doses today  morning 20 mg due since 08:00 · evening 20 mg at 20:00"))
    }

    @Test("the dose log at 80×24: Enter records the planned dose as taken now")
    func doseLog() throws {
        var driver = ScreenDriver(journal: journalWithCourse())
        driver.press(.ch("d"))
        #expect(driver.screen == screen("""
         IsoJournal · Doses                                     Thu 26 Nov 2026 (today)

         Plan: 20 + 20 mg · take with food · weight 61 kg

           Time   Intake     Plan      Recorded
        ▸ 08:00  morning    20 mg     · not recorded
          20:00  evening    20 mg     · not recorded

         Total: 0 mg taken of 40 mg planned














         Enter taken e edit s skip x undo [ ] day w weight m medicine ? help Esc back
        """))
        // 09:30 is more than the hour of grace after 08:00: which time is right is asked, not guessed.
        driver.press(.enter)
        #expect(driver.screen.contains("The morning dose is planned at 08:00; it is now 09:30. When"))
        #expect(driver.recorded.isEmpty)
        driver.press(.ch("n"))
        let change = try #require(driver.recorded.last?.first)
        #expect(change == DoseIntake(slot: "morning", status: .taken, milligrams: 20, withFood: true)
            .change(day: today, at: ScreenDriver.morning, timeZone: ScreenDriver.zone))
        #expect(driver.screen.contains("▸ 08:00  morning    20 mg     ✓ taken 09:30 · 20 mg · with food"))
        #expect(driver.screen.contains("Saved: morning dose 20 mg taken (Thu 26 Nov 2026)."))
        #expect(driver.screen.contains(" Total: 20 mg taken of 40 mg planned"))
    }

    @Test("a plan change set from the course screen on a chosen day shows on Today before it starts")
    func planFromChosenDay() throws {
        var driver = ScreenDriver(journal: journalWithCourse(dosesUntil: LocalDate(iso: "2026-11-25")!))
        driver.press(.ch("c"))
        #expect(driver.screen.contains("Plan from"))
        // Down to the plan (start, weight, unit, product, food, plan), then the new field right below it.
        for _ in 0..<5 { driver.press(.down) }
        driver.press(.control("u"))
        driver.type("40+40")
        driver.press(.down, .control("u"))
        driver.type("2026-12-07")
        driver.press(.control("s"))
        let step = try #require(driver.recorded.last?.compactMap { change -> DoseStep? in
            if case let .put(_, _, _, _, .doseStep(step), _) = change { return step } else { return nil }
        }.first)
        #expect(step == DoseStep(startDate: LocalDate(iso: "2026-12-07")!, cycle: [[40, 40]]))
        #expect(driver.screen.contains("   Next plan  40+40 mg from Mon 7 Dec 2026"), "\(driver.screen)")
        #expect(driver.screen.contains("plan 20 + 20 mg"), "the plan in force today is unchanged")
    }

    @Test("a finished course: c opens 'Start course 2'; sooner than two months asks; the panel then says course 2")
    func secondCourseFromTheUI() throws {
        var journal = journalWithCourse(dosesUntil: LocalDate(iso: "2026-11-10")!)
        let finished = try CourseLifecycle.finish(journal: journal, lastDose: LocalDate(iso: "2026-11-10")!, acceptLaterDoses: false)
        for change in finished.changes { journal.apply(change.entry(after: journal.revisionNumber(of: change.id), recordedAt: ScreenDriver.morning)) }
        var driver = ScreenDriver(journal: journal)
        driver.press(.ch("c"))
        #expect(driver.screen == screen("""
         IsoJournal · Start course 2

         Course 1 is finished (last dose Tue 10 Nov 2026). The new course has its own
         total, checklist months and after-course dates.

        ▸ First dose on      2026-11-26
          Dose plan (mg)     20+20
          Body weight (kg)   61
          Target (mg/kg)     120

         The day the new course starts, YYYY-MM-DD.












         ↑↓ field   Enter next/save   F1 help   Esc cancel
        """))
        // 10 Nov + 2 months = 10 Jan 2027: starting today asks first.
        driver.press(.enter, .enter, .enter, .enter)
        #expect(driver.screen.contains("break: that is 2027-01-10 at the earliest (isotretinoin"))
        #expect(driver.screen.contains("press y to"))
        #expect(driver.recorded.isEmpty)
        driver.press(.ch("y"))
        #expect(driver.recorded.count == 1)
        #expect(driver.screen.contains(" Course 2  day 1 · month 1 · plan 20 + 20 mg · 61 kg"))
        #expect(driver.screen.contains("   0 mg = 0.0 of 120 mg/kg"), "course 2's own total")
        #expect(driver.screen.contains("Course 2 starts 2026-11-26."))
    }

    @Test("logging a slot twice asks first; n keeps the record as it was")
    func doubleDoseGuard() {
        var driver = ScreenDriver(journal: journalWithCourse())
        driver.press(.ch("d"), .enter, .ch("p"), .enter, .ch("p"))
        #expect(driver.screen.contains("The morning dose of Thu 26 Nov 2026 is already recorded"))
        #expect(driver.screen.contains("(taken, 20 mg). Record it again? The earlier record stays in"))
        driver.press(.ch("n"))
        #expect(driver.recorded.count == 1) // the first dose only
        #expect(driver.screen.contains("Not saved."))
        driver.press(.enter, .ch("p"), .ch("y"))
        #expect(driver.recorded.count == 2)
    }

    @Test("Enter far from the planned time asks: now, the planned time, or another; correcting the time is not 'record it again'")
    func farFromPlannedTime() throws {
        var driver = ScreenDriver(journal: journalWithCourse())
        let today = LocalDate(iso: "2026-11-26")!
        driver.press(.ch("d"), .enter)
        #expect(driver.screen.contains("When was it taken?"))
        driver.press(.escape)
        #expect(driver.recorded.isEmpty)
        driver.press(.enter, .ch("p"))
        let planned = try #require(driver.recorded.last?.first)
        #expect(planned == DoseIntake(slot: "morning", status: .taken, milligrams: 20, withFood: true)
            .change(day: today, at: Timestamp.instant(of: today, minuteOfDay: 8 * 60, in: ScreenDriver.zone), timeZone: ScreenDriver.zone))
        // Correct the time to 08:20 with e: saved as a correction, without asking to record it again.
        driver.press(.ch("e"), .down)
        for _ in 0..<5 { driver.press(.backspace) }
        for c in "08:20" { driver.press(.ch(c)) }
        driver.press(.enter, .enter)
        #expect(!driver.screen.contains("Record it again?"))
        #expect(driver.recorded.count == 2)
        #expect(driver.screen.contains("Corrected."))
        // o opens the form for another time.
        driver.press(.down, .enter, .ch("o"))
        #expect(driver.screen.contains("Record the evening dose of Thu 26 Nov 2026:"))
    }

    @Test("skipping, editing an unusual amount, and the future")
    func skipEditFuture() {
        var driver = ScreenDriver(journal: journalWithCourse())
        driver.press(.ch("d"), .down, .ch("s"))
        #expect(driver.screen.contains("▸ 20:00  evening    20 mg     ✗ skipped"))
        driver.press(.ch("]"))
        #expect(driver.screen.contains("Doses can only be recorded once taken."))
        driver.press(.up, .ch("e"))
        #expect(driver.screen.contains("Record the morning dose of Thu 26 Nov 2026:"))
        driver.press(.control("u"))
        driver.type("40")
        driver.press(.enter, .enter, .enter)
        #expect(driver.screen.contains("The plan for this dose is 20 mg, not 40 mg. Save 40 mg?"))
        driver.press(.ch("y"))
        #expect(driver.screen.contains("✓ taken 08:00 · 40 mg · with food"))
        driver.press(.ch("e"), .control("u"))
        driver.type("400")
        driver.press(.enter, .enter, .enter)
        #expect(driver.screen.contains("far above any isotretinoin plan"))
    }

    @Test("back-filling yesterday uses the slot's usual time")
    func backfill() throws {
        var driver = ScreenDriver(journal: journalWithCourse())
        driver.press(.ch("d"), .ch("["), .enter)
        #expect(driver.screen.contains("Wed 25 Nov 2026"))
        #expect(driver.screen.contains("✓ taken 08:00 · 20 mg"))
        let change = try #require(driver.recorded.last?.first)
        #expect(change.id == DoseIntake.entryID(day: today.adding(days: -1), slot: "morning"))
    }

    @Test("a tetracycline-class medicine brings the interaction warning and is noted with it")
    func interactionWarning() throws {
        var driver = ScreenDriver(journal: journalWithCourse())
        driver.press(.ch("d"), .ch("m"))
        driver.type("Doxycycline 100 mg")
        driver.press(.enter)
        #expect(driver.screen.contains("Interaction: tell your prescriber"))
        #expect(driver.screen.contains("tetracycline-class antibiotic"))
        let change = try #require(driver.recorded.last?.first)
        guard case let .put(_, _, _, _, .medicine(note), _) = change else {
            Issue.record("expected a medicine note")
            return
        }
        #expect(note.warningShown?.contains("tetracycline-class") == true)
        driver.press(.ch("x"))
        #expect(driver.screen.contains("Interaction: tell your prescriber"))
        driver.press(.enter)
        #expect(driver.screen.contains(" Other medicines: Doxycycline 100 mg (!)"))
    }

    @Test("weight from the dose log goes into the history")
    func weightPrompt() {
        var driver = ScreenDriver(journal: journalWithCourse())
        driver.press(.ch("d"), .ch("w"))
        driver.type("63.5")
        driver.press(.enter)
        #expect(driver.screen.contains("Weight 63.5 kg saved for Thu 26 Nov 2026."))
        #expect(driver.state.journal.courseRecords?.weight(on: today) == 63.5)
        driver.press(.ch("w"))
        driver.type("6350")
        driver.press(.enter)
        #expect(driver.screen.contains("is not a plausible body weight"))
    }
}
