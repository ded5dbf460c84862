import Foundation
import Testing
import JournalCore
@testable import JournalUI

/// The caregiver view must not be able to write: whatever is pressed on whatever screen, a
/// read-only `AppState` never asks the loop to record anything.
@Suite("Read-only mode")
struct ReadOnlyTests {
    static let reason = "it was opened in viewing mode"

    static let keys: [Key] = {
        var keys: [Key] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 []+-./:,".map { .character($0) }
        keys += [.enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown,
                 .control("s"), .control("u"), .control("a"), .control("e")]
        return keys
    }()

    /// Every screen, as a read-only session could show it (the form screens are reached here
    /// directly, since Today does not even open them when read-only).
    static func screens(_ journal: Journal, today: LocalDate) -> [(String, AppState.Screen)] {
        [("today", .today(TodayScreen())),
         ("log symptoms", .logSymptoms(LogSymptomsScreen(day: today, journal: journal))),
         ("labs", .labs(LabsScreen(journal: journal, readOnlyReason: reason))),
         ("course setup", .courseSetup(CourseSetupScreen(journal: journal, today: today))),
         ("doses", .doseLog(DoseLogScreen(day: today))),
         ("checklist", .checklist(ChecklistScreen(month: 4))),
         ("mood check", .moodCheck(MoodCheckScreen(day: today, journal: Journal()))),
         ("history", .history(HistoryScreen(isReadOnly: true))),
         ("prescriber's decision", .decision(PrescriberDecisionScreen(journal: Journal(), now: ScreenDriver.morning, timeZone: ScreenDriver.zone))),
         ("new course", .newCourse(NewCourseScreen(journal: journal, today: today)))]
    }

    /// Exhaustive on purpose: a new screen must be added here, and so to this audit.
    static func name(of screen: AppState.Screen) -> String {
        switch screen {
        case .today: return "today"
        case .logSymptoms: return "log symptoms"
        case .labs: return "labs"
        case .courseSetup: return "course setup"
        case .doseLog: return "doses"
        case .checklist: return "checklist"
        case .moodCheck: return "mood check"
        case .history: return "history"
        case .decision: return "prescriber's decision"
        case .newCourse: return "new course"
        }
    }

    @Test("every key, then a key that saves, on every screen: nothing is recorded and the journal is unchanged")
    func everyKeyEveryScreen() {
        let journal = HistoryFixture.journal()
        var driver = ScreenDriver(journal: journal, readOnlyReason: Self.reason)
        let finishers: [Key] = [.character("s"), .character("y"), .character("0"), .character(" "), .enter, .control("s"), .character("C")]
        var sequences = 0
        for (_, screen) in Self.screens(journal, today: driver.state.today) {
            for key in Self.keys {
                for finisher in finishers {
                    driver.state.screen = screen
                    driver.press(key, finisher, .character("1"), .enter)
                    sequences += 1
                }
            }
        }
        #expect(sequences > 4000)
        // Booleans, so a failure reports a count rather than two whole journals.
        let unchanged = driver.state.journal.revisions == journal.revisions
        #expect(driver.recorded.count == 0, "first recorded: \(String(describing: driver.recorded.first))")
        #expect(!driver.effects.contains { if case .record = $0 { return true } else { return false } })
        #expect(unchanged)
    }

    @Test("a long random walk through the screens from Today records nothing")
    func randomWalk() {
        let journal = HistoryFixture.journal()
        var driver = ScreenDriver(journal: journal, readOnlyReason: Self.reason)
        var random = SeededGenerator(seed: 7)
        var visited = Set<String>()
        // A `.quit` is only an effect here: the walk goes on after it.
        for _ in 0..<20_000 {
            let key = Self.keys[Int.random(in: 0..<Self.keys.count, using: &random)]
            driver.press(key)
            visited.insert(Self.name(of: driver.state.screen))
        }
        #expect(visited.count >= 4, "the walk reached \(visited)")
        let unchanged = driver.state.journal.revisions == journal.revisions
        #expect(driver.recorded.count == 0)
        #expect(unchanged)
    }

    @Test("a screen that tries to save is refused at one gate, which says so")
    func gateSaysReadOnly() {
        var driver = ScreenDriver(journal: HistoryFixture.journal(), readOnlyReason: Self.reason)
        driver.state.screen = .moodCheck(MoodCheckScreen(day: driver.state.today, journal: driver.state.journal))
        // The first net: the mood check's answer keys are declared as editing, so they are refused.
        driver.press(.ch("0"), .ch("0"))
        #expect(driver.recorded.count == 0)
        #expect(driver.screen.contains("Read-only: it was opened in viewing mode"), "\(driver.screen)")
        // The gate behind it: any save that still comes out is dropped, and it says so.
        let change = JournalChange.put(MoodCheck.entryID(day: driver.state.today), day: driver.state.today,
                                       body: .moodCheck(MoodCheck(answers: [0, 0])))
        #expect(driver.state.refusingWritesIfReadOnly([.record([change]), .reload]) == [.reload])
        #expect(driver.screen.contains("Read-only: nothing was saved (it was opened in viewing mode)."), "\(driver.screen)")
        driver.press(.escape)
        #expect(driver.screen.contains("IsoJournal (read-only)"), "keys work again after a refused save:\n\(driver.screen)")
    }

