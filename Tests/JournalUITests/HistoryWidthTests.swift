import Foundation
import Testing
import JournalCore
@testable import JournalUI

/// History's lines at narrow and wide windows: cut with "…", never mid-word without it, and the
/// position counter never covering a header.
@Suite("History at every width")
struct HistoryWidthTests {
    @Test("a day header that does not fit ends in …, short of the position counter")
    func headersEndInEllipsis() {
        var driver = ScreenDriver(journal: HistoryFixture.journal(), width: 60, height: 20)
        driver.press(.ch("h"), .down, .down)
        let lines = driver.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines.first { $0.hasPrefix(" Wed 25 Nov 2026 · course day 24") }
        #expect(header == " Wed 25 Nov 2026 · course day 24 · not recorded: morning 2…", "\(driver.screen)")
        #expect(lines[3].hasPrefix(" Thu 26 Nov 2026 · course day 25") && lines[3].hasSuffix(" 3/25"), "\(driver.screen)")
    }

    @Test("at 160×50 the timeline shares the width with the selected record's history, and the calendar has room for four months a row")
    func wide() {
        var driver = ScreenDriver(journal: HistoryFixture.journal(), width: 160, height: 50)
        driver.press(.ch("h"))
        // Two panes: the timeline (three fifths) and the selected record's edit history.
        #expect(driver.screen.contains(" Wed 25 Nov 2026 · course day 24 · not recorded: morning 20 mg, evening 20 mg "))
        #expect(driver.screen.contains("  !  Triglycerides 6.2 mmol/L (549 mg/dL), fasting — TELL PRESCRIBER (≥ 500 mg/dL (5.65 mmol/L… │"))
        #expect(driver.screen.contains("│  Edit history: ") && driver.screen.contains("Revision 1 · written"), "\(driver.screen)")
        let demo = DemoJournalTestData.journal(now: ScreenDriver.morning, zone: ScreenDriver.zone)
        var calendar = ScreenDriver(journal: demo, width: 160, height: 50)
        calendar.press(.ch("h"), .ch("2"))
        let row = calendar.screen.split(separator: "\n", omittingEmptySubsequences: false)[6]
        #expect(row.contains("September 2026") && row.contains("October 2026") && row.contains("November 2026"), "\(calendar.screen)")
    }
}
