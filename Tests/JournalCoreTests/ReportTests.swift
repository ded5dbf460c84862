import Foundation
import Testing
import JournalCore

@Suite("Reports: visit summary (md, html) and CSV")
struct ReportTests {
    let journal = HistoryJournal.make().journal
    let range = ReportRange(from: HistoryJournal.d(2), to: HistoryJournal.d(12))
    let now = HistoryJournal.at(12, 22)
    let zone = HistoryJournal.zone
    var summary: VisitSummary { VisitSummary(journal: journal, range: range, now: now, timeZone: zone) }

    /// The lines of one "## " section of a Markdown report.
    func section(_ title: String, in text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("## " + title) }) else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.hasPrefix("## ") }.filter { !$0.isEmpty })
    }

    @Test("the default range is the last course month: the 30 days ending today")
    func defaultRange() {
        let today = HistoryJournal.d(26)
        #expect(ReportRange.resolve(from: nil, to: nil, today: today) == ReportRange(from: HistoryJournal.d(26).adding(days: -29), to: today))
        #expect(ReportRange.resolve(from: HistoryJournal.d(3), to: nil, today: today).to == today)
        #expect(ReportRange.resolve(from: nil, to: HistoryJournal.d(10), today: today).from == LocalDate(iso: "2026-10-12"))
        #expect(range.dayCount == 11)
    }

    @Test("Markdown: every section, checked field by field against the hand-made week")
    func markdown() {
        let text = MarkdownReport.text(summary)
        #expect(text.hasPrefix("# Visit summary, 2026-11-02 to 2026-11-12\n"))
        #expect(section("Patient and course", in: text) == [
            "| | |", "|---|---|",
            "| Course start | 2026-11-02 (day 11, course month 1) |",
            "| Product | isotretinoin, taken with food |",
            "| Plan now | 20 + 20 mg |",
            "| Weight | 50 kg, recorded 2026-11-02 |",
            "| Patient category | cannot get pregnant |",
        ])
        // 11 doses of 20 mg at 50 kg: 220 mg, 4.4 mg/kg; recent intake 4.4 mg/kg over 10 course days.
        #expect(section("Cumulative dose", in: text) == [
            "- 220 mg taken in all = 4.4 mg/kg, 4% of the 120 mg/kg target",
            "- Projected to reach the target on 2027-08-02 at the recent intake (0.44 mg/kg a day over the last 14 days); 2027-04-06 at the plan",
        ])
        #expect(section("Adherence", in: text) == [
            "- These 11 days: 11 of 22 planned doses taken (50%), 1 skipped, 10 not recorded",
            "- Whole course: 11 of 22 planned doses taken (50%), 1 skipped, 10 not recorded",
            "- By course month: month 1 11/22",
        ])
        #expect(section("Red flags and mood alerts", in: text) == [
            "- **2026-11-09** RED FLAG: Hearing loss or ringing in the ears? (notice read 22:00)",
            "- **2026-11-10** Mood check: PHQ-2 1, PHQ-9 2 — thoughts of self-harm answered; crisis guidance shown",
        ])
        #expect(section("Symptoms", in: text).last == "| Chapped lips | 3 (2026-11-05) | 1 (2026-11-12) | rising | 3 3 |")
        let lab = section("Labs", in: text).last ?? ""
        #expect(lab.hasPrefix("| 2026-11-05 | Triglycerides | 560 mg/dL | TELL PRESCRIBER (≥ 500 mg/dL; source: "))
        #expect(lab.hasSuffix(" | – |"))
        let checklist = section("Checklist, course month 1 (2026-11-02 to 2026-12-01)", in: text)
        #expect(checklist.count == 5)
        #expect(checklist.last == "- [ ] Mood check: ALERT — 2026-11-10: PHQ-2 1, PHQ-9 2 — item 9 answered: contact your prescriber")
        #expect(section("Notes", in: text) == ["- 2026-11-05 Chapped lips: Cracked corners"])
    }

    @Test("a range with nothing in it says so in each section")
    func emptyRange() {
        let quiet = VisitSummary(journal: journal, range: ReportRange(from: HistoryJournal.d(20), to: HistoryJournal.d(25)),
                                 now: HistoryJournal.at(26, 9), timeZone: zone)
        let text = MarkdownReport.text(quiet)
        #expect(section("Red flags and mood alerts", in: text) == ["None in these days."])
        #expect(section("Labs", in: text) == ["No results in these days."])
        #expect(section("Notes", in: text) == ["No notes in these days."])
        #expect(MarkdownReport.text(VisitSummary(journal: Journal(), range: range, now: now, timeZone: zone)).contains("| Course | not set up in the journal |"))
    }

    @Test("HTML: one self-contained page (no script, no link out, inline SVG), the same facts, text escaped")
    func html() {
        var hostile = HistoryJournal.make()
        hostile.add(SymptomRating.entryID(day: HistoryJournal.d(11), symptom: "dry-skin"), HistoryJournal.d(11),
                    .symptom(SymptomRating(symptom: "dry-skin", grade: 1, note: "<script>alert(1)</script> & \"quotes\"")), written: HistoryJournal.at(11, 21))
        let text = HTMLReport.text(VisitSummary(journal: hostile.journal, range: range, now: now, timeZone: zone))
        let lower = text.lowercased()
        #expect(!lower.contains("http"), "no URL of any kind")
        #expect(!lower.contains("<script"))
        #expect(!lower.contains("<link") && !lower.contains("<img") && !lower.contains("@import") && !lower.contains("url("))
        #expect(lower.contains("<svg"))
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        #expect(text.contains("<style>") && text.contains("@page"))
        for fact in ["Visit summary, 2026-11-02 to 2026-11-12", "220 mg taken in all = 4.4 mg/kg", "11 of 22 planned doses taken (50%)",
                     "RED FLAG: Hearing loss or ringing in the ears?", "TELL PRESCRIBER", "Cracked corners", "Checklist, course month 1"] {
            #expect(text.contains(fact), "\(fact)")
        }
        #expect(text.components(separatedBy: "<svg").count - 1 >= 3, "cumulative, adherence and symptom charts")
        #expect(text.components(separatedBy: "<svg").count == text.components(separatedBy: "</svg>").count)
    }

    @Test("CSV: RFC 4180 quoting, parsed back field by field")
    func csv() throws {
        var h = HistoryJournal.make()
        h.add(SymptomRating.entryID(day: HistoryJournal.d(12), symptom: "other"), HistoryJournal.d(12),
              .symptom(SymptomRating(symptom: "other", grade: 2, note: "sore, \"dry\" throat\nsince Monday")), written: HistoryJournal.at(12, 21))
        h.add(SymptomRating.entryID(day: HistoryJournal.d(11), symptom: "rash"), HistoryJournal.d(11),
              .symptom(SymptomRating(symptom: "rash", grade: 1, note: "=HYPERLINK(\"x\")")), written: HistoryJournal.at(11, 21))
        let text = CSVReport.text(journal: h.journal, range: range, timeZone: zone)
        #expect(text.hasSuffix("\r\n"))
        let rows = try RFC4180.parse(text)
        #expect(rows[0] == CSVReport.columns)
        #expect(rows.dropFirst().allSatisfy { $0.count == CSVReport.columns.count })
        func column(_ name: String, _ row: [String]) -> String { row[CSVReport.columns.firstIndex(of: name)!] }
        let other = try #require(rows.first { $0.contains("symptom-2026-11-12-other") })
        #expect(column("note", other) == "sore, \"dry\" throat\nsince Monday")
        #expect(column("value", other) == "2" && column("unit", other) == "grade 0-3" && column("kind", other) == "symptom")
        let rash = try #require(rows.first { $0.contains("symptom-2026-11-11-rash") })
        #expect(column("note", rash) == "'=HYPERLINK(\"x\")", "a note never becomes a formula")
        let lab = try #require(rows.first { column("kind", $0) == "lab-result" })
        #expect([column("date", lab), column("name", lab), column("value", lab), column("unit", lab), column("flag", lab)]
                == ["2026-11-05", "triglycerides", "560", "mg/dL", "TELL PRESCRIBER"])
        let flag = try #require(rows.first { column("kind", $0) == "red-flag" })
        #expect(column("time", flag) == "2026-11-09T22:00:00+00:00")
        let skipped = try #require(rows.first { $0.contains("dose-2026-11-04-evening") })
        #expect(column("detail", skipped) == "skipped" && column("value", skipped) == "")
        #expect(rows.dropFirst().allSatisfy { LocalDate(iso: column("date", $0)) != nil }, "ISO 8601 dates")
        #expect(rows.count - 1 == h.journal.entries(from: range.from, to: range.to).count)
    }
}

/// A small RFC 4180 reader, for checking the CSV report: fields separated by commas, records
/// by CRLF, a quoted field may hold commas, CRLF, LF and doubled quotes.
enum RFC4180 {
    struct Malformed: Error {}

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { characters.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                guard field.isEmpty else { throw Malformed() }
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r" {
                guard characters.popFirst() == "\n" else { throw Malformed() }
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                guard c != "\n" else { throw Malformed() }
                field.unicodeScalars.append(c)
            }
        }
        guard !quoted, field.isEmpty, row.isEmpty else { throw Malformed() }
        return rows
    }
}
