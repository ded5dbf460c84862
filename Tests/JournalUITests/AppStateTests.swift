import Foundation
import Testing
import JournalCore
@testable import JournalUI

@Suite("App shell")
struct AppStateTests {
    @Test("Today at 80×24 with nothing logged")
    func emptyToday() {
        let driver = ScreenDriver()
        #expect(driver.screen == screen("""
         IsoJournal                                           Thursday 26 November 2026

         Due   (↑↓ select · z snooze 1 hour · x dismiss)
         ▸ today    Log today's symptoms (l)

         Course not set up yet: press c to enter your plan, weight and target.

         Symptoms today
           Nothing logged yet. Press l to log today's symptoms.

         Last 7 days
           Wed 25 Nov 2026 –
           Tue 24 Nov 2026 –
           Mon 23 Nov 2026 –
           Sun 22 Nov 2026 –
           Sat 21 Nov 2026 –
           Fri 20 Nov 2026 –
           Thu 19 Nov 2026 –





         l log d doses b labs k checklist m mood c course h history ? help q quit
        """))
    }

    @Test("below the minimum size a notice asks for a larger window", arguments: [(30, 8), (39, 24), (80, 11)])
    func tooSmall(width: Int, height: Int) {
        let driver = ScreenDriver(width: width, height: height)
        #expect(driver.screen.contains("Make the window"))
        #expect(!driver.screen.contains("Symptoms today"))
    }

    @Test("tiny and empty windows draw without crashing, and resizing back restores the screen")
    func tinyWindows() {
        var driver = ScreenDriver(width: 1, height: 1)
        #expect(driver.state.view().width == 1)
        for (w, h) in [(0, 0), (1, 1), (2, 1), (5, 3), (0, 10), (200, 60), (80, 24)] {
            driver.send(.resize(width: w, height: h))
            let canvas = driver.state.view()
            #expect(canvas.width == w && canvas.height == h)
        }
        #expect(driver.screen.contains("Symptoms today"))
    }

    @Test("30×8 notice text")
    func smallNotice() {
        let driver = ScreenDriver(width: 30, height: 8)
        #expect(driver.screen == screen("""


           Make the window larger:
         IsoJournal needs 40×12, this
                   is 30×8.



        """))
    }

    @Test("store notices are shown first and closed with Enter")
    func notices() {
        var driver = ScreenDriver(notices: ["The last entry was cut off; it was kept in journal.torn-1."])
        #expect(driver.screen.contains("Please note"))
        #expect(driver.screen.contains("The last entry was cut off"))
        driver.press(.ch("l"))
        #expect(driver.screen.contains("Please note"))
        driver.press(.enter)
        #expect(!driver.screen.contains("Please note"))
        driver.press(.ch("l"))
        #expect(driver.screen.contains("Log symptoms"))
    }

    @Test("read-only: editing is refused with a reason")
    func readOnly() {
        var driver = ScreenDriver(readOnlyReason: "a newer IsoJournal wrote this journal")
        #expect(driver.screen.contains("IsoJournal (read-only)"))
        driver.press(.ch("l"))
        #expect(driver.screen.contains("Read-only: a newer IsoJournal wrote this journal"))
        #expect(!driver.screen.contains("Log symptoms"))
        #expect(driver.recorded.isEmpty)
    }

    @Test("Ctrl-C and termination quit, Ctrl-Z suspends, q quits from Today")
    func quitting() {
        var driver = ScreenDriver()
        driver.press(.ch("l"), .ch("2"), .control("z"))
        #expect(driver.effects == [.suspend])
        // A grade is not saved yet: Ctrl-C asks once (see QuitAndHintTests), the second quits.
        driver.press(.control("c"), .control("c"))
        #expect(driver.effects.last == .quit)
        driver.send(.terminate)
        #expect(driver.effects.last == .quit)
        var fresh = ScreenDriver()
        fresh.press(.ch("q"))
        #expect(fresh.effects == [.quit])
    }

    @Test("time passing moves Today to the next day without a key press")
    func midnight() {
        var driver = ScreenDriver()
        let tomorrow = Timestamp.instant(of: LocalDate(iso: "2026-11-27")!, minuteOfDay: 0, in: ScreenDriver.zone)
        driver.send(.tick(tomorrow))
        #expect(driver.screen.contains("Friday 27 November 2026"))
        #expect(driver.screen.contains("Thu 26 Nov 2026 –"))
    }
}
