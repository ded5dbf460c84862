import Foundation
import Testing
import JournalCore
@testable import JournalUI

/// Today with more than fits: sections keep their order of priority, each shrinks to
/// "… N more (key)" rather than vanishing, and wide windows use two columns.
@Suite("Today's layout at every size")
struct TodayLayoutTests {
    /// The dashboard's journal (eight things due), a red flag answered yes this morning (so the
    /// course is on hold), three symptoms today and a symptom on each of the last seven days.
    static func busyJournal() -> Journal {
        var journal = DashboardTests().journal()
        let zone = ScreenDriver.zone
        let today = LocalDate(iso: "2026-11-26")!
        let written = Timestamp.instant(of: today, minuteOfDay: 9 * 60, in: zone)
        func add(_ id: EntryID, _ day: LocalDate, _ body: EntryBody) {
            journal.apply(Entry(id: id, revision: 1, recordedAt: written, day: day, body: body))
        }
        add(RedFlagReport.entryID(day: today, flag: "raised-pressure-headache"), today,
            .redFlag(RedFlagReport(flag: "raised-pressure-headache", noticeShown: "STOP",
                                   acknowledgedAt: Timestamp.instant(of: today, minuteOfDay: 9 * 60 + 2, in: zone))))
        for (slug, grade, note) in [("chapped-lips", 2, "cracked corners, worse in the wind"), ("dry-skin", 1, nil), ("headache", 3, "since waking")] {
            add(SymptomRating.entryID(day: today, symptom: slug), today, .symptom(SymptomRating(symptom: slug, grade: grade, note: note)))
        }
        for offset in 1...7 {
            let day = today.adding(days: -offset)
            add(SymptomRating.entryID(day: day, symptom: "chapped-lips"), day, .symptom(SymptomRating(symptom: "chapped-lips", grade: 1 + offset % 3)))
        }
        return journal
    }

    static func today(width: Int, height: Int) -> String {
        ScreenDriver(journal: busyJournal(), width: width, height: height).screen
    }

    @Test("every line that is cut ends in …, and no heading stands alone, at every size from 40×12")
    func invariants() {
        for (width, height) in [(40, 12), (41, 13), (50, 15), (60, 20), (72, 18), (80, 24), (100, 30), (119, 25), (120, 40), (160, 50)] {
            let lines = Self.today(width: width, height: height).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let headings = [" Due", " Symptoms today", " Last 7 days", " Lab results"]
            for (index, line) in lines.enumerated().dropLast(2) where headings.contains(where: { line.hasPrefix($0) }) {
                let next = index + 1 < lines.count - 2 ? lines[index + 1].trimmingCharacters(in: .whitespaces) : ""
                #expect(!next.isEmpty, "\(width)×\(height): a heading with nothing under it: \(line)")
            }
            #expect(lines.contains { $0.contains("COURSE ON HOLD") }, "\(width)×\(height): the stop alert")
        }
    }

