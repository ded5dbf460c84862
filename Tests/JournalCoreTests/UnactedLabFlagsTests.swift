import Foundation
import Testing
@testable import JournalCore

/// A flagged result stays in sight (report, remind) until a later result of the same test
/// or a prescriber visit is recorded after it.
@Suite("Flagged lab results not yet acted on")
struct UnactedLabFlagsTests {
    let recorded = Date(timeIntervalSince1970: 1_795_731_005)
    let utc = TimeZone(identifier: "UTC")!
    func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    func journal(_ changes: [JournalChange]) -> Journal {
        var journal = Journal()
        for change in changes {
            journal.apply(change.entry(after: journal.revisionNumber(of: change.id), recordedAt: recorded))
        }
        return journal
    }

    func result(_ d: String, _ test: LabTest, _ value: Double, uln: Double? = nil) -> JournalChange {
        let unit: LabUnit = test.group == .lipid ? .milligramsPerDeciliter : .unitsPerLiter
        return .put(LabResult.entryID(day: day(d), test: test), day: day(d),
                    body: .labResult(.measured(test, value, unit, upperLimitOfNormal: uln)))
    }

    func visit(_ d: String, _ status: LabAppointment.Status) -> JournalChange {
        .put(LabAppointment.entryID(day: day(d), what: .prescriberVisit), day: day(d),
             body: .labAppointment(LabAppointment(what: .prescriberVisit, minuteOfDay: 900, status: status)))
    }

    let flagged = "2026-11-05"
    var high: JournalChange { result(flagged, .triglycerides, 560) }

    func waiting(_ changes: [JournalChange], asOf: String = "2026-11-30") -> [String] {
        UnactedLabFlags.results(in: journal(changes), asOf: day(asOf)).map(\.id.rawValue)
    }

    @Test("a flagged result waits until a later result of the same test or a prescriber visit after it")
    func definition() {
        let id = "lab-result-2026-11-05-triglycerides"
        #expect(waiting([high]) == [id])
        #expect(waiting([high, result("2026-11-20", .triglycerides, 300)]).isEmpty, "followed up")
        #expect(waiting([high, result("2026-11-20", .totalCholesterol, 200)]) == [id], "another test is not a follow-up")
        #expect(waiting([high, visit("2026-11-12", .done)]).isEmpty, "seen at a visit")
        #expect(waiting([high, visit("2026-11-12", .scheduled)]) == [id], "a visit only planned")
        #expect(waiting([high, visit("2026-11-12", .missed)]) == [id])
        #expect(waiting([high, visit(flagged, .done)]) == [id], "a visit the same day may have come before the result")
        let ticked = JournalChange.put(ChecklistTick.entryID(month: 1, item: "prescriber-visit"), day: day("2026-11-15"),
                                       body: .checklistTick(ChecklistTick(month: 1, item: "prescriber-visit", done: true)))
        #expect(waiting([high, ticked]).isEmpty, "the checklist's visit ticked as done")
        #expect(waiting([high, visit("2026-11-12", .done)], asOf: "2026-11-10") == [id], "as of a day before the visit")
        #expect(waiting([high], asOf: "2026-11-04").isEmpty, "not yet taken")
        #expect(waiting([result(flagged, .alt, 60, uln: 40)]).isEmpty, "above normal is noted, it asks for nothing")
        #expect(waiting([result(flagged, .alt, 130, uln: 40)]) == ["lab-result-2026-11-05-alt"], "3× the limit: tell the prescriber")
        #expect(waiting([high, .retract(id: LabResult.entryID(day: day(flagged), test: .triglycerides), day: day(flagged), reason: nil)]).isEmpty, "withdrawn")
    }

    @Test("remind lists it as due (so the command exits 1) until then; the report puts it first")
    func reminderAndReport() throws {
        let now = Timestamp.instant(of: day("2026-11-26"), minuteOfDay: 10 * 60, in: utc)
        let reminders = ReminderEngine.reminders(journal: journal([high]), now: now, timeZone: utc)
        let reminder = try #require(reminders.first { $0.kind == .labFlag })
        #expect(reminder.id == "lab-flag-lab-result-2026-11-05-triglycerides" && reminder.urgency.isDue)
        #expect(reminder.message.hasPrefix("Flagged lab result: Triglycerides 560 mg/dL on 2026-11-05: TELL PRESCRIBER (≥ 500 mg/dL)"))
        #expect(!reminder.message.lowercased().contains("dose"), "it never speaks of the dose")
        let followed = journal([high, result("2026-11-20", .triglycerides, 300)])
        #expect(!ReminderEngine.reminders(journal: followed, now: now, timeZone: utc).contains { $0.kind == .labFlag })

        let summary = VisitSummary(journal: journal([high]), range: ReportRange(from: day("2026-11-20"), to: day("2026-11-26")),
                                   now: now, timeZone: utc)
        let markdown = MarkdownReport.text(summary)
        let lines = markdown.split(separator: "\n").map(String.init)
        #expect(lines[2] == "## Flagged lab results not yet acted on", "first, before the course: \(lines.prefix(6))")
        #expect(lines[3].hasPrefix("- **Triglycerides 560 mg/dL on 2026-11-05: TELL PRESCRIBER"), "even from before the range")
        let html = HTMLReport.text(summary)
        let top = try #require(html.range(of: "Flagged lab results not yet acted on"))
        #expect(top.lowerBound < html.range(of: "Patient and course")!.lowerBound)
        #expect(!HTMLReport.text(VisitSummary(journal: followed, range: summary.range, now: now, timeZone: utc))
            .contains("not yet acted on"))
    }
}
