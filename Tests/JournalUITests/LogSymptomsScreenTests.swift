import Foundation
import Testing
import JournalCore
@testable import JournalUI

@Suite("Log symptoms screen")
struct LogSymptomsScreenTests {
    let today = LocalDate(iso: "2026-11-26")!

    @Test("the empty form at 80×24 lists the catalogue, the scale and the red flags")
    func emptyForm() {
        var driver = ScreenDriver()
        driver.press(.ch("l"))
        #expect(driver.screen == screen("""
         IsoJournal · Log symptoms                              Thu 26 Nov 2026 (today)
         Grade: 0 none · 1 noticeable · 2 limits some activities · 3 limits self-care
        ▸ Chapped lips              0  1  2  3   not rated
          Dry skin                  0  1  2  3   not rated
          Nosebleed                 0  1  2  3   not rated
          Dry eyes                  0  1  2  3   not rated
          Joint pain                0  1  2  3   not rated
          Back pain                 0  1  2  3   not rated
          Muscle ache               0  1  2  3   not rated
          Headache                  0  1  2  3   not rated
          Low mood / mood change    0  1  2  3   not rated
          Night-vision change       0  1  2  3   not rated
          Rash                      0  1  2  3   not rated
          Sun sensitivity           0  1  2  3   not rated
          Other (describe in note)  0  1  2  3   not rated
         Red flags: answer y if you have any of these now
          Severe headache with nausea, vomiting or blurred vision?                  –
          Depression, mood swings, anxiety or thoughts of self-harm?                –
          Severe belly pain, rectal bleeding or severe diarrhoea?                   –
          Upper-belly pain spreading to the back, yellow skin/eyes, dark urine?     –
          Hearing loss or ringing in the ears?                                      –
          Rash with fever, blisters, or sores in the mouth or eyes?                 –

         ↑↓ move   0-3 grade   n note   x clear   [ ] day   s save   ? help   Esc back
        """))
    }

    @Test("grades by digit and arrow, a note, then save: two puts and back to Today")
    func logTwoSymptoms() throws {
        var driver = ScreenDriver()
        driver.press(.ch("l"), .ch("2"), .down, .right, .right, .ch("n"))
        driver.type("cracked corners")
        driver.press(.enter)
        #expect(driver.screen.contains("▸ Dry skin                  0 [1] 2  3   noticeable             ✎ cracked corne…"))
        #expect(driver.screen.contains(" IsoJournal · Log symptoms *"))
        driver.press(.ch("s"))
        let changes = try #require(driver.recorded.first)
        #expect(changes == [
            .put(SymptomRating.entryID(day: today, symptom: "chapped-lips"), day: today,
                 body: .symptom(SymptomRating(symptom: "chapped-lips", grade: 2))),
            .put(SymptomRating.entryID(day: today, symptom: "dry-skin"), day: today,
                 body: .symptom(SymptomRating(symptom: "dry-skin", grade: 1, note: "cracked corners"))),
        ])
        #expect(driver.screen == screen("""
         IsoJournal                                           Thursday 26 November 2026

         Course not set up yet: press c to enter your plan, weight and target.

         Symptoms today
           Chapped lips              2  limits some activities
           Dry skin                  1  noticeable             cracked corners

         Last 7 days
           Wed 25 Nov 2026 –
           Tue 24 Nov 2026 –
           Mon 23 Nov 2026 –
           Sun 22 Nov 2026 –
           Sat 21 Nov 2026 –
           Fri 20 Nov 2026 –
           Thu 19 Nov 2026 –






         Saved 2 changes for today.
         l log d doses b labs k checklist m mood c course h history ? help q quit
        """))
    }

    @Test("editing a day shows what is saved and writes only what changed")
    func editExistingDay() throws {
        var driver = ScreenDriver()
        driver.press(.ch("l"), .ch("1"), .down, .ch("3"), .ch("s"))
        driver.press(.ch("l"))
        #expect(driver.screen.contains("▸ Chapped lips              0 [1] 2  3   noticeable"))
        #expect(driver.screen.contains("  Dry skin                  0  1  2 [3]  limits self-care"))
        driver.press(.down, .ch("2"), .down, .down, .ch("x"), .ch("s"))
        #expect(driver.recorded.count == 2)
        #expect(driver.recorded[1] == [
            .put(SymptomRating.entryID(day: today, symptom: "dry-skin"), day: today,
                 body: .symptom(SymptomRating(symptom: "dry-skin", grade: 2))),
        ])
        driver.press(.ch("l"), .ch("x"), .ch("s"))
        #expect(driver.recorded[2] == [
            .retract(id: SymptomRating.entryID(day: today, symptom: "chapped-lips"), day: today,
                     reason: "cleared in the daily log"),
        ])
        #expect(driver.state.journal.symptomRatings(on: today).map(\.symptom) == ["dry-skin"])
        #expect(driver.state.journal.history(of: SymptomRating.entryID(day: today, symptom: "dry-skin")).count == 2)
    }

    @Test("a red flag brings a notice that only C closes, and is recorded at once")
    func redFlagNotice() throws {
        var driver = ScreenDriver()
        driver.press(.ch("l"))
        for _ in 0..<14 { driver.press(.down) } // the second red flag: mood
        driver.press(.ch("y"))
        #expect(driver.screen.contains("RED FLAG: contact your prescriber now"))
        #expect(driver.screen.contains("STOP taking isotretinoin and contact your prescriber now. If"))
        #expect(driver.screen.contains("You answered yes to: Depression, mood swings, anxiety or"))
        // Thoughts of self-harm bring the same crisis guidance as PHQ-9 item 9, with the crisis line.
        #expect(driver.screen.contains("Crisis line: 988 Suicide & Crisis Lifeline (US): call or"))
        // Keys a person might hit by accident do not close it.
        driver.press(.escape, .enter, .ch(" "), .ch("q"), .ch("n"), .down)
        #expect(driver.screen.contains("RED FLAG: contact your prescriber now"))
        #expect(driver.recorded.isEmpty)
        driver.press(.ch("c"))
        #expect(!driver.screen.contains("┌"))
        let change = try #require(driver.recorded.first?.first)
        guard case let .put(id, day, _, _, .redFlag(report), _) = change else {
            Issue.record("expected a red-flag put, got \(change)")
            return
        }
        #expect(id == RedFlagReport.entryID(day: today, flag: "mood-self-harm"))
        #expect(day == today)
        #expect(report.noticeShown.hasPrefix(RedFlagCatalogue.shipped.notice))
        #expect(report.noticeShown.contains("Crisis line: " + ProgrammeSettings.defaultCrisisLine))
        #expect(report.acknowledgedAt == ScreenDriver.morning)
        #expect(driver.screen.contains("▸ Depression, mood swings, anxiety or thoughts of self-harm?                YES"))
        #expect(driver.screen.contains("Red flag recorded. Please contact your prescriber now."))
        // Back on Today the flag stands out.
        driver.press(.escape)
        #expect(driver.screen.contains("Red flags today: contact your prescriber now"))
        // Safety text wraps rather than being cut, and the crisis line stays with it.
        #expect(driver.screen.contains("   ! Depression, mood swings, anxiety or thoughts of self-harm? (notice read"))
        #expect(driver.screen.contains("If you are in danger call your local emergency number. 988 Suicide & Crisis"))
    }

    @Test("a red flag whose immediate save failed is still saved with the form, with the time its notice was read")
    func redFlagSaveFailed() throws {
        var driver = ScreenDriver()
        driver.press(.ch("l"))
        for _ in 0..<13 { driver.press(.down) }
        driver.failNextSave = "The disk is full. Your entry was NOT saved and is still on screen."
        driver.press(.ch("y"), .ch("c"))
        #expect(driver.screen.contains("The disk is full."))
        #expect(driver.state.journal.redFlags(on: today).isEmpty)
        #expect(driver.screen.contains("YES"))
        driver.press(.ch("s"))
        #expect(driver.recorded.count == 2) // the failed immediate save, then the form's
        let report = RedFlagReport(flag: "raised-pressure-headache", noticeShown: RedFlagCatalogue.shipped.notice,
                                   acknowledgedAt: ScreenDriver.morning)
        #expect(driver.recorded.last == [.put(RedFlagReport.entryID(day: today, flag: "raised-pressure-headache"), day: today,
                                              body: .redFlag(report))])
        #expect(driver.state.journal.redFlags(on: today) == [report])
    }

    @Test("answering no to a recorded red flag retracts it on save, keeping its history")
    func redFlagWithdrawn() throws {
        var driver = ScreenDriver()
        driver.press(.ch("l"))
        for _ in 0..<13 { driver.press(.down) }
        driver.press(.ch("y"), .ch("c"), .ch("n"), .ch("s"))
        #expect(driver.recorded.last == [
            .retract(id: RedFlagReport.entryID(day: today, flag: "raised-pressure-headache"), day: today,
                     reason: "answered no in the daily log"),
        ])
        #expect(driver.state.journal.redFlags(on: today).isEmpty)
    }

    @Test("the future cannot be logged; earlier days can, and unsaved answers are not lost silently")
    func dayNavigation() {
        var driver = ScreenDriver()
        driver.press(.ch("l"), .ch("]"))
        #expect(driver.screen.contains("You can only log days that have already begun."))
        #expect(driver.screen.contains("Thu 26 Nov 2026 (today)"))
        driver.press(.ch("2"), .ch("["))
        #expect(driver.screen.contains("Unsaved changes"))
        driver.press(.ch("d"))
        #expect(driver.screen.contains("Wed 25 Nov 2026"))
        #expect(!driver.screen.contains("(today)"))
        driver.press(.ch("3"), .ch("s"))
        #expect(driver.recorded == [[
            .put(SymptomRating.entryID(day: today.adding(days: -1), symptom: "chapped-lips"), day: today.adding(days: -1),
                 body: .symptom(SymptomRating(symptom: "chapped-lips", grade: 3))),
        ]])
        #expect(driver.screen.contains("Saved 1 change for yesterday."))
        #expect(driver.screen.contains("Wed 25 Nov 2026 chapped lips 3"))
    }

    @Test("leaving with unsaved answers asks; s saves from the question")
    func confirmLeaveSaves() {
        var driver = ScreenDriver()
        driver.press(.ch("l"), .ch("1"), .escape)
        #expect(driver.screen.contains("You changed the log for today without saving."))
        driver.press(.ch("s"))
        #expect(driver.recorded.count == 1)
        #expect(driver.screen.contains(" Symptoms today"))
    }

    @Test("a failed save keeps every answer on screen and says why")
    func failedSave() {
        var driver = ScreenDriver()
        driver.failNextSave = "The disk is full. Your entry was NOT saved and is still on screen."
        driver.press(.ch("l"), .ch("2"), .ch("s"))
        #expect(driver.screen.contains("The disk is full. Your entry was NOT saved and is still on screen."))
        #expect(driver.screen.contains("▸ Chapped lips              0  1 [2] 3   limits some activities"))
        #expect(driver.state.journal.revisions.isEmpty)
        driver.press(.ch("s"))
        #expect(driver.state.journal.symptomRating(on: today, symptom: "chapped-lips")?.grade == 2)
    }

    @Test("Other needs a description; a note needs a grade")
    func validation() {
        var driver = ScreenDriver()
        driver.press(.ch("l"), .end)
        for _ in 0..<6 { driver.press(.up) } // from the last flag up to "Other"
        driver.press(.ch("2"), .ch("s"))
        #expect(driver.screen.contains("Say what \"Other (describe in note)\" is: press n to add a note."))
        #expect(driver.recorded.isEmpty)
        driver.press(.ch("x"), .ch("n"))
        driver.type("tingling fingers")
        driver.press(.enter, .ch("s"))
        #expect(driver.screen.contains("Give Other (describe in note) a grade (0–3) to save its note."))
        driver.press(.ch("1"), .ch("s"))
        #expect(driver.recorded.count == 1)
    }

    @Test("grades stay within 0–3 whatever is pressed")
    func gradeBounds() {
        var driver = ScreenDriver()
        driver.press(.ch("l"), .ch("7"))
        #expect(driver.screen.contains("Grades go from 0 (none) to 3 (limits self-care)."))
        driver.press(.right, .right, .right, .right, .right, .right)
        #expect(driver.screen.contains("0  1  2 [3]"))
        driver.press(.left, .left, .left, .left, .left)
        #expect(driver.screen.contains("[0] 1  2  3"))
    }

    @Test("at the minimum size the form scrolls to keep the selection visible")
    func scrollsWhenSmall() {
        var driver = ScreenDriver(width: 40, height: 12)
        driver.press(.ch("l"))
        #expect(driver.screen == screen("""
         IsoJournal · Log symptoms
         Grade: 0 none · 1 noticeable · 2 limit…
        ▸ Chapped lips 0  1  2  3   not rated
          Dry skin     0  1  2  3   not rated
          Nosebleed    0  1  2  3   not rated
          Dry eyes     0  1  2  3   not rated
          Joint pain   0  1  2  3   not rated
          Back pain    0  1  2  3   not rated
          Muscle ache  0  1  2  3   not rated
          Headache     0  1  2  3   not rated

         ↑↓ move   s save   ? help   Esc back
        """))
        driver.press(.end)
        #expect(driver.screen.contains("▸ Rash with fever, blisters, or s…  –"))
        #expect(!driver.screen.contains("Chapped lips"))
    }
}
