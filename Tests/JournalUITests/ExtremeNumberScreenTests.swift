import Foundation
import JournalCore
@testable import JournalUI
import Testing

/// Every screen drawn over the demo journal plus records holding extreme numbers — at the edge
/// of what the reader lets through, and far beyond it (as if a reader let one slip): no screen
/// may stop the program.
@Suite("Screens with extreme numbers")
struct ExtremeNumberScreenTests {
    static let values: [Double] = [PlausibleNumbers.doseMilligrams.upperBound, PlausibleNumbers.kilograms.lowerBound,
                                   1e308, -1e308, 1e20, .infinity, .nan, 5e-324, 0]

    @Test("Today, Doses, Labs (list and trends), Checklist, History (timeline, calendar, trends) and a report", arguments: values)
    func everyScreen(value: Double) {
        let zone = ScreenDriver.zone
        let now = ScreenDriver.morning
        var journal = DemoJournalTestData.journal(now: now, zone: zone)
        let day = Timestamp.localDate(of: now, in: zone)
        let changes: [JournalChange] = [
            .put(DoseIntake.entryID(day: day, slot: "morning"), day: day,
                 body: .dose(DoseIntake(slot: "morning", status: .taken, milligrams: value, withFood: true))),
            .put(WeightMeasurement.entryID(day: day), day: day, body: .weight(WeightMeasurement(value: value, unit: .kilograms))),
            .put(LabResult.entryID(day: day, test: .triglycerides), day: day,
                 body: .labResult(.measured(.triglycerides, value, .milligramsPerDeciliter))),
            .put(LabResult.entryID(day: day, test: .alt), day: day,
                 body: .labResult(.measured(.alt, value, .unitsPerLiter, upperLimitOfNormal: value))),
            .put(EntryID("plan-step-\(day.iso)"), day: day, body: .doseStep(DoseStep(startDate: day, cycle: [[value, value]]))),
        ]
        for change in changes {
            journal.apply(change.entry(after: journal.revisionNumber(of: change.id), recordedAt: now))
        }
        var driver = ScreenDriver(journal: journal)
        var screens = [driver.screen]
        for keys in [["d"], ["b"], ["b", "t"], ["k"], ["h", "1"], ["h", "2"], ["h", "3"], ["h", "3", "→", "→", "→", "↓", "↓"]] {
            for key in keys {
                switch key {
                case "→": driver.press(.right)
                case "↓": driver.press(.down)
                default: driver.press(.ch(Character(key)))
                }
                screens.append(driver.screen)
            }
            driver.press(.escape, .escape, .escape)
        }
        #expect(screens.count > 10)
        let summary = VisitSummary(journal: journal, range: ReportRange.resolve(from: nil, to: nil, today: day), now: now, timeZone: zone)
        #expect(!MarkdownReport.text(summary).isEmpty && !HTMLReport.text(summary).isEmpty)
    }
}
