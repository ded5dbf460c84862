import Foundation
import Testing
import JournalCore
@testable import JournalUI

/// Entries saved elsewhere reach the open screen: R on every screen, and a reload the program
/// makes itself when the file changed keeps the place and any unsaved input.
@Suite("The screen follows the file")
struct ScreenFollowsFileTests {
    let today = LocalDate(iso: "2026-11-26")!

    func withShellEntry(_ journal: Journal, _ change: JournalChange) -> Journal {
        var journal = journal
        journal.apply(change.entry(after: journal.revisionNumber(of: change.id), recordedAt: ScreenDriver.morning))
        return journal
    }

    @Test("R asks for a reload on every screen, but is a letter while typing", arguments: ["", "l", "b", "k", "h"])
    func reloadEverywhere(opening: String) {
        var driver = ScreenDriver(journal: DemoJournalTestData.journal(now: ScreenDriver.morning, zone: ScreenDriver.zone))
        for character in opening { driver.press(.ch(character)) }
        driver.effects = []
        driver.press(.ch("R"))
        #expect(driver.effects == [.reload], "\(opening): \(driver.screen)")
    }

    @Test("R in a note is just a letter")
    func letterInNote() {
        var driver = ScreenDriver()
        driver.press(.ch("l"), .right, .ch("n"), .ch("R"))
        #expect(driver.effects.isEmpty)
        #expect(driver.screen.contains("R"))
    }

    @Test("a lab result logged from the shell appears on the open Labs screen")
    func labsFollow() {
        var driver = ScreenDriver()
        driver.press(.ch("b"))
        #expect(!driver.screen.contains("Triglycerides"))
        let result = LabResult.measured(.triglycerides, 180, .milligramsPerDeciliter)
        let fresh = withShellEntry(driver.state.journal, .put(LabResult.entryID(day: today, test: .triglycerides), day: today, body: .labResult(result)))
        driver.send(.reloaded(.success(fresh)))
        #expect(driver.screen.contains("Triglycerides"), "\(driver.screen)")
        #expect(driver.screen.contains("1 new change"))
    }

    @Test("the symptom form refreshes when untouched, and keeps unsaved answers when not")
    func formFollows() {
        var driver = ScreenDriver()
        driver.press(.ch("l"), .down) // Dry skin selected, nothing changed
        let shell = JournalChange.put(SymptomRating.entryID(day: today, symptom: "headache"), day: today,
                                      body: .symptom(SymptomRating(symptom: "headache", grade: 2)))
        driver.send(.reloaded(.success(withShellEntry(driver.state.journal, shell))))
        #expect(driver.screen.contains("Headache                  0  1 [2] 3"), "\(driver.screen)")
        #expect(driver.screen.contains("▸ Dry skin"))

        driver.press(.right, .right) // an unsaved answer: Dry skin 1
        let second = JournalChange.put(SymptomRating.entryID(day: today, symptom: "rash"), day: today,
                                       body: .symptom(SymptomRating(symptom: "rash", grade: 3)))
        driver.send(.reloaded(.success(withShellEntry(driver.state.journal, second))))
        #expect(driver.screen.contains("Dry skin                  0 [1] 2  3"), "\(driver.screen)")
    }
}
