import Foundation
import Testing
import JournalCore
@testable import JournalUI

/// Every edit screen, not only the daily log: a screen open while another copy saved the same
/// record asks before saving over it — k writes mine over theirs, t shows theirs.
@Suite("Stale screens: labs, checklist, course, doses, decision, new course, mood check")
struct StaleScreenTests {
    static let today = LocalDate(iso: "2026-11-26")!
    var today: LocalDate { Self.today }

    /// The screen is open; "the shell" saves `change` behind its back.
    static func elsewhere(_ driver: inout ScreenDriver, _ change: JournalChange) {
        var disk = driver.onDisk ?? driver.state.journal
        disk.apply(change.entry(after: disk.revisionNumber(of: change.id), recordedAt: ScreenDriver.morning))
        driver.onDisk = disk
    }

    /// Saving asked and wrote nothing; the dialog shows both versions.
    static func expectDialog(_ driver: ScreenDriver, saved: String, yours: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(driver.recorded.isEmpty, "\(driver.recorded)", sourceLocation: sourceLocation)
        let text = driver.screen
        #expect(text.contains("Changed elsewhere"), "\(text)", sourceLocation: sourceLocation)
        #expect(text.contains("Saved:") && text.contains(saved), "\(text)", sourceLocation: sourceLocation)
        #expect(text.contains("Yours:") && text.contains(yours), "\(text)", sourceLocation: sourceLocation)
        #expect(text.contains("k keep mine"), sourceLocation: sourceLocation)
    }

    /// k: exactly what the screen asked is written, as the next revision of the newer record.
    static func keepMine(_ driver: inout ScreenDriver, id: EntryID, sourceLocation: SourceLocation = #_sourceLocation) -> [JournalChange] {
        let theirs = driver.onDisk?.revisionNumber(of: id) ?? 0
        driver.press(.ch("k"))
        #expect(!driver.screen.contains("Changed elsewhere"), sourceLocation: sourceLocation)
        #expect(driver.onDisk?.revisionNumber(of: id) == theirs + 1, sourceLocation: sourceLocation)
        return driver.recorded.last ?? []
    }

    // MARK: labs

    static let trigID = LabResult.entryID(day: today, test: .triglycerides)
    static let theirTrig = JournalChange.put(trigID, day: today, body: .labResult(.measured(.triglycerides, 150, .milligramsPerDeciliter, fasting: true)))

    func labForm() -> ScreenDriver {
        var driver = ScreenDriver(journal: LabsScreenTests.sampleJournal())
        driver.press(.ch("b"), .ch("r"), .down)
        driver.type("300")
        Self.elsewhere(&driver, Self.theirTrig)
        driver.press(.control("s"))
        return driver
    }

    @Test("lab result form: asks, k writes mine over the shell's result")
    func labResultKeepMine() throws {
        var driver = labForm()
        Self.expectDialog(driver, saved: "150", yours: "300")
        let changes = Self.keepMine(&driver, id: Self.trigID)
        guard case let .put(id, _, _, _, .labResult(result), _)? = changes.first else { Issue.record("\(changes)"); return }
        #expect(id == Self.trigID && result.value == 300)
        #expect(driver.screen.contains("Saved: Triglycerides 300"), "\(driver.screen)")
    }

    @Test("lab result form: t shows the shell's result in the list, writes nothing")
    func labResultTakeTheirs() {
        var driver = labForm()
        driver.press(.ch("t"))
        #expect(driver.recorded.isEmpty)
        #expect(driver.screen.contains("Kept what was saved elsewhere"), "\(driver.screen)")
        #expect(driver.screen.contains("150"), "\(driver.screen)")
        #expect(!driver.screen.contains("Add a result"))
    }

