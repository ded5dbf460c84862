import Foundation
import Testing
import JournalCore
@testable import JournalUI

@Suite("History screens")
struct HistoryScreenTests {
    func driver(_ journal: Journal = HistoryFixture.journal(), width: Int = 80, height: Int = 24, readOnly: Bool = false) -> ScreenDriver {
        var driver = ScreenDriver(journal: journal, width: width, height: height,
                                  readOnlyReason: readOnly ? "it was opened in viewing mode" : nil)
        driver.press(.ch("h"))
        return driver
    }

    @Test("the timeline at 80×24: newest day first, flags marked, a withdrawn entry kept, a correction marked")
    func timeline() {
        let driver = driver()
        #expect(driver.screen == screen("""
         IsoJournal · History                                 Thursday 26 November 2026
          1 Timeline   2 Calendar   3 Trends                       f filter: everything

         Thu 26 Nov 2026 · course day 25                                           1/25
             Prescriber's decision: continue (Dr Rao, 07:30)
             Dose (morning): 20 mg taken at 08:10, with food
         Wed 25 Nov 2026 · course day 24 · not recorded: morning 20 mg, evening 20 mg
             Chapped lips 3 (limits self-care)
             Headache 3 (limits self-care)
          !! RED FLAG: Severe headache with nausea, vomiting or blurred vision? (notic…
          !  Mood check: PHQ-2 3, PHQ-9 7
         Tue 24 Nov 2026 · course day 23
             Chapped lips 3 (limits self-care): cracked and bleeding ✎
             Dry skin 1 (noticeable)
             Dose (morning): 20 mg taken at 08:05, with food
          ·  Dose (evening): skipped
         Mon 23 Nov 2026 · course day 22 · not recorded: morning 20 mg, evening 20 mg
             Chapped lips 2 (limits some activities)
             withdrawn: Nosebleed 1 (noticeable) (logged by mistake)
         Sun 22 Nov 2026 · course day 21 · not recorded: morning 20 mg, evening 20 mg
         Sat 21 Nov 2026 · course day 20 · not recorded: morning 20 mg, evening 20 mg
         Fri 20 Nov 2026 · course day 19 · not recorded: morning 20 mg, evening 20 mg

         ↑↓ move  Enter edit history  f filter  Tab view  R reload  ? help  Esc back
        """))
        let canvas = driver.state.view()
        #expect(canvas[4, 10].style.reverse, "the first record is selected")
        #expect(canvas[9, 5].style == Style(foreground: .white, background: .red, bold: true), "the red flag stands out")
        #expect(canvas[19, 40].style == .warning, "planned doses with no record stand out, on days with no record at all too")
        #expect(canvas[18, 5].style == .dim, "the withdrawn entry is dimmed")
    }

    @Test("the timeline scrolls with the selection and Enter shows what changed in a record")
    func editHistory() {
        var driver = driver()
        for _ in 0..<21 { driver.press(.down) }
        #expect(driver.screen.contains("22/25"))
        #expect(driver.screen.contains("Tue 10 Nov 2026 · course day 9"), "scrolled down to older days:\n\(driver.screen)")
        driver.press(.home, .down, .down, .down, .down, .down, .down)
        #expect(driver.screen.contains("7/25"))
        driver.press(.enter)
        #expect(driver.screen == screen("""
         IsoJournal · History                                 Thursday 26 November 2026
         Edit history: Chapped lips 3 (limits self-care): cracked and bleeding
           About Tue 24 Nov 2026 · record symptom-2026-11-24-chapped-lips · newest first

         Revision 2 · written Thu 26 Nov 2026 09:00 (as it stands now)
           • grade: 2 → 3
           • note: "cracked corners" → "cracked and bleeding"
           • reason: worse than I said

         Revision 1 · written Tue 24 Nov 2026 21:00
           • recorded: Chapped lips 2 (limits some activities): cracked corners












         ↑↓ scroll   R reload   ? help   Esc back to the timeline
        """))
        driver.press(.escape)
        #expect(driver.screen.contains("1 Timeline"))
        driver.press(.escape)
        #expect(driver.screen.contains("Symptoms today"), "Esc from the history returns to Today")
    }

    @Test("the calendar heat map at 80×24: a month grid with a grade (or ·) on each day that has begun")
    func calendar() {
        var driver = driver()
        driver.press(.ch("2"))
        #expect(driver.screen == screen("""
         IsoJournal · History                                 Thursday 26 November 2026
          1 Timeline   2 Calendar   3 Trends                       f filter: everything

         ◂ Chapped lips ▸   1 of 3
           Worst 3 on Thu 19 Nov 2026 · latest 3 yesterday · graded on 12 days

          November 2026
          Mo   Tu   We   Th   Fr   Sa   Su
                                         1 ·
           2 ·  3 ·  4 ·  5 ·  6 ·  7 ·  8 ·
           9 · 10 1 11 1 12 2 13 1 14 · 15 ·
          16 2 17 2 18 2 19 3 20 2 21 · 22 ·
          23 2 24 3 25 3 26 · 27   28   29
          30






         · not logged  0 none  1 noticeable
         2 limits some activities  3 limits self-care

         ←→ symptom   [ ] months   Tab view   f filter   R reload   ? help   Esc back
        """))
        let canvas = driver.state.view()
        #expect(canvas[11, 20].grapheme == "3" && canvas[11, 20].style.background == .red, "grade 3 in red on 19 Nov")
        #expect(canvas[10, 10].grapheme == "1" && canvas[10, 10].style.background == .yellow)
        driver.press(.right)
        #expect(driver.screen.contains("◂ Dry skin ▸   2 of 3"))
        driver.press(.right, .right)
        #expect(driver.screen.contains("◂ Chapped lips ▸"), "←→ wraps around the symptoms")
    }

    @Test("at 120×40 the calendar shows three months side by side and the timeline shows whole lines")
    func largerWindow() throws {
        let demo = DemoJournalTestData.journal(now: ScreenDriver.morning, zone: ScreenDriver.zone)
        var driver = driver(demo, width: 120, height: 40)
        driver.press(.ch("2"))
        let lines = driver.screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[6].contains("September 2026") && lines[6].contains("October 2026") && lines[6].contains("November 2026"),
                "three months in a row:\n\(driver.screen)")
        #expect(lines.contains { $0.contains("· not logged  0 none  1 noticeable  2 limits some activities  3 limits self-care") },
                "the legend fits on one line")
        var small = self.driver(HistoryFixture.journal(), width: 120, height: 40)
        #expect(small.screen.contains("RED FLAG: Severe headache with nausea, vomiting or blurred"))
        // From 120 columns the selected record's edit history stands beside the timeline.
        #expect(small.screen.contains("│  Edit history: "), "\(small.screen)")
        #expect(small.screen.contains("Sun 15 Nov 2026 · course day 14"), "more days fit:\n\(small.screen)")
        let rows = small.screen.split(separator: "\n", omittingEmptySubsequences: false)
        let lab = try #require(rows.firstIndex { $0.contains("Triglycerides 6.2 mmol/L") })
        #expect(small.state.view()[lab, 5].style == .warning, "the flagged lab stands out")
        small.press(.ch("["))
        #expect(small.screen.contains("1/25"))
    }

    @Test("trends at 80×24: symptom grade per week, cumulative dose, adherence per month, lab values")
    func trendsSmall() {
        var driver = driver()
        driver.press(.ch("3"))
        var text = driver.screen
        #expect(text.contains("◂ Symptom grade per week ▸"))
        #expect(text.contains("↑↓ Chapped lips (1 of 3) · last 4 weeks: rising"))
        for tick in ["   3┤", "   2┤", "   1┤", "   0┤"] { #expect(text.contains(tick), "scale \(tick)") }
        #expect(text.contains("     9 Nov  23 Nov"))
        // Three weeks: worst 2, 3, 3; a 3 reaches the top row.
        #expect(text.contains("   3┤    ███ ███\n"))
        driver.press(.right)
        text = driver.screen
        #expect(text.contains("0.7 of 120 mg/kg (1%)"))
        #expect(text.contains("120┤┈┈┈") && text.contains("target 120"), "the target is drawn:\n\(text)")
        driver.press(.right)
        text = driver.screen
        #expect(text.contains("M1 2/49"))
        #expect(text.contains("M1 4%"))
        #expect(text.contains("In all: 1 skipped, 46 not recorded."))
        driver.press(.right)
        text = driver.screen
        #expect(text.contains("↑↓ Triglycerides (1 of 1) · latest 6.2 mmol/L"))
        #expect(text.contains("   8┤"), "a round scale top:\n\(text)")
        #expect(text.contains("tell your prescriber"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 24 && lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    }

    @Test("trends at 120×40 use the room: taller charts and every week of the course")
    func trendsLarge() {
        let demo = DemoJournalTestData.journal(now: ScreenDriver.morning, zone: ScreenDriver.zone)
        var small = driver(demo)
        small.press(.ch("3"))
        var large = driver(demo, width: 120, height: 40)
        large.press(.ch("3"))
        let barRows = { (text: String) in text.split(separator: "\n").filter { $0.contains("█") || $0.contains("▁") }.count }
        #expect(barRows(large.screen) > barRows(small.screen) + 10, "\(large.screen)")
        #expect(large.screen.contains("     7 Sep"), "the first week of the course is shown:\n\(large.screen)")
        large.press(.right)
        #expect(large.screen.contains("One column per day."), "at 120 columns every day of 75 fits")
        small.press(.right)
        #expect(small.screen.contains("One column per 2 days."))
    }

    @Test("filters: flagged only, a kind, a date range and words in notes")
    func filters() {
        var driver = driver()
        driver.press(.ch("f"))
        #expect(driver.screen.contains("Filter the history"))
        driver.press(.down, .down, .down, .right) // Show: flagged only
        driver.press(.down, .enter)
        var text = driver.screen
        #expect(text.contains("f filter: flagged only"))
        #expect(text.contains("RED FLAG") && text.contains("Triglycerides") && text.contains("Mood check"))
        #expect(!text.contains("Chapped lips"))
        #expect(text.contains("Showing: flagged only."))

        driver.press(.ch("f"), .down, .down, .down, .right, .down) // back to all records, then the notes field
        driver.type("BLEEDING")
        driver.press(.enter)
        text = driver.screen
        #expect(text.contains("Chapped lips 3 (limits self-care): cracked and bleeding"))
        #expect(!text.contains("Headache"))

        driver.press(.ch("c"))
        #expect(driver.screen.contains("f filter: everything"))

        driver.press(.ch("f"))
        driver.type("2026-11-23")
        driver.press(.down)
        driver.type("2026-11-24")
        driver.press(.down, .right) // kind: symptoms
        driver.press(.enter, .enter, .enter)
        text = driver.screen
        #expect(text.contains("2026-11-23 to 2026-11-24 · symptoms"))
        #expect(text.contains("Dry skin 1") && text.contains("withdrawn: Nosebleed"))
        #expect(!text.contains("Dose (") && !text.contains("Wed 25 Nov"))

        driver.press(.ch("f"))
        driver.press(.control("u"))
        driver.type("26 Nov")
        driver.press(.control("s"))
        #expect(driver.screen.contains("From: '26 Nov' is not a date"))
        driver.press(.escape)
        #expect(driver.screen.contains("2026-11-23 to 2026-11-24"), "Esc leaves the filter as it was")
    }

    @Test("R asks the loop to reload; the reloaded journal is shown with what is new")
    func reload() {
        var driver = driver(readOnly: true)
        #expect(driver.screen.contains("IsoJournal · History (read-only)"))
        driver.press(.ch("R"))
        #expect(driver.effects.last == .reload)
        var newer = HistoryFixture.journal()
        newer.apply(Entry(id: SymptomRating.entryID(day: HistoryFixture.day("26"), symptom: "dry-eyes"), revision: 1,
                          recordedAt: ScreenDriver.morning, day: HistoryFixture.day("26"),
                          body: .symptom(SymptomRating(symptom: "dry-eyes", grade: 2))))
        driver.send(.reloaded(.success(newer)))
        #expect(driver.screen.contains("Dry eyes 2 (limits some activities)"))
        #expect(driver.screen.contains("Reloaded at 09:30: 1 new change."))
        driver.send(.reloaded(.failure(SaveFailure(message: "the snapshot was changed"))))
        #expect(driver.screen.contains("Could not reload: the snapshot was changed"))
    }
}
