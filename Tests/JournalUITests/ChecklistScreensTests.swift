import Foundation
import Testing
import JournalCore
@testable import JournalUI

@Suite("Checklist and mood check screens")
struct ChecklistScreensTests {
    let today = LocalDate(iso: "2026-11-26")!

    /// A course from Mon 2 Nov 2026 for someone who can get pregnant, a negative test on 24 Nov.
    func journal() -> Journal {
        var journal = Journal()
        let t = ScreenDriver.morning
        let start = LocalDate(iso: "2026-11-02")!
        let entries: [(EntryID, LocalDate, EntryBody)] = [
            (CourseSettings.entryID, start, .course(CourseSettings(startDate: start, patientCategory: .canGetPregnant))),
            (DoseStep.entryID(startDate: start), start, .doseStep(DoseStep(startDate: start, cycle: [[20, 20]]))),
            (WeightMeasurement.entryID(day: start), start, .weight(WeightMeasurement(value: 61, unit: .kilograms))),
            (ProgrammeSettings.entryID, start, .programmeSettings(ProgrammeSettings(contraceptionMethods: ["IUD", "condoms"]))),
            (LabResult.entryID(day: LocalDate(iso: "2026-11-24")!, test: .pregnancy), LocalDate(iso: "2026-11-24")!,
             .labResult(.pregnancyTest(.negative))),
        ]
        for (id, day, body) in entries { journal.apply(Entry(id: id, revision: 1, recordedAt: t, day: day, body: body)) }
        return journal
    }