    @Test("lab withdraw: a result corrected elsewhere after the question asks again")
    func labWithdraw() throws {
        var driver = ScreenDriver(journal: LabsScreenTests.sampleJournal())
        driver.press(.ch("b"), .end, .ch("w")) // the oldest result: triglycerides of 1 July
        let first = LabResult.entryID(day: LocalDate(iso: "2026-07-01")!, test: .triglycerides)
        Self.elsewhere(&driver, .put(first, day: LocalDate(iso: "2026-07-01")!,
                                     body: .labResult(.measured(.triglycerides, 115, .milligramsPerDeciliter, fasting: true))))
        driver.press(.ch("y"))
        Self.expectDialog(driver, saved: "115", yours: "withdrawn")
        var kept = driver
        kept.press(.ch("t"))
        #expect(kept.recorded.isEmpty && kept.screen.contains("115"))
        let changes = Self.keepMine(&driver, id: first)
        #expect(changes.count == 1 && changes.first?.id == first)
        #expect(driver.onDisk?.current(first) == nil, "withdrawn over the correction")
    }

    // MARK: checklist

    @Test("checklist: a tick and a note over another copy's tick ask; k writes mine, t keeps theirs")
    func checklist() throws {
        let id = ChecklistTick.entryID(month: 1, item: "contraception-1")
        let theirs = JournalChange.put(id, day: today, body: .checklistTick(ChecklistTick(month: 1, item: "contraception-1", done: true,
                                                                                        note: "from the shell")))
        var driver = ScreenDriver(journal: ChecklistScreensTests().journal())
        driver.press(.ch("k"), .down, .down, .ch("n"))
        driver.type("mine")
        Self.elsewhere(&driver, theirs)
        driver.press(.enter)
        Self.expectDialog(driver, saved: "from the shell", yours: "mine")
        var took = driver
        took.press(.ch("t"))
        #expect(took.recorded.isEmpty && took.screen.contains("✎ from the sh"), "\(took.screen)")
        let changes = Self.keepMine(&driver, id: id)
        #expect(changes.first?.id == id)
        #expect(driver.screen.contains("Note saved."))

        var ticking = ScreenDriver(journal: ChecklistScreensTests().journal())
        ticking.press(.ch("k"), .down, .down)
        Self.elsewhere(&ticking, theirs)
        ticking.press(.ch(" "))
        #expect(ticking.recorded.isEmpty && ticking.screen.contains("Changed elsewhere"), "\(ticking.screen)")
    }

    @Test("an appointment scheduled over one scheduled elsewhere asks")
    func appointment() {
        var driver = ScreenDriver(journal: LabsScreenTests.sampleJournal())
        driver.press(.ch("b"), .ch("a"))
        let id = LabAppointment.entryID(day: today, what: .lipids)
        Self.elsewhere(&driver, .put(id, day: today, body: .labAppointment(LabAppointment(what: .lipids, note: "from the shell"))))
        driver.press(.control("s"))
        Self.expectDialog(driver, saved: "scheduled — from the", yours: "lipids (fasting): scheduled")
        _ = Self.keepMine(&driver, id: id)
    }

    // MARK: course

    @Test("course settings changed elsewhere while the form was open: k saves mine, t shows theirs in the form")
    func courseSetup() throws {
        let journal = CourseScreensTests().journalWithCourse()
        var theirs = try #require(journal.courseRecords?.settings)
        theirs.product = "Absorica LD"
        var driver = ScreenDriver(journal: journal)
        driver.press(.ch("c"), .down, .down, .down, .control("u"))
        driver.type("Absorica")
        Self.elsewhere(&driver, .put(CourseSettings.entryID, day: theirs.startDate, body: .course(theirs)))
        driver.press(.control("s"))
        #expect(driver.recorded.isEmpty && driver.screen.contains("Changed elsewhere"), "\(driver.screen)")
        var took = driver
        took.press(.ch("t"))
        #expect(took.recorded.isEmpty && took.screen.contains("Absorica LD"), "\(took.screen)")
        _ = Self.keepMine(&driver, id: CourseSettings.entryID)
        #expect(driver.screen.contains("Course saved."))
        guard case .course(let saved)? = driver.onDisk?.current(CourseSettings.entryID)?.body else { Issue.record("no course"); return }
        #expect(saved.product == "Absorica")
    }

