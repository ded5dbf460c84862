import Foundation
import Testing

/// A new user sets up the course in the terminal, records doses there and from the shell,
/// and the numbers agree.
@Suite("End to end: course and doses", .serialized)
struct CourseEndToEndTests {
    @Test("setup in the UI, morning dose in the UI, evening dose from the shell, status --json",
          .enabled(if: FakeTime.path != nil, "faketime is not installed: the scripted screens need a fixed clock"))
    func setupAndDoses() throws {
        let journal = TemporaryJournal()
        // The program on scripted keys (no tmux), with the clock stopped just after the morning
        // dose time, so Enter records it as taken now without asking when.
        let now = "2026-11-26 08:05:00"
        let ui = journal.runKeys("""
            <screen>
            <Down>61<Down><Down><Down><Down>20+20<C-s><screen>
            d<screen>
            <Enter><screen>
            <Esc>q
            """, at: now)
        #expect(ui.status == 0, "\(ui.stderr)")
        let screens = scriptedScreens(ui.stdout)
        try #require(screens.count == 4, "\(ui.stdout)")
        #expect(screens[0].contains("Set up your course"), "\(screens[0])")
        #expect(screens[1].contains("Course saved."), "\(screens[1])")
        #expect(screens[2].contains("Total: 0 mg taken of 40 mg planned"), "\(screens[2])")
        #expect(screens[3].contains("Saved: morning dose 20 mg taken"), "\(screens[3])")

        let evening = journal.runAt(now, "log", "dose", "20", "--slot", "evening")
        #expect(evening.status == 0, "\(evening.stderr)")
        let twice = journal.runAt(now, "log", "dose", "20", "--slot", "evening")
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("already recorded"))

        let status = journal.runAt(now, "status", "--json")
        #expect(status.status == 0, "\(status.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect(report["cumulativeMg"] as? Double == 40)
        // 40 mg / 61 kg = 0.6557 mg/kg.
        #expect(report["cumulativeMgPerKg"] as? Double == 0.656)
        #expect(report["targetMgPerKg"] as? Double == 120)
        #expect(report["plan"] as? String == "20+20")
        let overall = try #require((report["adherence"] as? [String: Any])?["overall"] as? [String: Any])
        #expect(overall["taken"] as? Int == 2)
    }

    @Test("course set, plan steps and bad dose input from the shell")
    func shellCourse() throws {
        let journal = TemporaryJournal()
        let first = journal.run("course", "set", "--start", "2026-01-05", "--weight", "132", "--unit", "lb",
                                "--dose", "40+0/40+40", "--category", "cannot-get-pregnant", "--target", "150")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(journal.run("course", "plan", "2026-02-01", "40+40").status == 0)
        #expect(journal.run("course", "pause", "2026-02-10", "--to", "2026-02-12").status == 0)
        let refused = [
            (["log", "dose", "abc"], "is not a number"),
            (["log", "dose", "0"], "more than 0 mg"),
            (["log", "dose", "20", "--at", "2999-01-01 08:00"], "in the future"),
            (["log", "dose", "20", "--at", "yesterday"], "is not a time"),
            (["log", "dose", "20", "--slot", "noon", "--at", "2026-02-02 08:00"], "your intakes are morning, evening"),
            (["log", "dose", "400", "--at", "2026-02-02 08:00"], "far above"),
            (["log", "dose", "60", "--at", "2026-02-02 08:00"], "--yes"),
            (["course", "set", "--weight", "900"], "not a plausible body weight"),
            (["course", "plan", "2026-03-01", "20+20+20"], "is not a plan"),
        ]
        for (arguments, message) in refused {
            let result = Subprocess.run([Binary.path] + arguments, environment: journal.environment)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(journal.run("log", "dose", "60", "--at", "2026-02-02 08:00", "--yes").status == 0)
        #expect(journal.run("log", "medicine", "Minocycline").stdout.contains("WARNING: This is a tetracycline-class antibiotic"))
        let shown = journal.run("show", "--from", "2026-02-01", "--to", "2026-02-28").stdout
        #expect(shown.contains("Plan from 2026-02-01: 40 + 40 mg"))
        #expect(shown.contains("Pause from 2026-02-10 to 2026-02-12"))
        #expect(shown.contains("Dose (morning): 60 mg taken at 08:00"))
    }
}