    @Test("Today's edit keys each say read-only; viewing keys still work")
    func todayKeys() {
        for key in ["l", "c", "m", "z", "x"] {
            var driver = ScreenDriver(journal: HistoryFixture.journal(), readOnlyReason: Self.reason)
            driver.press(.ch(Character(key)))
            #expect(driver.screen.contains("Read-only: it was opened in viewing mode"), "key \(key)")
        }
        var driver = ScreenDriver(journal: HistoryFixture.journal(), readOnlyReason: Self.reason)
        #expect(driver.screen.contains(" d doses   b labs   k checklist   h history   R reload   ? help   q quit"), "\(driver.screen)")
        driver.press(.ch("k"))
        #expect(driver.screen.contains("IsoJournal · Checklist (read-only)"), "the title says read-only on every screen:\n\(driver.screen)")
        driver.press(.escape, .ch("h"))
        #expect(driver.screen.contains("History (read-only)"))
        driver.press(.escape, .ch("R"))
        #expect(driver.effects.last == .reload)
    }

    @Test("the checklist's edit keys are refused before a note or item can be typed")
    func checklistKeys() {
        for key in [Key.character(" "), .character("x"), .character("n"), .character("a"), .enter] {
            var driver = ScreenDriver(journal: HistoryFixture.journal(), readOnlyReason: Self.reason)
            driver.press(.ch("k"), key)
            #expect(driver.screen.contains("Read-only: it was opened in viewing mode"), "\(key)")
            #expect(!driver.screen.contains("Note for") && !driver.screen.contains("New item"))
        }
    }

    @Test("the same keys in a writable journal do save (the gate only closes when read-only)")
    func writableStillSaves() {
        var driver = ScreenDriver(journal: HistoryFixture.journal())
        driver.state.screen = .moodCheck(MoodCheckScreen(day: driver.state.today, journal: driver.state.journal))
        driver.press(.ch("0"), .ch("0"))
        #expect(driver.recorded.count == 1)
    }

    @Test("the Doses screen opens read-only: days, slots, taken / skipped / not recorded; no edit key in the hint bar, each refused")
    func dosesReadOnly() {
        var driver = ScreenDriver(journal: HistoryFixture.journal(), readOnlyReason: Self.reason)
        driver.press(.ch("d"), .ch("["), .ch("["))
        #expect(driver.screen == screen("""
         IsoJournal · Doses (read-only)                                 Tue 24 Nov 2026

         Plan: 20 + 20 mg · take with food · weight 61 kg

           Time   Intake     Plan      Recorded
        ▸ 08:00  morning    20 mg     ✓ taken 08:05 · 20 mg · with food
          20:00  evening    20 mg     ✗ skipped

         Total: 20 mg taken of 40 mg planned














         ↑↓ dose   [ ] day   ? help   Esc back
        """))
        driver.press(.ch("]"))
        #expect(driver.screen.contains("08:00  morning    20 mg     · not recorded") && driver.screen.contains("20:00  evening    20 mg     · not recorded"), "\(driver.screen)")
        for key in [Key.enter, .character("t"), .character("e"), .character("s"), .character("x"), .character("w"), .character("m"), .delete] {
            driver.press(key)
            #expect(driver.screen.contains("Read-only: it was opened in viewing mode"), "\(key)")
            #expect(!driver.screen.contains("Record the") && !driver.screen.contains("Weight on"), "\(key): no form opens")
        }
        #expect(driver.recorded.isEmpty)
        driver.press(.escape)
        #expect(driver.screen.contains("IsoJournal (read-only)"))
    }

    @Test("Today, read-only, speaks about the patient by name and lists only keys that work")
    func todayForAViewer() {
        var journal = HistoryFixture.journal()
        var driver = ScreenDriver(journal: journal, readOnlyReason: Self.reason)
        #expect(driver.screen.contains("   The patient has not logged symptoms today."), "\(driver.screen)")
        #expect(!driver.screen.contains("Press l") && !driver.screen.contains("(k)") && !driver.screen.contains("snooze"))
        #expect(driver.screen.contains(" Due for the patient"))
        #expect(driver.screen.contains("Taken   last 7 days "))
        #expect(driver.screen.contains(" at the recent intake · ") && !driver.screen.contains("your"), "\(driver.screen)")
        var settings = journal.programmeSettings
        settings.patientName = "Maya"
        journal.apply(Entry(id: ProgrammeSettings.entryID, revision: journal.revisionNumber(of: ProgrammeSettings.entryID) + 1,
                            recordedAt: ScreenDriver.morning, day: driver.state.today, body: .programmeSettings(settings)))
        driver = ScreenDriver(journal: journal, readOnlyReason: Self.reason)
        #expect(driver.screen.contains("   Maya has not logged symptoms today."))
        #expect(driver.screen.contains(" Due for Maya"))
        #expect(ScreenDriver(journal: journal).screen.contains("Nothing logged yet. Press l to log today's symptoms."), "the patient's own view is unchanged")
    }
}
