import Foundation
import Testing

/// A real paste (tmux paste-buffer -p sends bracketed paste only when the program turned it on).
@Suite("End to end: pasting into the journal")
struct PasteEndToEndTests {
    @Test("pasting \"Flaky on cheeks⏎3 days now\" into a note: the note holds both lines, the grade stays 1")
    func pasteIntoNote() throws {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "headache", "1").status == 0) // no first-run setup to pass
        let env = journal.environment.map { "\($0)='\($1)'" }.sorted().joined(separator: " ")
        let tmux = TmuxSession("env \(env) '\(Binary.path)'")
        #expect(tmux.waitFor("Symptoms today"), "\(tmux.screen)")
        tmux.send("l")
        #expect(tmux.waitFor("Grade: 0 none"))
        tmux.send("Down", "1", "n")
        _ = tmux.tmux("set-buffer", "-b", "note", "Flaky on cheeks\n3 days now")
        _ = tmux.tmux("paste-buffer", "-p", "-b", "note", "-t", "0")
        #expect(tmux.waitFor("Flaky on cheeks⏎3 days now"), "\(tmux.screen)")
        tmux.send("Enter", "s")
        #expect(tmux.waitFor("Saved"), "\(tmux.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("[exited 0]"))
        let shown = journal.run("show", "--json").stdout
        let records = try #require(try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [[String: Any]])
        let drySkin = try #require(records.first { ($0["id"] as? String)?.hasSuffix("dry-skin") == true })
        let data = try #require(drySkin["data"] as? [String: Any])
        #expect(data["grade"] as? Int == 1)
        #expect(data["note"] as? String == "Flaky on cheeks\n3 days now")
    }
}

/// The measured hole: a form open before `log symptom` of the same symptom and day.
@Suite("End to end: a stale form asks")
struct StaleFormEndToEndTests {
    @Test("the shell logs Dry skin 2 while the form is open; saving the form's 1 asks; k keeps mine as revision 2")
    func staleForm() throws {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "headache", "1").status == 0)
        let env = journal.environment.map { "\($0)='\($1)'" }.sorted().joined(separator: " ")
        let tmux = TmuxSession("env \(env) '\(Binary.path)'")
        #expect(tmux.waitFor("Symptoms today"), "\(tmux.screen)")
        tmux.send("l")
        #expect(tmux.waitFor("Grade: 0 none"))
        tmux.send("Down", "1")
        #expect(journal.run("log", "symptom", "dry-skin", "2", "--note", "from the shell").status == 0)
        tmux.send("s")
        #expect(tmux.waitFor("Changed elsewhere"), "\(tmux.screen)")
        #expect(tmux.screen.contains("from the shell"))
        let before = journal.run("show", "--json").stdout
        #expect(before.contains("from the shell"))
        tmux.send("k")
        #expect(tmux.waitFor("Saved"), "\(tmux.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("[exited 0]"))
        let records = try #require(try JSONSerialization.jsonObject(with: Data(journal.run("show", "--json").stdout.utf8)) as? [[String: Any]])
        let drySkin = try #require(records.first { ($0["id"] as? String)?.hasSuffix("dry-skin") == true })
        #expect(drySkin["rev"] as? Int == 2)
        #expect((drySkin["data"] as? [String: Any])?["grade"] as? Int == 1)
    }
}

/// The open program notices what the shell saved, without a key.
@Suite("End to end: the screen follows the file")
struct ScreenFollowsFileEndToEndTests {
    @Test("a lab result logged from the shell appears on the open Labs screen within seconds")
    func labsFollow() {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "headache", "1").status == 0)
        let env = journal.environment.map { "\($0)='\($1)'" }.sorted().joined(separator: " ")
        let tmux = TmuxSession("env \(env) '\(Binary.path)'")
        #expect(tmux.waitFor("Symptoms today"), "\(tmux.screen)")
        tmux.send("b")
        #expect(tmux.waitFor("Labs"), "\(tmux.screen)")
        #expect(!tmux.screen.contains("Triglycerides"))
        #expect(journal.run("log", "lab", "triglycerides", "180").status == 0)
        #expect(tmux.waitFor("Triglycerides", seconds: 5), "\(tmux.screen)")
        tmux.send("Escape")
        tmux.send("q")
        #expect(tmux.waitFor("[exited 0]"))
    }
}
