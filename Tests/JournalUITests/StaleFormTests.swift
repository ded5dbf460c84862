import Foundation
import Testing
import JournalCore
@testable import JournalUI

/// A form open while the shell saved the same symptom: saving asks, never overwrites silently.
@Suite("A form that went stale")
struct StaleFormTests {
    let today = LocalDate(iso: "2026-11-26")!
    var drySkin: EntryID { SymptomRating.entryID(day: today, symptom: "dry-skin") }

    /// The form is opened, then "the shell" saves Dry skin 2 with a note.
    func staleForm() -> ScreenDriver {
        var driver = ScreenDriver()
        driver.press(.ch("l"), .down, .right, .right) // Dry skin: grade 1 in the form
        var disk = driver.state.journal
        disk.apply(JournalChange.put(drySkin, day: today, body: .symptom(SymptomRating(symptom: "dry-skin", grade: 2, note: "from the shell")))
            .entry(after: 0, recordedAt: ScreenDriver.morning))
        driver.onDisk = disk
        return driver
    }

    @Test("saving asks, shows what was saved elsewhere, and writes nothing until a choice")
    func asks() {
        var driver = staleForm()
        driver.press(.ch("s"))
        #expect(driver.recorded.isEmpty)
        #expect(driver.screen.contains("Changed elsewhere"), "\(driver.screen)")
        #expect(driver.screen.contains("from the shell"))
        #expect(driver.screen.contains("k keep mine"))
        driver.press(.ch("s"), .enter, .escape) // none of these chooses
        #expect(driver.recorded.isEmpty)
        #expect(driver.screen.contains("Changed elsewhere"))
    }

    @Test("take theirs: the form shows the saved grade and note, nothing is written")
    func takeTheirs() {
        var driver = staleForm()
        driver.press(.ch("s"), .ch("t"))
        #expect(driver.recorded.isEmpty)
        #expect(!driver.screen.contains("Changed elsewhere"))
        #expect(driver.screen.contains("Dry skin                  0  1 [2] 3"), "\(driver.screen)")
    }

    @Test("keep mine: saved over the newer entry as its next revision, knowingly")
    func keepMine() throws {
        var driver = staleForm()
        driver.press(.ch("s"), .ch("k"))
        let changes = try #require(driver.recorded.first)
        #expect(changes == [.put(drySkin, day: today, body: .symptom(SymptomRating(symptom: "dry-skin", grade: 1)))])
        #expect(driver.onDisk?.revisionNumber(of: drySkin) == 2)
        #expect(driver.screen.contains("Saved 1 change"), "\(driver.screen)")
    }
}