    @Test("doses: skip, the edit form, withdraw and the weight prompt over records saved elsewhere ask")
    func doses() throws {
        let journal = CourseScreensTests().journalWithCourse(dosesUntil: LocalDate(iso: "2026-11-25")!)
        let id = DoseIntake.entryID(day: today, slot: "morning")
        let taken = Timestamp.instant(of: today, minuteOfDay: 8 * 60 + 10, in: ScreenDriver.zone)
        let theirs = DoseIntake(slot: "morning", status: .taken, milligrams: 20, withFood: true).change(day: today, at: taken, timeZone: ScreenDriver.zone)

        var skip = ScreenDriver(journal: journal)
        skip.press(.ch("d"))
        Self.elsewhere(&skip, theirs)
        skip.press(.ch("s"))
        Self.expectDialog(skip, saved: "20 mg taken at 08:10", yours: "skipped")
        var took = skip
        took.press(.ch("t"))
        #expect(took.recorded.isEmpty && took.screen.contains("Kept what was saved elsewhere"))
        let changes = Self.keepMine(&skip, id: id)
        guard case .dose(let intake)? = changes.first.flatMap({ if case let .put(_, _, _, _, body, _) = $0 { body } else { nil } }) else {
            Issue.record("\(changes)"); return
        }
        #expect(intake.status == .skipped)

        var edit = ScreenDriver(journal: journal)
        edit.press(.ch("d"), .ch("e"))
        Self.elsewhere(&edit, theirs)
        edit.press(.enter, .enter, .enter)
        #expect(edit.recorded.isEmpty && edit.screen.contains("Changed elsewhere"), "\(edit.screen)")

        var withdraw = ScreenDriver(journal: journal)
        withdraw.press(.ch("d"), .ch("["))
        let yesterday = today.adding(days: -1)
        let at = Timestamp.instant(of: yesterday, minuteOfDay: 8 * 60 + 30, in: ScreenDriver.zone)
        Self.elsewhere(&withdraw, DoseIntake(slot: "morning", status: .taken, milligrams: 30, withFood: true)
            .change(day: yesterday, at: at, timeZone: ScreenDriver.zone))
        withdraw.press(.ch("x"))
        Self.expectDialog(withdraw, saved: "30 mg taken at 08:30", yours: "(withdrawn)")
        _ = Self.keepMine(&withdraw, id: DoseIntake.entryID(day: yesterday, slot: "morning"))

        var weight = ScreenDriver(journal: journal)
        weight.press(.ch("d"), .ch("w"))
        weight.type("62")
        let weightID = WeightMeasurement.entryID(day: today)
        Self.elsewhere(&weight, .put(weightID, day: today, body: .weight(WeightMeasurement(value: 63, unit: .kilograms))))
        weight.press(.enter)
        Self.expectDialog(weight, saved: "Weight 63 kg", yours: "Weight 62 kg")
        _ = Self.keepMine(&weight, id: weightID)
    }

    @Test("the prescriber's decision: a pause recorded elsewhere from the same day asks; t goes back to Today")
    func decision() {
        var driver = ScreenDriver(journal: CourseHoldScreenTests().heldJournal())
        driver.press(.ch("p"), .right)
        let id = CoursePause.entryID(startDate: today)
        Self.elsewhere(&driver, .put(id, day: today, body: .pause(CoursePause(startDate: today, reason: "from the shell"))))
        driver.press(.control("s"))
        #expect(driver.recorded.isEmpty && driver.screen.contains("Changed elsewhere"), "\(driver.screen)")
        #expect(driver.screen.contains("from the shell"))
        var took = driver
        took.press(.ch("t"))
        #expect(took.recorded.isEmpty && took.state.screen == .today(TodayScreen()))
        _ = Self.keepMine(&driver, id: id)
        #expect(driver.screen.contains("Prescriber's decision recorded: pause."), "\(driver.screen)")
    }

