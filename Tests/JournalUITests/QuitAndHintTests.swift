import Foundation
import Testing
import JournalCore
@testable import JournalUI

/// Leaving on purpose only: Esc on Today stays, Ctrl-C over unsaved input asks once. And the
/// hint bar keeps its first key and its save, help and back/quit keys at every width.
@Suite("Quitting and the hint bar")
struct QuitAndHintTests {
    @Test("Esc on Today does nothing but say that q quits")
    func escapeOnToday() {
        var driver = ScreenDriver()
        driver.press(.escape)
        #expect(!driver.effects.contains(.quit))
        #expect(driver.screen.contains("q quits"))
        driver.press(.ch("q"))
        #expect(driver.effects.contains(.quit))
    }

    @Test("Ctrl-C with nothing unsaved quits at once, on Today and on an untouched form")
    func controlCAtOnce() {
        for keys in [[], [Key.ch("l")]] {
            var driver = ScreenDriver()
            for key in keys { driver.press(key) }
            driver.press(.control("c"))
            #expect(driver.effects == [.quit])
            #expect(driver.state.farewell == nil)
        }
    }

    @Test("Ctrl-C over unsaved answers asks once; the second quits and says what was not saved")
    func controlCAsksOnce() {
        var driver = ScreenDriver()
        driver.press(.ch("l"), .ch("2"), .control("c"))
        #expect(!driver.effects.contains(.quit))
        #expect(driver.screen.contains("Unsaved changes: press Ctrl-C again to quit without saving"))
        // Another key in between: the question is asked again.
        driver.press(.down, .control("c"))
        #expect(!driver.effects.contains(.quit))
        driver.press(.control("c"))
        #expect(driver.effects == [.quit])
        #expect(driver.state.farewell == "Quit without saving the symptom log for Thu 26 Nov 2026.")
        #expect(driver.recorded.isEmpty)
    }

    @Test("screens say what they hold unsaved: a typed note, a course form changed, a mood check half done")
    func unsavedInput() {
        var checklist = ScreenDriver(journal: DashboardTests().journal())
        checklist.press(.ch("k"), .ch("n"))
        #expect(checklist.state.screen.content.unsavedInput == nil)
        checklist.type("x")
        #expect(checklist.state.screen.content.unsavedInput == "the checklist note typed")
        var mood = ScreenDriver()
        mood.press(.ch("m"), .ch("1"))
        #expect(mood.state.screen.content.unsavedInput == "the mood check's answers so far")
        var course = ScreenDriver()
        course.press(.ch("c"))
        #expect(course.state.screen.content.unsavedInput == nil)
        course.type("7")
        #expect(course.state.screen.content.unsavedInput == "the course settings")
    }

    @Test("the hint bar drops from the middle: the first and the last three stay")
    func middleDrops() {
        // Widths of "a one", "b two", …: 5 each; one space apart.
        let widths = Array(repeating: 5, count: 8)
        #expect(Chrome.keptHints(widths, width: 80) == Array(0..<8))
        #expect(Chrome.keptHints(widths, width: 1 + 5 * 5 + 4) == [0, 1, 5, 6, 7])
        #expect(Chrome.keptHints(widths, width: 1 + 4 * 5 + 3) == [0, 5, 6, 7])
    }

    /// The hint bar (last line) of a screen reached with `keys` at `width`×`height`.
    func bar(_ keys: [Key], width: Int = 40, height: Int = 12) -> String {
        var driver = ScreenDriver(journal: DashboardTests().journal(), width: width, height: height)
        for key in keys { driver.press(key) }
        return driver.screen.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    }

    @Test("at 40×12 every bar keeps help and its save, back or quit keys")
    func smallBars() {
        #expect(bar([]).hasSuffix("? help q quit"))
        #expect(bar([]).hasPrefix(" l log"))
        let log = bar([.ch("l")])
        #expect(log.contains("s save") && log.contains("? help") && log.contains("Esc back"), "\(log)")
        let doses = bar([.ch("d")])
        #expect(doses.contains("Enter taken") && doses.contains("? help") && doses.contains("Esc back"), "\(doses)")
        let checklist = bar([.ch("k")])
        #expect(checklist.contains("? help") && checklist.contains("Esc back"), "\(checklist)")
        let lab = bar([.ch("b"), .ch("r")])
        #expect(lab.contains("^S save") && lab.contains("F1 help") && lab.contains("Esc cancel"), "\(lab)")
        let course = bar([.ch("c")])
        #expect(course.contains("^S save") && course.contains("F1 help") && course.contains("Esc cancel"), "\(course)")
        let mood = bar([.ch("m")])
        #expect(mood.contains("? help") && mood.contains("Esc stop"), "\(mood)")
    }
}