    @Test("the current month's checklist at 80×24")
    func checklistScreen() {
        var driver = ScreenDriver(journal: journal())
        driver.press(.ch("k"))
        #expect(driver.screen == screen("""
         IsoJournal · Checklist               Month 1 · Mon 2 Nov 2026 – Tue 1 Dec 2026

         Rules: US iPLEDGE REMS (February 2026 modification) · can get pregnant

        ▸ ✓ Pregnancy test                done     negative · specimen 2026-11-24
          • Prescription window           due      Day 3 of 7 — closes on 2026-11-30
          • Contraception 1: IUD          due      tick it when done
          • Contraception 2: condoms      due      tick it when done
          • Monthly confirmation          due      tick it when done
          – Blood draw                    n/a      none scheduled this month
          • Prescriber visit              due      not scheduled yet
          • Prescription picked up        due      by 2026-11-30, when the window closes
          • Mood check                    due      a two-question check (m on Today)










         ↑↓ move  Space tick  n note  a add item  [ ] month  t now  ? help  Esc back
        """))
    }

    @Test("unnamed contraception says how to name it; a lipid result of the month ticks the blood draw")
    func itemsFromRecords() {
        var journal = journal()
        let t = ScreenDriver.morning
        let drawn = LocalDate(iso: "2026-11-20")!
        journal.apply(Entry(id: ProgrammeSettings.entryID, revision: 2, recordedAt: t, day: LocalDate(iso: "2026-11-02")!,
                            body: .programmeSettings(ProgrammeSettings())))
        journal.apply(Entry(id: LabResult.entryID(day: drawn, test: .triglycerides), revision: 1, recordedAt: t, day: drawn,
                            body: .labResult(.measured(.triglycerides, 180, .milligramsPerDeciliter))))
        var driver = ScreenDriver(journal: journal)
        driver.press(.ch("k"))
        let lines = driver.screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[6] == "  • Contraception 1 confirmed     due      tick it when done (name it: isojourn…", "\(driver.screen)")
        #expect(lines[9] == "  ✓ Blood draw                    done     result of 2026-11-20: Triglycerides", "\(driver.screen)")
        // Selected, the whole hint is shown under the list.
        driver.press(.down, .down)
        #expect(driver.screen.contains(" Contraception 1 confirmed: tick it when done (name it: isojournal settings\n --contraception \"A,B\")"),
                "\(driver.screen)")
    }

    @Test("ticking, unticking, notes and custom items are saved with the date")
    func ticking() throws {
        var driver = ScreenDriver(journal: journal())
        driver.press(.ch("k"), .down, .down, .ch(" "))
        #expect(driver.recorded.last == [.put(ChecklistTick.entryID(month: 1, item: "contraception-1"), day: today,
                                              body: .checklistTick(ChecklistTick(month: 1, item: "contraception-1", done: true)))])
        #expect(driver.screen.contains("✓ Contraception 1: IUD          done     ticked on 2026-11-26"))
        #expect(driver.screen.contains("Contraception 1: IUD: done Thu 26 Nov 2026."))
        driver.press(.ch(" "))
        #expect(driver.screen.contains("• Contraception 1: IUD          due"))
        driver.press(.up, .ch(" "))
        #expect(driver.screen.contains("is filled in from your records"))
        driver.press(.ch("a"))
        driver.type("Sunscreen refill")
        driver.press(.enter)
        #expect(driver.screen.contains("Sunscreen refill"))
        driver.press(.ch("n"))
        driver.type("ask about Day 7")
        driver.press(.enter)
        #expect(driver.screen.contains("Note saved."))
        let note = driver.state.journal.current(ChecklistTick.entryID(month: 1, item: "pickup-window"))?.body
        #expect(note == .checklistTick(ChecklistTick(month: 1, item: "pickup-window", done: false, note: "ask about Day 7")))
    }

    @Test("at 40×12 the checklist scrolls to the selection and the mood check keeps its answers in view")
    func smallWindow() {
        var driver = ScreenDriver(journal: journal(), width: 40, height: 12)
        driver.press(.ch("k"))
        #expect(driver.screen.contains("▸ ✓ Pregnancy test"))
        #expect(!driver.screen.contains("Mood check"))
        for _ in 0..<8 { driver.press(.down) }
        #expect(driver.screen.contains("▸ • Mood check"))
        #expect(!driver.screen.contains("Pregnancy test"))
        driver.press(.escape, .ch("m"))
        #expect(driver.screen.contains("Little interest or pleasure in doing"))
        #expect(driver.screen.contains("3  Nearly every day"))
    }

    @Test("months can be browsed, not before the first")
    func monthNavigation() {
        var driver = ScreenDriver(journal: journal())
        driver.press(.ch("k"), .ch("["))
        #expect(driver.screen.contains("This is the first course month."))
        driver.press(.ch("]"))
        #expect(driver.screen.contains("Month 2 · Wed 2 Dec 2026 – Thu 31 Dec 2026"))
        #expect(driver.screen.contains("· Prescription window           upcoming"))
        driver.press(.ch("t"))
        #expect(driver.screen.contains("Month 1 ·"))
    }

    @Test("a low PHQ-2 is two questions; the scores are saved, never a diagnosis")
    func shortMoodCheck() throws {
        var driver = ScreenDriver(journal: journal())
        driver.press(.ch("m"))
        #expect(driver.screen.contains("Over the last 2 weeks, how often have you been bothered by any of the"))
        #expect(driver.screen.contains("Little interest or pleasure in doing things"))
        #expect(driver.screen.contains("Question 1 of 2"))
        driver.press(.ch("1"), .ch("0"))
        #expect(driver.recorded.last == [.put(MoodCheck.entryID(day: today), day: today, body: .moodCheck(MoodCheck(answers: [1, 0])))])
        #expect(driver.screen.contains("PHQ-2 score: 1 of 6"))
        #expect(driver.screen.contains("they are not a diagnosis"))
        #expect(driver.screen.contains("Mood check saved."))
    }

    @Test("a mood check whose save failed can be saved again from the result")
    func moodSaveRetry() {
        var driver = ScreenDriver(journal: journal())
        driver.failNextSave = "The disk is full. Your entry was NOT saved and is still on screen."
        driver.press(.ch("m"), .ch("0"), .ch("1"))
        #expect(driver.screen.contains("The disk is full."))
        #expect(driver.state.journal.current(MoodCheck.entryID(day: today)) == nil)
        driver.press(.ch("s"))
        #expect(driver.screen.contains("Mood check saved."))
        #expect(driver.state.journal.current(MoodCheck.entryID(day: today))?.body == .moodCheck(MoodCheck(answers: [0, 1])))
    }

    @Test("a PHQ-2 of 3 steps up; any answer to item 9 brings the crisis guidance that only C closes")
    func crisisGuidance() throws {
        var driver = ScreenDriver(journal: journal())
        driver.press(.ch("m"), .ch("2"), .ch("1"))
        #expect(driver.screen.contains("Question 3 of 9"))
        for answer in ["1", "1", "0", "0", "1", "0"] { driver.press(.character(Character(answer))) }
        #expect(driver.screen.contains("Thoughts that you would be better off dead or of hurting yourself in some"))
        #expect(driver.recorded.isEmpty)
        driver.press(.ch("1"))
        #expect(driver.screen.contains("Please reach out now"))
        #expect(driver.screen.contains("988"))
        driver.press(.escape, .enter, .ch("q"))
        #expect(driver.screen.contains("Please reach out now"))
        #expect(driver.recorded.isEmpty)
        driver.press(.ch("c"))
        let change = try #require(driver.recorded.last?.first)
        guard case let .put(_, _, _, _, .moodCheck(check), _) = change else {
            Issue.record("expected a mood check")
            return
        }
        #expect(check.answers == [2, 1, 1, 1, 0, 0, 1, 0, 1])
        #expect(check.crisisGuidanceShownAt == ScreenDriver.morning)
        #expect(driver.screen.contains("PHQ-9 score: 7 of 27"))
        #expect(driver.screen.contains("You answered item 9: contact your prescriber today."))
        driver.press(.escape)
        #expect(driver.screen.contains("Mood check today: thoughts of self-harm — contact your prescriber"))
    }
}
