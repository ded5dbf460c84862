import Foundation
import Testing
import JournalCore
@testable import JournalUI

/// What forms show before an answer, how they read numbers, why a check gets longer, and
/// where the real cursor sits.
@Suite("Form answers, numbers and the cursor")
struct FormInputTests {
    @Test("an unanswered red flag shows –, n shows no, y then C yes; unanswered saves nothing for it")
    func redFlagAnswers() {
        var driver = ScreenDriver()
        driver.press(.ch("l"), .end)
        #expect(driver.screen.contains("▸ Rash with fever, blisters, or sores in the mouth or eyes?                 –"))
        driver.press(.ch("n"))
        #expect(driver.screen.contains("▸ Rash with fever, blisters, or sores in the mouth or eyes?                 no"))
        driver.press(.home, .ch("1"), .ch("s"))
        #expect(driver.recorded.count == 1)
        #expect(driver.recorded[0].count == 1)
    }

    @Test("the PHQ-2 step up says why seven more questions follow")
    func stepUp() {
        var driver = ScreenDriver()
        driver.press(.ch("m"), .ch("0"))
        #expect(driver.screen.contains("Question 2 of 2"))
        driver.press(.backspace, .ch("2"), .ch("2"))
        #expect(driver.screen.contains("Question 3 of 9 · first two scored 4 (3 or more): seven more questions"))
    }

    @Test("the dose amount reads 40mg, 40 mg and a decimal comma like the command line", arguments: ["40mg", "40 mg", "40", "40,0"])
    func doseAmount(typed: String) {
        var driver = ScreenDriver(journal: CourseScreensTests().journalWithCourse())
        driver.press(.ch("d"), .ch("e"), .control("u"))
        driver.type(typed)
        driver.press(.enter, .enter, .enter)
        #expect(driver.screen.contains("The plan for this dose is 20 mg, not 40 mg. Save 40 mg?"), "\(driver.screen)")
    }

    @Test("a dose amount in another unit is refused in one line")
    func doseAmountWrongUnit() {
        var driver = ScreenDriver(journal: CourseScreensTests().journalWithCourse())
        driver.press(.ch("d"), .ch("e"), .control("u"))
        driver.type("40 kg")
        driver.press(.enter, .enter, .enter)
        #expect(driver.screen.contains("Amount"))
        #expect(driver.recorded.isEmpty)
    }

    /// The row and column of the real cursor on the screen reached with `keys`.
    func cursor(_ keys: [Key], in journal: Journal = DashboardTests().journal()) -> (row: Int, column: Int, line: String, typing: Bool)? {
        var driver = ScreenDriver(journal: journal)
        for key in keys { driver.press(key) }
        let canvas = driver.state.view()
        return canvas.cursor.map { ($0.row, $0.column, canvas.line($0.row), canvas.typing) }
    }

    @Test("the real cursor sits on the focused field of every form")
    func cursorOnFocus() throws {
        let log = try #require(cursor([.ch("l"), .down]))
        #expect(log.line.contains("▸ Dry skin") && log.column == 0 && !log.typing)
        let course = try #require(cursor([.ch("c")]))
        #expect(course.line.contains("▸ ") && course.typing)
        let category = try #require(cursor([.ch("c"), .end]))
        #expect(category.line.contains("▸ "))
        let lab = try #require(cursor([.ch("b"), .ch("r")]))
        #expect(lab.line.contains("▸ Test") && !lab.typing)
        let labValue = try #require(cursor([.ch("b"), .ch("r"), .down]))
        #expect(labValue.line.contains("▸ Value") && labValue.typing)
        let dose = try #require(cursor([.ch("d"), .ch("e")], in: CourseScreensTests().journalWithCourse()))
        #expect(dose.line.contains("▸ "))
        let mood = try #require(cursor([.ch("m")]))
        #expect(mood.line.contains(Questionnaire.phq.items[0].prefix(20)) && mood.column == 3)
        let note = try #require(cursor([.ch("k"), .ch("n")]))
        #expect(note.typing)
    }

    @Test("on a focused choice ? still opens the help and R still reloads (they are letters only in a text field)")
    func choiceIsNotTyping() {
        var driver = ScreenDriver(journal: DashboardTests().journal())
        driver.press(.ch("l"), .ch("?"))
        #expect(driver.screen.contains("IsoJournal · Help"))
    }
}