    @Test("at 80×24 the alerts stay whole, due items next, and every later section keeps its heading and a line")
    func golden80x24() {
        #expect(Self.today(width: 80, height: 24) == screen("""
         IsoJournal                                           Thursday 26 November 2026
         COURSE ON HOLD since 2026-11-26 09:02 — ask your prescriber before the next
         dose
           ! Red-flag symptom on 2026-11-26: Severe headache with nausea, vomiting or
           blurred vision?
           Stop taking isotretinoin and contact your prescriber now. Then press p to
           record their decision.
         Red flags today: contact your prescriber now
           ! Severe headache with nausea, vomiting or blurred vision? (notice read
           09:02)
         Due   (↑↓ select · z snooze 1 hour · x dismiss)
         ▸ today    Contraception 1: IUD: not confirmed for month 1 (k)
           today    Contraception 2: condoms: not confirmed for month 1 (k)
           today    Monthly programme confirmation for month 1 not ticked yet (k)
           today    Fasting blood test tomorrow at 08:30: no food from 00:30 (abou… (b)
         Course  day 25 · month 1 · plan 20 + 20 mg · 61 kg
           … 4 more (isojournal status)
         Checklist  month 1: 2 done, 6 to do · window Day 3 of 7, closes Mon 30 Nov 2026
         Symptoms today
           … 3 more (h)
         Last 7 days
           … 7 more (h)

         p prescriber's decision  l log  d doses  b labs  h history  ? help  q quit
        """))
    }

    @Test("at 60×20 the due list shrinks to the selected item and its count; the last 7 days give way whole")
    func golden60x20() {
        #expect(Self.today(width: 60, height: 20) == screen("""
         IsoJournal                       Thursday 26 November 2026
         COURSE ON HOLD since 2026-11-26 09:02 — ask your prescriber
         before the next dose
           ! Red-flag symptom on 2026-11-26: Severe headache with
           nausea, vomiting or blurred vision?
           Stop taking isotretinoin and contact your prescriber now.
           Then press p to record their decision.
         Red flags today: contact your prescriber now
           ! Severe headache with nausea, vomiting or blurred
           vision? (notice read 09:02)
         Due   (↑↓ select · z snooze 1 hour · x dismiss)
         ▸ today    Contraception 1: IUD: not confirmed for mo… (k)
           today    Contraception 2: condoms: not confirmed fo… (k)
           … and 2 more (isojournal remind)
         Course  day 25 · month 1 · plan 20 + 20 mg · 61 kg
           … 4 more (isojournal status)
         Symptoms today
           … 3 more (h)

         p prescriber's decision  l log  h history  ? help  q quit
        """))
    }

    @Test("at 40×12 the stop alert fills the body, whole")
    func golden40x12() {
        #expect(Self.today(width: 40, height: 12) == screen("""
         IsoJournal   Thursday 26 November 2026
         COURSE ON HOLD since 2026-11-26 09:02 —
         ask your prescriber before the next
         dose
           ! Red-flag symptom on 2026-11-26:
           Severe headache with nausea, vomiting
           or blurred vision?
           Stop taking isotretinoin and contact
           your prescriber now. Then press p to
           record their decision.

         p prescriber's decision  ? help  q quit
        """))
    }

    @Test("at 120×40 two columns: alerts, due and course at the left; symptoms, days and checklist at the right")
    func golden120x40() {
        #expect(Self.today(width: 120, height: 40) == screen("""
         IsoJournal                                                                                   Thursday 26 November 2026

         COURSE ON HOLD since 2026-11-26 09:02 — ask your             Symptoms today
         prescriber before the next dose                                Chapped lips      2  limits some activities cracked co…
           ! Red-flag symptom on 2026-11-26: Severe headache with       Dry skin          1  noticeable
           nausea, vomiting or blurred vision?                          Headache          3  limits self-care       since waki…
           Stop taking isotretinoin and contact your prescriber
           now. Then press p to record their decision.                Last 7 days
                                                                        Wed 25 Nov 2026 chapped lips 2
         Red flags today: contact your prescriber now                   Tue 24 Nov 2026 chapped lips 3
           ! Severe headache with nausea, vomiting or blurred           Mon 23 Nov 2026 chapped lips 1
           vision? (notice read 09:02)                                  Sun 22 Nov 2026 chapped lips 2
                                                                        Sat 21 Nov 2026 chapped lips 3
         Due   (↑↓ select · z snooze 1 hour · x dismiss)                Fri 20 Nov 2026 chapped lips 1
         ▸ today    Contraception 1: IUD: not confirmed for m… (k)      Thu 19 Nov 2026 chapped lips 2
           today    Contraception 2: condoms: not confirmed f… (k)
           today    Monthly programme confirmation for month … (k)    Checklist  month 1: 2 done, 6 to do · window Day 3 of 7, …
           today    Fasting blood test tomorrow at 08:30: no … (b)

         Course  day 25 · month 1 · plan 20 + 20 mg · 61 kg
           960 mg = 15.7 of 120 mg/kg  [██░░░░░░░░░░░░░░░░░] 13%
           Taken   last 7 days 12/13 · month 48/49 · course 48/49 …
           Target  no projection while on hold, until your prescri…
         Doses today  none expected: on hold — ask your prescriber…















         p prescriber's decision   l log   d doses   b labs   k checklist   h history   ? help   q quit
        """))
    }

    @Test("at 40×12 without alerts every section keeps its heading and one line, the cut ones saying how many more and where")
    func smallWithoutAlerts() {
        #expect(ScreenDriver(journal: DashboardTests().journal(), width: 40, height: 12).screen == screen("""
         IsoJournal   Thursday 26 November 2026
         Due   (↑↓ z x)
         ▸ overdue  Morning dose: 20 mg wi… (d)
           … and 7 more (isojournal remind)
         Course  day 25 · month 1 · plan 20 + 2…
           … 4 more (isojournal status)
         Symptoms today
           Nothing logged yet. Press l to log t…
         Last 7 days
           … 7 more (h)

         l log d doses h history ? help q quit
        """))
    }

    @Test("a shrunk due list keeps the selected item in view")
    func selectionStaysInView() {
        var driver = ScreenDriver(journal: Self.busyJournal(), width: 60, height: 20)
        driver.press(.down, .down, .down)
        #expect(driver.screen.contains(" ▸ today    Fasting blood test tomorrow at 08:30: no f… (b)"))
        #expect(driver.screen.contains("   … and 2 more (isojournal remind)"))
    }

    @Test("sections get rows by priority: a minimum each, top-down, and nothing below one that did not fit")
    func allocation() {
        func section(_ name: String, _ count: Int, _ priority: Int) -> TodaySection {
            TodaySection(heading: (name, .bold), lines: (1...count).map { ("\(name) \($0)", .plain) }, priority: priority)
        }
        let sections = [section("A", 3, 0), section("B", 4, 2), section("C", 2, 1)]
        #expect(TodayLayout.lines(sections, rows: 100).map(\.0) == ["", "A", "A 1", "A 2", "A 3", "", "B", "B 1", "B 2", "B 3", "B 4", "", "C", "C 1", "C 2"])
        #expect(TodayLayout.lines(sections, rows: 9).map(\.0) == ["A", "A 1", "A 2", "A 3", "B", "   … 4 more", "C", "C 1", "C 2"])
        #expect(TodayLayout.lines(sections, rows: 5).map(\.0) == ["A", "A 1", "   … 2 more", "C", "   … 2 more"])
        #expect(TodayLayout.lines(sections, rows: 3).map(\.0) == ["A", "A 1", "   … 2 more"])
    }
}
