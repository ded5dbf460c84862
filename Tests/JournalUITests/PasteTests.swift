import Foundation
import Testing
import JournalCore
@testable import JournalUI

/// A paste is text: it goes into the field being typed in, whole, and never acts as keys.
@Suite("Pasting text")
struct PasteTests {
    let today = LocalDate(iso: "2026-11-26")!

    @Test("a two-line paste into a symptom note stays in the note: no re-grade, no save, the line break kept")
    func pasteIntoNote() throws {
        var driver = ScreenDriver()
        driver.press(.ch("l"), .down, .right, .right, .ch("n")) // Dry skin, grade 1, note
        driver.send(.key(.paste("Flaky on cheeks\r\n3 days now\n")))
        #expect(driver.recorded.isEmpty)
        #expect(driver.screen.contains("Flaky on cheeks⏎3 days now"), "\(driver.screen)")
        #expect(driver.screen.contains("26/500"), "\(driver.screen)")
        driver.press(.enter, .ch("s"))
        let changes = try #require(driver.recorded.first)
        #expect(changes == [
            .put(SymptomRating.entryID(day: today, symptom: "dry-skin"), day: today,
                 body: .symptom(SymptomRating(symptom: "dry-skin", grade: 1, note: "Flaky on cheeks\n3 days now"))),
        ])
    }

    @Test("a paste longer than the note's limit fills it and says how much was left out")
    func longPaste() {
        var driver = ScreenDriver()
        driver.press(.ch("l"), .right, .ch("n"))
        driver.send(.key(.paste(String(repeating: "a", count: 731))))
        #expect(driver.screen.contains("500/500 · 231 not pasted: too long"), "\(driver.screen)")
        driver.press(.ch("b"))
        #expect(!driver.screen.contains("not pasted"))
        #expect(driver.screen.contains("500/500"))
    }

    @Test("outside a text field a paste does nothing and says so")
    func pasteOutsideField() {
        var driver = ScreenDriver()
        let before = driver.screen
        driver.send(.key(.paste("l3s")))
        #expect(driver.recorded.isEmpty && driver.effects.isEmpty)
        #expect(driver.screen.contains("Nothing was pasted"))
        driver.press(.ch("l")) // the symptom form, no field open: still nothing
        driver.send(.key(.paste("3s")))
        #expect(driver.recorded.isEmpty)
        #expect(driver.screen.contains("Nothing was pasted"))
        #expect(!driver.screen.contains("[3]"))
        _ = before
    }

    @Test("one-line fields get spaces for line breaks; control characters are left out")
    func oneLineField() {
        var field = TextField(maxLength: 40)
        _ = field.handle(.paste("61\tkg\u{1B}[31m\nnow\n"))
        #expect(field.text == "61 kg[31m now")
        #expect(field.notPasted == 0)
    }
}