    @Test("a new course started elsewhere meanwhile: asks before writing course 2 over it")
    func newCourse() throws {
        var journal = CourseScreensTests().journalWithCourse(dosesUntil: LocalDate(iso: "2026-11-10")!)
        var finished = try #require(journal.courseRecords?.settings)
        finished.lastDoseDate = LocalDate(iso: "2026-11-10")
        journal.apply(JournalChange.put(CourseSettings.entryID, day: finished.startDate, body: .course(finished))
            .entry(after: 1, recordedAt: ScreenDriver.morning))
        var driver = ScreenDriver(journal: journal)
        driver.press(.ch("c"))
        #expect(driver.screen.contains("Start course 2"), "\(driver.screen)")
        let id = CourseSettings.entryID(number: 2)
        Self.elsewhere(&driver, .put(id, day: today, body: .course(CourseSettings(startDate: today, product: "from the shell", patientCategory: .cannotGetPregnant))))
        driver.press(.control("s"))
        if driver.screen.contains("start it anyway") { driver.press(.ch("y")) }
        #expect(driver.recorded.isEmpty && driver.screen.contains("Changed elsewhere"), "\(driver.screen)")
        var took = driver
        took.press(.ch("t"))
        #expect(took.recorded.isEmpty && took.state.screen == .today(TodayScreen()))
        _ = Self.keepMine(&driver, id: id)
    }

    @Test("Today: snoozing a reminder another copy dismissed meanwhile asks")
    func snooze() throws {
        var driver = ScreenDriver(journal: ChecklistScreensTests().journal())
        let first = try #require(TodayScreen.reminders(journal: driver.state.journal, now: driver.state.now, timeZone: ScreenDriver.zone).first)
        let id = ReminderState.entryID(reminder: first.id)
        var theirs = ReminderState(reminder: first.id)
        theirs.dismissed = true
        Self.elsewhere(&driver, .put(id, day: today, body: .reminderState(theirs)))
        driver.press(.ch("z"))
        Self.expectDialog(driver, saved: "dismissed", yours: "snoozed")
        var took = driver
        took.press(.ch("t"))
        #expect(took.recorded.isEmpty && took.state.screen == .today(TodayScreen()))
        _ = Self.keepMine(&driver, id: id)
        #expect(driver.screen.contains("Snoozed for an hour"), "\(driver.screen)")
    }

    @Test("a mood check saved elsewhere today: asks; a self-harm answer is saved whatever")
    func moodCheck() {
        let id = MoodCheck.entryID(day: today)
        let theirs = JournalChange.put(id, day: today, body: .moodCheck(MoodCheck(answers: [1, 1])))
        var driver = ScreenDriver(journal: ChecklistScreensTests().journal())
        driver.press(.ch("m"), .ch("0"))
        Self.elsewhere(&driver, theirs)
        driver.press(.ch("0"))
        #expect(driver.recorded.isEmpty && driver.screen.contains("Changed elsewhere"), "\(driver.screen)")
        var took = driver
        took.press(.ch("t"))
        #expect(took.recorded.isEmpty && took.state.screen == .today(TodayScreen()))
        _ = Self.keepMine(&driver, id: id)
        #expect(driver.screen.contains("Mood check saved."))
        driver.press(.ch("s")) // saving again from the finished screen: its own save does not ask
        #expect(!driver.screen.contains("Changed elsewhere") && driver.recorded.count == 2)

        var crisis = ScreenDriver(journal: ChecklistScreensTests().journal())
        crisis.press(.ch("m"), .ch("3"), .ch("3"))
        for _ in 0..<6 { crisis.press(.ch("1")) }
        Self.elsewhere(&crisis, theirs)
        crisis.press(.ch("2"), .ch("C"))
        #expect(crisis.recorded.count == 1, "the crisis answer is written, no question asked")
        #expect(!crisis.screen.contains("Changed elsewhere"))
    }
}
