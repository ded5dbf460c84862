import Foundation
import Testing
import JournalCore
@testable import JournalUI

/// A journal kept on two machines: a record changed on both while they were apart is marked on
/// Today and in History until confirmed, and a dose recorded as taken on both raises an alarm.
@Suite("Records changed on two devices are marked")
struct TwoDeviceMarkTests {
    let today = LocalDate(iso: "2026-11-26")!

    /// A course; this morning's dose recorded as taken on the laptop and on the desktop, and a
    /// headache graded on both, each machine not having seen the other's.
    func journal(confirmDose: Bool = false) -> Journal {
        var journal = CourseScreensTests().journalWithCourse(dosesUntil: LocalDate(iso: "2026-11-25")!)
        let at = { (minute: Int) in Timestamp.instant(of: today, minuteOfDay: minute, in: ScreenDriver.zone) }
        let dose = DoseIntake(slot: "morning", status: .taken, milligrams: 20, withFood: true)
        var sequence = 100
        func put(_ change: JournalChange, _ device: String, known: Int, revision: Int, time: Date) {
            sequence += 1
            var entry = change.entry(after: revision - 1, recordedAt: time)
            entry.origin = EntryOrigin(device: device, sequence: sequence, knownRevisions: known)
            journal.apply(entry)
        }
        put(.put(DeviceName.entryID(device: "aaaa00000001"), day: today, body: .deviceName(DeviceName(device: "aaaa00000001", name: "laptop"))),
            "aaaa00000001", known: 0, revision: 1, time: at(7 * 60))
        put(dose.change(day: today, at: at(8 * 60 + 2), timeZone: ScreenDriver.zone), "aaaa00000001", known: 0, revision: 1, time: at(8 * 60 + 2))
        put(dose.change(day: today, at: at(8 * 60 + 15), timeZone: ScreenDriver.zone), "bbbb00000002", known: 0, revision: 1, time: at(8 * 60 + 15))
        let headache = SymptomRating.entryID(day: today, symptom: "headache")
        put(.put(headache, day: today, body: .symptom(SymptomRating(symptom: "headache", grade: 1))), "aaaa00000001", known: 0, revision: 1, time: at(9 * 60))
        put(.put(headache, day: today, body: .symptom(SymptomRating(symptom: "headache", grade: 3))), "bbbb00000002", known: 0, revision: 1, time: at(9 * 60 + 1))
        if confirmDose {
            let decision = try! TwoDeviceConfirmation.change(for: DoseIntake.entryID(day: today, slot: "morning"), in: journal)
            put(decision.change, "aaaa00000001", known: 2, revision: 2, time: at(9 * 60 + 10))
        }
        return journal
    }

    @Test("Today raises the double dose as an alarm and counts the records; History marks each")
    func marked() {
        var driver = ScreenDriver(journal: journal(), height: 40)
        let screen = driver.screen
        let flat = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(flat.contains("! The morning dose of 2026-11-26 was recorded as taken on two devices (device bbbb00000002 08:15, laptop 08:02)"), "\(screen)")
        #expect(flat.contains("If it was taken twice, tell your prescriber"), "\(screen)")
        #expect(screen.contains("⇄  2 records changed on two devices"), "\(screen)")
        driver.press(.ch("h"))
        #expect(driver.screen.contains("Headache 3"), "\(driver.screen)")
        #expect(driver.screen.split(separator: "\n").filter { $0.contains(TwoDeviceRecords.mark) }.count == 2, "\(driver.screen)")
    }

    @Test("confirming the dose settles it: no alarm, one record marked")
    func confirmed() {
        let driver = ScreenDriver(journal: journal(confirmDose: true), height: 40)
        #expect(!driver.screen.contains("taken on two devices"), "\(driver.screen)")
        #expect(driver.screen.contains("⇄  1 record changed on two devices"), "\(driver.screen)")
    }
}
