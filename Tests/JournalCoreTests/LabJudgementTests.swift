import Foundation
import Testing
@testable import JournalCore

/// ALT/AST logged without the lab's upper limit are kept but said to be "not judged"
/// everywhere a flag would show, and a reminder asks for the limit.
@Suite("Labs that cannot be judged")
struct LabJudgementTests {
    let recorded = Date(timeIntervalSince1970: 1_795_731_005)
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    func journal(_ results: [(String, LabResult)]) -> Journal {
        var journal = Journal()
        for (d, result) in results {
            let change = JournalChange.put(LabResult.entryID(day: day(d), test: result.test), day: day(d), body: .labResult(result))
            journal.apply(change.entry(after: journal.revisionNumber(of: change.id), recordedAt: recorded))
        }
        return journal
    }

    @Test("ALT 600 U/L without a ULN: saved, no flag, and marked not judged with the reason")
    func altWithoutLimit() throws {
        let records = journal([("2026-11-20", .measured(.alt, 600, .unitsPerLiter))]).labRecords
        let alt = try #require(records.results.first)
        #expect(alt.flags.isEmpty)
        #expect(!alt.isJudged)
        #expect(alt.notJudgedBecause?.contains("upper limit of normal") == true)
        #expect(records.notJudged.count == 1)
        #expect(LabText.resultLine(alt) == "ALT (liver) 600 U/L — not judged — add the lab's upper limit")
        #expect(LabJudgement.howToAddLimit(alt.result, day: alt.day)
                == "re-enter it with the limit printed on the report: isojournal log lab alt 600 --uln N --date 2026-11-20")
    }

    @Test("re-entering the same test and specimen day with --uln corrects it: 600 / 40 = 15× ULN, judged and flagged")
    func limitAddedLater() throws {
        let records = journal([("2026-11-20", .measured(.alt, 600, .unitsPerLiter)),
                               ("2026-11-20", .measured(.alt, 600, .unitsPerLiter, upperLimitOfNormal: 40))]).labRecords
        let alt = try #require(records.results.first)
        #expect(records.results.count == 1)
        #expect(alt.isJudged)
        // 600 ≥ 3 × 40 = 120, so the "tell your prescriber" rule fires.
        #expect(alt.highestFlag?.level == .tell)
        #expect(records.notJudged.isEmpty)
    }

    @Test("lipids and pregnancy tests never need a ULN; an AST with its limit is judged even when normal")
    func othersAreJudged() {
        let records = journal([("2026-11-20", .measured(.triglycerides, 150, .milligramsPerDeciliter)),
                               ("2026-11-20", .pregnancyTest(.negative)),
                               ("2026-11-20", .measured(.ast, 20, .unitsPerLiter, upperLimitOfNormal: 40))]).labRecords
        #expect(records.results.allSatisfy { $0.isJudged })
        #expect(records.results.allSatisfy { !LabText.resultLine($0).contains("not judged") })
    }

    @Test("the report's flag cell and the CSV detail say not judged")
    func report() throws {
        let journal = journal([("2026-11-20", .measured(.ast, 95, .unitsPerLiter))])
        let summary = VisitSummary(journal: journal, range: ReportRange(from: day("2026-11-01"), to: day("2026-11-30")),
                                   now: Timestamp.instant(of: day("2026-11-30"), minuteOfDay: 600, in: berlin), timeZone: berlin)
        let line = try #require(summary.labs.first)
        #expect(summary.labFlagText(line) == "not judged — add the lab's upper limit")
        let csv = CSVReport.text(journal: journal, range: ReportRange(from: day("2026-11-01"), to: day("2026-11-30")), timeZone: berlin)
        #expect(csv.contains("not judged — add the lab's upper limit"))
    }

    @Test("a reminder asks for the limit from the specimen day for 30 days: 20 Nov + 29 = 19 Dec is the last")
    func reminder() {
        let journal = journal([("2026-11-20", .measured(.alt, 600, .unitsPerLiter))])
        func ids(_ d: String) -> [String] {
            ReminderEngine.reminders(journal: journal, now: Timestamp.instant(of: day(d), minuteOfDay: 12 * 60, in: berlin),
                                     timeZone: berlin).filter { $0.kind == .labLimit }.map(\.id)
        }
        #expect(ids("2026-11-19") == [])
        #expect(ids("2026-11-20") == ["lab-limit-lab-result-2026-11-20-alt"])
        #expect(ids("2026-12-19") == ["lab-limit-lab-result-2026-11-20-alt"])
        #expect(ids("2026-12-20") == [])
        let message = ReminderEngine.reminders(journal: journal, now: Timestamp.instant(of: day("2026-11-21"), minuteOfDay: 600, in: berlin),
                                               timeZone: berlin).first { $0.kind == .labLimit }?.message ?? ""
        #expect(message.contains("not judged — add the lab's upper limit"))
        #expect(message.contains("--uln N --date 2026-11-20"))
    }
}
