import Foundation
import Testing
import JournalCore
@testable import JournalUI

@Suite("Labs screen")
struct LabsScreenTests {
    let today = LocalDate(iso: "2026-11-26")!

    /// A course's labs: baseline and two follow-up triglycerides (one entered in mmol/L),
    /// a liver panel, a negative pregnancy test, and four appointments.
    static func sampleJournal() -> Journal {
        func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }
        let changes: [JournalChange] = [
            .put(LabResult.entryID(day: d("2026-07-01"), test: .triglycerides), day: d("2026-07-01"),
                 body: .labResult(.measured(.triglycerides, 110, .milligramsPerDeciliter, fasting: true))),
            .put(LabResult.entryID(day: d("2026-08-12"), test: .triglycerides), day: d("2026-08-12"),
                 body: .labResult(.measured(.triglycerides, 240, .milligramsPerDeciliter, fasting: true))),
            .put(LabResult.entryID(day: d("2026-10-14"), test: .triglycerides), day: d("2026-10-14"),
                 body: .labResult(.measured(.triglycerides, 6.2, .millimolesPerLiter, fasting: true))),
            .put(LabResult.entryID(day: d("2026-10-14"), test: .alt), day: d("2026-10-14"),
                 body: .labResult(.measured(.alt, 62, .unitsPerLiter, upperLimitOfNormal: 40))),
            .put(LabResult.entryID(day: d("2026-11-20"), test: .pregnancy), day: d("2026-11-20"),
                 body: .labResult(.pregnancyTest(.negative, setting: .clinic))),
            .put(LabAppointment.entryID(day: d("2026-11-20"), what: .pregnancyTest), day: d("2026-11-20"),
                 body: .labAppointment(LabAppointment(what: .pregnancyTest, setting: .clinic, status: .done))),
            .put(LabAppointment.entryID(day: d("2026-11-24"), what: .prescriberVisit), day: d("2026-11-24"),
                 body: .labAppointment(LabAppointment(what: .prescriberVisit, minuteOfDay: 15 * 60))),
            .put(LabAppointment.entryID(day: d("2026-11-27"), what: .pharmacyPickup), day: d("2026-11-27"),
                 body: .labAppointment(LabAppointment(what: .pharmacyPickup))),
            .put(LabAppointment.entryID(day: d("2026-12-18"), what: .lipidsAndLiver), day: d("2026-12-18"),
                 body: .labAppointment(LabAppointment(what: .lipidsAndLiver, minuteOfDay: 8 * 60 + 30, note: "Main St lab"))),
        ]
        var journal = Journal()
        let at = ScreenDriver.morning
        for change in changes { journal.apply(change.entry(after: journal.revisionNumber(of: change.id), recordedAt: at)) }
        return journal
    }

    func labs(_ journal: Journal = LabsScreenTests.sampleJournal(), width: Int = 80, height: Int = 24,
              readOnlyReason: String? = nil) -> ScreenDriver {
        var driver = ScreenDriver(journal: journal, width: width, height: height, readOnlyReason: readOnlyReason)
        driver.press(.ch("b"))
        return driver
    }

    @Test("the list at 80×24: upcoming, past (one not marked yet) and results with their flags")
    func list() {
        let driver = labs()
        #expect(driver.screen == screen("""
         IsoJournal · Labs                                    Thursday 26 November 2026

         Upcoming appointments
        ▸ Fri 27 Nov 2026        Pharmacy pickup                        tomorrow
          Fri 18 Dec 2026 08:30  Blood draw: lipids + liver (fasting)   in 22 days

         Past appointments
          Tue 24 Nov 2026 15:00  Prescriber visit                       not marked yet
          Fri 20 Nov 2026        Pregnancy test (clinic)                done

         Results, newest first
          Fri 20 Nov 2026 Pregnancy test    negative     clinic
          Wed 14 Oct 2026 ALT (liver)       62 U/L       1.55× ULN    ! above normal
          Wed 14 Oct 2026 Triglycerides     549 mg/dL    (6.2 mmol/L) ! TELL PRESCRIBER
          Wed 12 Aug 2026 Triglycerides     240 mg/dL
          Wed 1 Jul 2026  Triglycerides     110 mg/dL







         r add result  a schedule  d done  x missed  m move  t trends  ? help  Esc back
        """))
        let canvas = driver.state.view()
        #expect(canvas[13, 62].style == .warning, "a tell-your-prescriber flag stands out")
    }

    @Test("an ALT without the lab's upper limit is listed as not judged, and Enter says how to add the limit")
    func notJudged() throws {
        var journal = Journal()
        let specimen = LocalDate(iso: "2026-11-20")!
        let change = JournalChange.put(LabResult.entryID(day: specimen, test: .alt), day: specimen,
                                       body: .labResult(.measured(.alt, 600, .unitsPerLiter)))
        journal.apply(change.entry(after: 0, recordedAt: ScreenDriver.morning))
        var driver = labs(journal)
        let row = try #require(driver.screen.split(separator: "\n").first { $0.contains("ALT (liver)") })
        #expect(row.contains("600 U/L      no ULN given ? not judged"), "\(row)")
        driver.press(.enter)
        #expect(driver.screen.contains("Not judged — add the lab's upper limit"), "\(driver.screen)")
        #expect(driver.screen.contains("Press r and enter this result again with its ULN"), "\(driver.screen)")
    }

    @Test("a result entered by mistake can be withdrawn after a question; it stays in the history")
    func withdrawResult() throws {
        var driver = labs()
        for _ in 0..<6 { driver.press(.down) } // the triglycerides of 14 Oct (549 mg/dL, flagged)
        driver.press(.ch("w"))
        #expect(driver.screen.contains("Withdraw this result?"))
        driver.press(.ch("n"))
        #expect(driver.screen.contains("Kept."))
        #expect(driver.recorded.isEmpty)
        driver.press(.ch("w"), .ch("y"))
        let id = LabResult.entryID(day: LocalDate(iso: "2026-10-14")!, test: .triglycerides)
        #expect(driver.recorded.last == [.retract(id: id, day: LocalDate(iso: "2026-10-14")!, reason: "withdrawn in Labs (entered by mistake)")])
        #expect(driver.screen.contains("Triglycerides of Wed 14 Oct 2026 withdrawn; it stays in the history."))
        #expect(!driver.screen.contains("549 mg/dL"))
        #expect(driver.state.journal.history(of: id).count == 2)
        // An appointment is not a result: w says so.
        driver.press(.home, .ch("w"))
        #expect(driver.screen.contains("Select a result first"))
    }

    @Test("an empty journal says how to start")
    func emptyList() {
        let driver = labs(Journal())
        #expect(driver.screen.contains("Nothing scheduled. Press a to schedule a blood draw, test or visit."))
        #expect(driver.screen.contains("No results yet. Press r to add one from your lab report."))
    }

    @Test("the trend view at 80×24: sparkline, change from baseline, bars and the limit")
    func trends() {
        var driver = labs()
        driver.press(.ch("t"))
        #expect(driver.screen == screen("""
         IsoJournal · Labs · Trends                           Thursday 26 November 2026

         ◂ Triglycerides ▸                                               shown in mg/dL

           Trend  ▂▄█  110 → 549 mg/dL, +439 mg/dL (+399%) from baseline

           Specimen date   Value         Change
           Wed 1 Jul 2026  110 mg/dL     baseline          █████▋                   ┊
           Wed 12 Aug 2026 240 mg/dL     +130 mg/dL        ████████████▎            ┊
           Wed 14 Oct 2026 549 mg/dL*    +439 mg/dL      ! ████████████████████████████










           ┊ 500 mg/dL: the "tell your prescriber" limit (practice default)
           * entered in another unit and converted (entered values are kept)

         ←→ test   u mg/dL / mmol/L   ? help   Esc back
        """))
        driver.press(.ch("u"))
        #expect(driver.screen.contains("1.24 → 6.2 mmol/L, +4.96 mmol/L (+399%) from baseline"))
        #expect(driver.screen.contains("Wed 14 Oct 2026 6.2 mmol/L    +4.96 mmol/L    !"))
        #expect(driver.screen.contains("┊ 5.65 mmol/L: the \"tell your prescriber\" limit"))
        driver.press(.left, .left, .left)
        #expect(driver.screen.contains("◂ ALT (liver) ▸"))
        #expect(driver.screen.contains("Wed 14 Oct 2026 62 U/L"))
        #expect(driver.screen.contains("┊ upper limit of normal (40 U/L, from your latest report)"))
        driver.press(.right, .right)
        #expect(driver.screen.contains("◂ Pregnancy test ▸"))
        #expect(driver.screen.contains("Fri 20 Nov 2026 negative    clinic"))
        driver.press(.escape)
        #expect(driver.screen.contains("Upcoming appointments"))
    }

    @Test("many values: the baseline stays, the oldest after it are summarised, and it still fits")
    func longTrend() {
        var journal = Journal()
        var day = LocalDate(iso: "2025-01-05")!
        for index in 0..<30 {
            let change = JournalChange.put(LabResult.entryID(day: day, test: .ldl), day: day,
                                           body: .labResult(.measured(.ldl, Double(100 + index * 3), .milligramsPerDeciliter)))
            journal.apply(change.entry(after: 0, recordedAt: ScreenDriver.morning))
            day = day.adding(days: 14)
        }
        var driver = labs(journal)
        driver.press(.ch("t")) // opens on the selected result's test
        let text = driver.screen
        #expect(text.contains("◂ LDL cholesterol ▸"))
        #expect(text.contains("Sun 5 Jan 2025  100 mg/dL     baseline"))
        #expect(text.contains("… 16 more"))
        #expect(text.contains("100 → 187 mg/dL, +87 mg/dL (+87%) from baseline"))
        #expect(text.contains("187 mg/dL     +87 mg/dL"))
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 24)
        #expect(text.hasSuffix(" ←→ test   u mg/dL / mmol/L   ? help   Esc back"))
    }

    @Test("the result form at 80×24")
    func resultForm() {
        var driver = labs()
        driver.press(.ch("r"))
        #expect(driver.screen == screen("""
         IsoJournal · Labs · Add a result                     Thursday 26 November 2026

         Copy the result from your lab report. It is kept exactly as entered.

         ▸ Test           ◂ Triglycerides ▸
           Value
           Unit             mg/dL
           Specimen date    2026-11-26    YYYY-MM-DD
           Fasting          yes
           Note

           ←→ choose the test: Triglycerides, Total cholesterol, LDL cholesterol, HDL
           cholesterol, ALT (liver), AST (liver), Pregnancy test.










         ↑↓ field   ←→ choose   Enter next   ^S save   F1 help   Esc cancel
        """))
        driver.press(.right, .right, .right, .right)
        #expect(driver.screen.contains("◂ ALT (liver) ▸"))
        #expect(driver.screen.contains("Upper limit"))
        #expect(!driver.screen.contains("Fasting"))
        driver.press(.right, .right)
        #expect(driver.screen.contains("Result           – (not chosen)"))
        #expect(driver.screen.contains("Taken at         clinic"))
    }

    @Test("a triglyceride result in mmol/L above 500 mg/dL: saved with the notice, which names its source")
    func flaggedResult() throws {
        var driver = labs(Journal())
        driver.press(.ch("r"), .down)
        driver.type("6.2")
        #expect(driver.screen.contains("As printed on the report. 6.2 mg/dL = 0.07 mmol/L."))
        driver.press(.down, .right)
        driver.press(.control("s"))
        let saved = LabResult(test: .triglycerides, value: 6.2, unit: .millimolesPerLiter, fasting: true,
                              noticeShown: "Tell your prescriber about this triglyceride result.")
        #expect(driver.recorded == [[.put(LabResult.entryID(day: today, test: .triglycerides), day: today, body: .labResult(saved))]])
        let text = driver.screen
        #expect(text.contains("┌─ Tell your prescriber ─"))
        #expect(text.contains("Triglycerides 6.2 mmol/L (549 mg/dL), specimen taken Thu"))
        #expect(text.contains("Limit: ≥ 500 mg/dL (5.65 mmol/L)"))
        #expect(text.contains("Source: A level commonly used in practice (secondary"))
        #expect(text.contains("Saved: Triglycerides 6.2 mmol/L for Thu 26 Nov 2026."))
        driver.press(.enter)
        #expect(!driver.screen.contains("┌─"))
        // Lipids show in the unit the patient enters most: here mmol/L.
        #expect(driver.screen.contains("▸ Thu 26 Nov 2026 Triglycerides     6.2 mmol/L                ! TELL PRESCRIBER"))
        // The details dialog shows the flag and its source again, any time.
        driver.press(.enter)
        #expect(driver.screen.contains("TELL PRESCRIBER (≥ 500 mg/dL (5.65 mmol/L)): Tell"))
    }

    @Test("a positive pregnancy test shows the label's instruction as an alarm that only C closes")
    func positivePregnancyTest() throws {
        var driver = labs(Journal())
        // No result is chosen until an arrow picks one: → negative, → positive.
        driver.press(.ch("r"), .left, .down, .right, .right, .control("s"))
        let change = try #require(driver.recorded.first?.first)
        guard case .put(_, _, _, _, .labResult(let result), _) = change else { Issue.record("not a result"); return }
        #expect(result.outcome == .positive && result.setting == .clinic)
        #expect(result.noticeShown == "Stop taking isotretinoin and contact your prescriber at once.")
        #expect(driver.screen.contains("STOP: contact your prescriber at once"))
        #expect(driver.screen.contains("Stop taking isotretinoin and contact your prescriber at"))
        let canvas = driver.state.view()
        let dialogRow = (0..<24).first { canvas.line($0).contains("STOP: contact") }!
        #expect(canvas[dialogRow + 1, 40].style == .alarm)
        driver.press(.enter, .escape, .ch("q"))
        #expect(driver.screen.contains("STOP: contact your prescriber at once"))
        driver.press(.ch("C"))
        #expect(driver.screen.contains("! STOP, CALL NOW"))
    }

    @Test("a pregnancy test has no default result: ^S without one says what is missing and saves nothing")
    func pregnancyResultNotChosen() {
        var driver = labs(Journal())
        driver.press(.ch("r"), .left)
        #expect(driver.screen.contains("Result           – (not chosen)"))
        driver.press(.control("s"))
        #expect(driver.recorded.isEmpty)
        #expect(driver.screen.contains("Choose the result with ← →: negative, positive or invalid."))
        driver.press(.right)
        #expect(driver.screen.contains("◂ negative ▸"))
    }

    @Test("bad input stays in the form with a message and writes nothing")
    func badInput() {
        var driver = labs()
        driver.press(.ch("r"), .down)
        driver.type("abc")
        driver.press(.control("s"))
        #expect(driver.screen.contains("The Triglycerides value 'abc' is not a number."))
        #expect(driver.screen.contains("▸ Value"))
        driver.press(.control("u"))
        driver.type("150")
        driver.press(.down, .down, .control("u"))
        driver.type("2026-11-27")
        driver.press(.control("s"))
        #expect(driver.screen.contains("The specimen date 2026-11-27 is in the future"))
        driver.press(.control("u"))
        driver.type("2026-02-30")
        driver.press(.control("s"))
        #expect(driver.screen.contains("'2026-02-30' is not a date."))
        #expect(driver.recorded.isEmpty)
        driver.press(.escape)
        #expect(driver.screen.contains("Results, newest first"))
    }

    @Test("schedule a fasting lipid draw with a time")
    func schedule() {
        var driver = labs(Journal())
        driver.press(.ch("a"), .down, .control("u"))
        driver.type("2026-12-01")
        driver.press(.down)
        driver.type("08:30")
        driver.press(.control("s"))
        let day = LocalDate(iso: "2026-12-01")!
        #expect(driver.recorded == [[.put(LabAppointment.entryID(day: day, what: .lipids), day: day,
                                          body: .labAppointment(LabAppointment(what: .lipids, minuteOfDay: 510, fasting: true)))]])
        #expect(driver.screen.contains("▸ Tue 1 Dec 2026  08:30  Blood draw: lipids (fasting)           in 5 days"))
        #expect(driver.screen.contains("Scheduled: Blood draw: lipids on Tue 1 Dec 2026."))
        driver.press(.ch("a"), .down, .control("u"))
        driver.type("2026-12-01")
        driver.press(.down)
        driver.type("8:30")
        driver.press(.control("s"))
        #expect(driver.screen.contains("'8:30' is not a time."))
    }

    @Test("mark done and missed, and move: the old day keeps the new date")
    func markAndMove() {
        var driver = labs()
        driver.press(.down, .down, .ch("d"))
        let visitDay = LocalDate(iso: "2026-11-24")!
        #expect(driver.recorded.last == [.put(LabAppointment.entryID(day: visitDay, what: .prescriberVisit), day: visitDay,
                                              body: .labAppointment(LabAppointment(what: .prescriberVisit, minuteOfDay: 900, status: .done)))])
        #expect(driver.screen.contains("Tue 24 Nov 2026 15:00  Prescriber visit                       done"))
        driver.press(.home, .ch("m"), .control("u"))
        driver.type("2026-11-30")
        driver.press(.enter)
        let old = LocalDate(iso: "2026-11-27")!, new = LocalDate(iso: "2026-11-30")!
        #expect(driver.recorded.last == [
            .put(LabAppointment.entryID(day: old, what: .pharmacyPickup), day: old,
                 body: .labAppointment(LabAppointment(what: .pharmacyPickup, status: .moved, movedTo: new))),
            .put(LabAppointment.entryID(day: new, what: .pharmacyPickup), day: new,
                 body: .labAppointment(LabAppointment(what: .pharmacyPickup, movedFrom: old))),
        ])
        #expect(driver.screen.contains("▸ Mon 30 Nov 2026        Pharmacy pickup                        in 4 days"))
        #expect(driver.screen.contains("Fri 27 Nov 2026        Pharmacy pickup                        moved to 30 Nov"))
        driver.press(.ch("x"))
        #expect(driver.screen.contains("Mon 30 Nov 2026        Pharmacy pickup                        missed"))
        // d on a result is refused with a hint.
        driver.press(.end, .ch("d"))
        #expect(driver.screen.contains("Select an appointment first"))
    }

    @Test("a failed save keeps the screen, says why, and shows no notice afterwards")
    func failedSave() {
        var driver = labs(Journal())
        driver.failNextSave = "The disk is full; nothing was saved."
        driver.press(.ch("r"), .down)
        driver.type("900")
        driver.press(.control("s"))
        #expect(driver.screen.contains("The disk is full; nothing was saved."))
        #expect(!driver.screen.contains("┌─"))
        driver.press(.ch("a"), .control("s"))
        #expect(!driver.screen.contains("Contact your prescriber promptly"))
    }

    @Test("read-only journals show labs but refuse changes")
    func readOnly() {
        var driver = labs(readOnlyReason: "a newer IsoJournal wrote this journal")
        #expect(driver.screen.contains("IsoJournal · Labs (read-only)"))
        driver.press(.ch("r"))
        #expect(driver.screen.contains("Read-only: a newer IsoJournal wrote this journal"))
        driver.press(.ch("d"))
        #expect(driver.recorded.isEmpty)
    }

    @Test("b opens Labs from Today, Esc goes back, and small windows still draw every mode")
    func navigationAndSizes() {
        var driver = ScreenDriver(journal: Self.sampleJournal())
        #expect(driver.screen.contains("b labs"))
        driver.press(.ch("b"))
        #expect(driver.screen.contains("IsoJournal · Labs"))
        driver.press(.escape)
        #expect(driver.screen.contains("Symptoms today"))
        for (width, height) in [(40, 12), (60, 16), (120, 40)] {
            var small = labs(width: width, height: height)
            for keys in [[Key](), [.ch("t")], [.escape, .ch("r")], [.escape, .ch("a")], [.escape, .down, .down, .down, .down, .down, .enter]] {
                small.press(contentsOf: keys)
                let canvas = small.state.view()
                #expect(canvas.width == width && canvas.height == height)
            }
        }
    }
}

extension ScreenDriver {
    mutating func press(contentsOf keys: [Key]) { for key in keys { send(.key(key)) } }
}
