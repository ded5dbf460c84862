import Foundation
import JournalCore
@testable import JournalStore
import Testing

/// Numbers no person could have entered, in every numeric field of every record kind: the
/// reader either refuses the line as damage (naming it) or everything built from it works —
/// reports, descriptions, reminders, checklist, and writing it back. Never a crash.
@Suite("Extreme numbers in every record kind")
struct ExtremeNumberTests {
    static let extremes = ["1e308", "-1e308", "1.7976931348623157e308", "1e20", "-1e20", "9223372036854775807",
                           "-9223372036854775808", "9223372036854775808", "5e-324", "-0", "0", "1e-300", "4.5e15"]

    /// Every documented example line, with one number at a time replaced by each extreme.
    static func variants() throws -> [String] {
        let lines = try formatDocumentLines(fence: "records") + formatDocumentLines(fence: "jsonl")
        let number = try Regex(#"[:\[,](-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)(?=[,\]}])"#)
        var variants: [String] = []
        for line in lines where !line.contains("\"schemaVersion\"") {
            for match in line.matches(of: number) {
                for value in extremes {
                    var changed = line
                    changed.replaceSubrange(match.output[1].range!, with: value)
                    variants.append(changed)
                }
            }
        }
        return variants
    }

    @Test("each variant is refused as damage or survives every use; revisions and answers included")
    func everyKind() throws {
        let variants = try Self.variants()
        #expect(variants.count > 300)
        var refused = 0, read = 0
        let zone = TimeZone(identifier: "UTC")!
        let now = Date(timeIntervalSince1970: 1_795_731_005)
        let today = Timestamp.localDate(of: now, in: zone)
        for line in variants {
            guard let entry = try? EntryCodec.decodeLine(Array(line.utf8)) else { refused += 1; continue }
            read += 1
            #expect(PlausibleNumbers.problem(in: entry) == nil)
            try EntryCodec.check(entry)
            #expect(try EntryCodec.decodeLine(EntryCodec.encodeLine(entry)) == entry, "\(line)")
            var journal = Journal()
            for example in try formatDocumentLines(fence: "records") {
                journal.apply(try EntryCodec.decodeLine(Array(example.utf8)))
            }
            journal.apply(entry)
            _ = EntryDescription.line(entry, timeZone: zone)
            let range = ReportRange.resolve(from: LocalDate(iso: "2026-01-01"), to: today, today: today)
            let summary = VisitSummary(journal: journal, range: range, now: now, timeZone: zone)
            _ = MarkdownReport.text(summary) + HTMLReport.text(summary)
            _ = CSVReport.text(journal: journal, range: range, timeZone: zone)
            _ = journal.reminders(now: now, timeZone: zone)
            _ = MonthlyChecklist.build(journal: journal, today: today)
        }
        #expect(refused > 0 && read > 0)
    }

    @Test("a journal holding 1e308 mg is damaged at that line: opening and check say so, nothing crashes")
    func damageNamesTheLine() throws {
        try withTemporaryDirectory { directory in
            try Sample.writeMixedJournal(in: directory)
            let path = directory + "/journal.jsonl"
            let before = fileBytes(path)!
            let lineNumber = lines(before).count // the appended line's number (the last split is empty)
            appendFile(path, Array(#"{"id":"dose-2026-11-26-morning","rev":1,"kind":"dose","recordedAt":"2026-11-26T08:05:00Z","day":"2026-11-26","data":{"milligrams":1e308,"slot":"morning","status":"taken"}}"#.utf8) + [0x0A])
            let error = storeError { _ = try JournalStore(directory: directory, mode: .readOnly) }
            guard case .damaged(_, let line, let detail)? = error else {
                Issue.record("expected damage, got \(String(describing: error))")
                return
            }
            #expect(line == lineNumber)
            #expect(detail.contains("not a possible number of mg"), "\(detail)")
            let examination = JournalExamination(fileBytes(path)!)
            #expect(examination.badLines.map(\.line) == [lineNumber])
        }
    }
}
