import Foundation
import Testing
import JournalCore
@testable import JournalUI

/// Records dated more than a day after now (the clock was wrong when they were written, or they
/// were typed so) are marked "⚠ future" wherever they show, and the status line explains it.
@Suite("Future-dated records are marked")
struct FutureMarkTests {
    let today = LocalDate(iso: "2026-11-26")!
    let ahead = LocalDate(iso: "2027-03-01")!

    /// A course with doses until yesterday; a headache and a lab result dated 1 March 2027, this
    /// morning's dose written by a computer whose clock said 2027, and an appointment rightly ahead.
    func journal() -> Journal {
        var journal = CourseScreensTests().journalWithCourse(dosesUntil: LocalDate(iso: "2026-11-25")!)
        let wrongClock = Timestamp.instant(of: ahead, minuteOfDay: 8 * 60, in: ScreenDriver.zone)
        let taken = Timestamp.instant(of: today, minuteOfDay: 8 * 60 + 5, in: ScreenDriver.zone)
        let changes: [(JournalChange, Date)] = [
            (.put(SymptomRating.entryID(day: ahead, symptom: "headache"), day: ahead,
                  body: .symptom(SymptomRating(symptom: "headache", grade: 2))), ScreenDriver.morning),
            (.put(LabResult.entryID(day: ahead, test: .alt), day: ahead,
                  body: .labResult(.measured(.alt, 30, .unitsPerLiter, upperLimitOfNormal: 40))), ScreenDriver.morning),
            (DoseIntake(slot: "morning", status: .taken, milligrams: 20, withFood: true).change(day: today, at: taken, timeZone: ScreenDriver.zone),
             wrongClock),
            (.put(LabAppointment.entryID(day: LocalDate(iso: "2026-12-18")!, what: .lipids), day: LocalDate(iso: "2026-12-18")!,
                  body: .labAppointment(LabAppointment(what: .lipids))), ScreenDriver.morning),
        ]
        for (change, at) in changes { journal.apply(change.entry(after: 0, recordedAt: at)) }
        return journal
    }

    @Test("Today says how many and from when; History, Doses and Labs mark each row; an appointment ahead is not marked")
    func marked() {
        var driver = ScreenDriver(journal: journal(), height: 40)
        #expect(driver.screen.contains("⚠ future  3 records dated after now, from Thu 26 Nov 2026 (h History)"), "\(driver.screen)")
        #expect(driver.screen.contains(FutureDating.legend), "the status line explains the mark")

        driver.press(.ch("h"))
        #expect(driver.screen.contains("⚠ future Headache 2"), "\(driver.screen)")
        #expect(driver.screen.contains("⚠ future Dose (morning)"), "\(driver.screen)")
        #expect(!driver.screen.contains("⚠ future Blood draw"), "\(driver.screen)")
        #expect(driver.screen.contains(FutureDating.legend))

        driver.press(.escape, .ch("d"))
        let doses = driver.screen.split(separator: "\n").first { $0.contains("morning") } ?? ""
        #expect(doses.contains("⚠ future ✓ taken 08:05"), "\(driver.screen)")

        driver.press(.escape, .ch("b"))
        let lines = driver.screen.split(separator: "\n")
        #expect(lines.contains { $0.contains("ALT (liver)") && $0.contains("⚠ future") }, "\(driver.screen)")
        #expect(lines.contains { $0.contains("Blood draw: lipids") && !$0.contains("⚠ future") }, "\(driver.screen)")
    }

    @Test("check's rule: a day ahead, a write from a clock ahead; never an appointment or plan step rightly ahead")
    func rule() {
        let rule = FutureDating(now: ScreenDriver.morning, timeZone: ScreenDriver.zone)
        let tomorrow = today.adding(days: 1)
        #expect(!rule.isFuture(day: tomorrow, kind: .symptom, recordedAt: ScreenDriver.morning, occurredAt: nil))
        #expect(rule.isFuture(day: ahead, kind: .symptom, recordedAt: ScreenDriver.morning, occurredAt: nil))
        #expect(!rule.isFuture(day: ahead, kind: .labAppointment, recordedAt: ScreenDriver.morning, occurredAt: nil))
        #expect(!rule.isFuture(day: ahead, kind: .doseStep, recordedAt: ScreenDriver.morning, occurredAt: nil))
        #expect(rule.isFuture(day: today, kind: .dose, recordedAt: ScreenDriver.morning.addingTimeInterval(2 * 86_400), occurredAt: nil))
        var audit = JournalAudit()
        for (line, entry) in journal().revisions.enumerated() { audit.add(entry, line: line + 2) }
        let pointed = audit.future(now: ScreenDriver.morning, timeZone: ScreenDriver.zone).map(\.text)
        #expect(pointed.count == 3, "\(pointed)")
        #expect(!pointed.contains { $0.contains("appointment") })
    }
}
