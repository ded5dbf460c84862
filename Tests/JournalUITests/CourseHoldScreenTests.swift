import Foundation
import Testing
import JournalCore
@testable import JournalUI

/// Today, Doses and the decision screen while the course is on hold: the stop alert first and
/// whole, no dose prompted, a dose still recordable after a question, and the decision from the UI.
@Suite("Course on hold: Today, Doses and the prescriber's decision")
struct CourseHoldScreenTests {
    /// The dashboard's journal (every dose taken until 25 Nov, the 08:00 dose of the 26th not
    /// recorded), and a positive pregnancy test entered at 09:00 this morning.
    func heldJournal() -> Journal {
        var journal = DashboardTests().journal()
        let today = LocalDate(iso: "2026-11-26")!
        let written = Timestamp.instant(of: today, minuteOfDay: 9 * 60, in: ScreenDriver.zone)
        journal.apply(Entry(id: LabResult.entryID(day: today, test: .pregnancy), revision: 1, recordedAt: written, day: today,
                            body: .labResult(.pregnancyTest(.positive))))
        return journal
    }

    @Test("Today on hold at 80×24: the stop alert first and whole, no dose due, the decision key in the hints")
    func today() {
        let driver = ScreenDriver(journal: heldJournal())
        #expect(driver.screen == screen("""
         IsoJournal                                           Thursday 26 November 2026
         COURSE ON HOLD since 2026-11-26 09:00 — ask your prescriber before the next
         dose
           ! Positive pregnancy test, specimen 2026-11-26
           Stop taking isotretinoin and contact your prescriber now. Then press p to
           record their decision.
         Lab results to tell your prescriber about (b)
           ! Thu 26 Nov 2026  Pregnancy test positive — STOP, CALL NOW (positive)
         Due   (↑↓ select · z snooze 1 hour · x dismiss)
         ▸ today    Contraception 1: IUD: not confirmed for month 1 (k)
           today    Contraception 2: condoms: not confirmed for month 1 (k)
           today    Monthly programme confirmation for month 1 not ticked yet (k)
           today    Fasting blood test tomorrow at 08:30: no food from 00:30 (abou… (b)
           today    Log today's symptoms (l)
         Course  day 25 · month 1 · plan 20 + 20 mg · 61 kg
           960 mg = 15.7 of 120 mg/kg  [██░░░░░░░░░░░░░░░░░░] 13%
           … 3 more (isojournal status)
         Checklist  month 1: 1 done, 7 to do · window Day 3 of 7, closes Mon 30 Nov 2026
         Symptoms today
           Nothing logged yet. Press l to log today's symptoms.
         Last 7 days
           … 7 more (h)

         p prescriber's decision  l log  d doses  b labs  h history  ? help  q quit
        """))
        #expect(!driver.screen.contains("dose:"), "no dose is prompted")
        #expect(driver.state.view()[2, 1].style == .alarm)
    }

    @Test("at 40×12 and 60×20 every word of the alert is there; other sections give way")
    func smallWindows() {
        let small = ScreenDriver(journal: heldJournal(), width: 40, height: 12)
        #expect(small.screen == screen("""
         IsoJournal   Thursday 26 November 2026

         COURSE ON HOLD since 2026-11-26 09:00 —
         ask your prescriber before the next
         dose
           ! Positive pregnancy test, specimen
           2026-11-26
           Stop taking isotretinoin and contact
           your prescriber now. Then press p to
           record their decision.

         p prescriber's decision  ? help  q quit
        """))
        let medium = ScreenDriver(journal: heldJournal(), width: 60, height: 20)
        #expect(medium.screen.contains(" COURSE ON HOLD since 2026-11-26 09:00 — ask your prescriber\n before the next dose\n"))
        #expect(medium.screen.contains("   Stop taking isotretinoin and contact your prescriber now.\n   Then press p to record their decision."))
    }

    @Test("Doses on hold: the banner, held slots 'not expected', and Enter asks before recording a dose taken anyway")
    func doses() throws {
        var driver = ScreenDriver(journal: heldJournal())
        driver.press(.ch("d"), .down)
        #expect(driver.screen == screen("""
         IsoJournal · Doses                                     Thu 26 Nov 2026 (today)

         On hold since 2026-11-26 09:00 — ask your prescriber before the next dose.
         Positive pregnancy test, specimen 2026-11-26. A dose you did take can still be
         recorded (Enter asks first).

         Plan: 20 + 20 mg · take with food · weight 61 kg

           Time   Intake     Plan      Recorded
          08:00  morning    20 mg     · not recorded
        ▸ 20:00  evening    20 mg     · on hold: not expected

         Total: 0 mg taken of 20 mg planned










         Enter taken e edit s skip x undo [ ] day w weight m medicine ? help Esc back
        """))
        driver.press(.enter, .ch("n"))
        #expect(driver.screen.contains("Your course is on hold since 2026-11-26 09:00: Positive"))
        #expect(driver.screen.contains("Record this dose as taken anyway? It is"))
        driver.press(.ch("n"))
        #expect(driver.recorded.isEmpty)
        driver.press(.enter, .ch("n"), .ch("y"))
        let change = try #require(driver.recorded.first?.first)
        guard case let .put(_, _, _, _, .dose(intake), _) = change else {
            Issue.record("expected a dose, got \(change)")
            return
        }
        #expect(intake.status == .taken && intake.recordedWhile == "on-hold")
        #expect(driver.screen.contains("✓ taken 09:30 · 20 mg · with food"))
    }

    @Test("p on Today records the decision: a pause from today, then Today says paused and prompts no dose")
    func decisionFromTheUI() throws {
        var driver = ScreenDriver(journal: heldJournal())
        driver.press(.ch("p"))
        #expect(driver.screen.contains("IsoJournal · Prescriber's decision"))
        #expect(driver.screen.contains("What did your prescriber decide?"))
        // Decision: pause; decided by; the default time (now) and the default first day (today); to 3 Dec.
        driver.press(.right, .down)
        for c in "Dr Rao" { driver.press(.ch(c)) }
        driver.press(.down, .down, .down)
        for c in "2026-12-03" { driver.press(.ch(c)) }
        driver.press(.down, .enter)
        let changes = try #require(driver.recorded.first)
        guard case let .put(_, _, _, _, .prescriberDecision(decision), _) = changes.first else {
            Issue.record("expected a decision first, got \(changes)")
            return
        }
        #expect(decision.outcome == .pause && decision.decidedBy == "Dr Rao")
        #expect(decision.pauseFrom == LocalDate(iso: "2026-11-26") && decision.pauseTo == LocalDate(iso: "2026-12-03"))
        #expect(decision.resolves == [LabResult.entryID(day: LocalDate(iso: "2026-11-26")!, test: .pregnancy)])
        #expect(driver.screen.contains("Prescriber's decision recorded: pause."))
        #expect(!driver.screen.contains("COURSE ON HOLD"))
        #expect(driver.screen.contains("Doses today  none: paused by your prescriber until Thu 3 Dec") || driver.screen.contains("p prescriber's decision"))
        #expect(!driver.screen.contains("dose:"))
        // With nothing on hold or paused, p says so.
        var active = ScreenDriver(journal: DashboardTests().journal())
        active.press(.ch("p"))
        #expect(active.screen.contains("Nothing is on hold or paused"))
    }

    @Test("the self-harm red flag's notice carries the crisis line whole, even at 40×12")
    func selfHarmCrisisLine() {
        var driver = ScreenDriver(width: 40, height: 12)
        driver.press(.ch("l"))
        for _ in 0..<14 { driver.press(.down) }
        driver.press(.ch("y"))
        let text = driver.screen.replacingOccurrences(of: "│", with: " ")
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(words.contains("STOP taking isotretinoin and contact your prescriber now. If you are in danger or feel unsafe, call your local emergency number."))
        #expect(words.contains("Crisis line: 988 Suicide & Crisis Lifeline (US): call or text 988"))
        #expect(words.contains("Press C to confirm you have read this."))
        // At 80×24 the full PHQ-9 item 9 guidance is there too.
        var large = ScreenDriver()
        large.press(.ch("l"))
        for _ in 0..<14 { large.press(.down) }
        large.press(.ch("y"))
        #expect(large.screen.contains("of hurting yourself. You are not alone, and help is"))
    }

    @Test("the caregiver's read-only view shows the hold first, in words for a viewer, and p records nothing")
    func caregiver() {
        var driver = ScreenDriver(journal: heldJournal(), readOnlyReason: "it was opened in viewing mode")
        #expect(driver.screen.contains("COURSE ON HOLD since 2026-11-26 09:00"))
        #expect(driver.screen.contains("No dose is expected\n   until their decision is recorded."))
        #expect(!driver.screen.contains("dose:"))
        driver.press(.ch("p"))
        #expect(driver.recorded.isEmpty)
        #expect(driver.screen.contains("Read-only"))
    }
}
