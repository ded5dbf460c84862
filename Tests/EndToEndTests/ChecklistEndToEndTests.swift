import Foundation
import Testing

/// A patient who can get pregnant: a negative test opens the 7-day window, the
/// contraception methods are ticked in the terminal, and the shell sees the same month.
@Suite("End to end: the monthly checklist", .serialized)
struct ChecklistEndToEndTests {
    func isoDay(offset: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(byAdding: .day, value: offset, to: Date())!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    @Test("negative test → Day 1 of 7; tick both methods in the UI; checklist --json")
    func windowAndTicks() throws {
        let journal = TemporaryJournal()
        let setup = journal.run("course", "set", "--start", isoDay(offset: -10), "--weight", "58", "--dose", "20+20",
                                "--category", "can-get-pregnant")
        #expect(setup.status == 0, "\(setup.stderr)")
        #expect(journal.run("settings", "--contraception", "IUD,condoms").status == 0)
        let test = journal.run("log", "lab", "pregnancy", "negative", "--date", isoDay(offset: 0))
        #expect(test.status == 0, "\(test.stderr)")

        let env = journal.environment.map { "\($0)='\($1)'" }.sorted().joined(separator: " ")
        let tmux = TmuxSession("env \(env) '\(Binary.path)'")
        #expect(tmux.waitFor("Symptoms today"), "\(tmux.screen)")
        tmux.send("k")
        #expect(tmux.waitFor("Day 1 of 7 — closes on \(isoDay(offset: 6))"), "\(tmux.screen)")
        tmux.send("Down", "Down", "Space")
        #expect(tmux.waitFor("Contraception 1: IUD: done"), "\(tmux.screen)")
        tmux.send("Down", "Space")
        #expect(tmux.waitFor("Contraception 2: condoms: done"), "\(tmux.screen)")
        tmux.send("Escape", "q")
        #expect(tmux.waitFor("[exited 0]"))

        let shown = journal.run("checklist", "--json")
        #expect(shown.status == 0, "\(shown.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(report["month"] as? Int == 1)
        #expect(report["category"] as? String == "can-get-pregnant")
        let window = try #require(report["window"] as? [String: Any])
        #expect(window["opens"] as? String == isoDay(offset: 0))
        #expect(window["closes"] as? String == isoDay(offset: 6))
        #expect(window["day"] as? Int == 1)
        let items = try #require(report["items"] as? [[String: Any]])
        func status(_ id: String) -> String? { items.first { $0["id"] as? String == id }?["status"] as? String }
        #expect(status("pregnancy-test") == "done")
        #expect(status("pickup-window") == "due")
        #expect(status("contraception-1") == "done")
        #expect(status("contraception-2") == "done")
        #expect(status("programme-confirmation") == "due")
    }

    @Test("log mood from the shell: item 9 prints the crisis guidance first")
    func moodFromShell() {
        let journal = TemporaryJournal()
        let low = journal.run("log", "mood", "--answers", "1,0")
        #expect(low.status == 0 && low.stdout.contains("PHQ-2 1"), "\(low.stderr)")
        let incomplete = journal.run("log", "mood", "--answers", "2,2")
        #expect(incomplete.status == 2 && incomplete.stderr.contains("answer all nine"))
        let crisis = journal.run("log", "mood", "--answers", "2,2,1,1,1,1,1,1,1")
        #expect(crisis.status == 0)
        #expect(crisis.stdout.contains("call your local emergency number"))
        #expect(crisis.stdout.contains("988"))
        #expect(journal.run("show").stdout.contains("thoughts of self-harm answered; crisis guidance shown"))
    }
}
