import Foundation
import Testing

/// The lab result form, like the daily log: open while the shell logs the same test for the
/// same day, its save asks instead of writing over the shell's result.
@Suite("End to end: a stale lab result form asks")
struct StaleLabFormEndToEndTests {
    @Test("the shell logs triglycerides 150 while the form holds 300; saving asks, shows both; k keeps mine as revision 2")
    func staleLabForm() throws {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "headache", "1").status == 0) // no first-run setup to pass
        let env = journal.environment.map { "\($0)='\($1)'" }.sorted().joined(separator: " ")
        let tmux = TmuxSession("env \(env) '\(Binary.path)'")
        #expect(tmux.waitFor("Symptoms today"), "\(tmux.screen)")
        tmux.send("b")
        #expect(tmux.waitFor("r add result"), "\(tmux.screen)")
        tmux.send("r")
        #expect(tmux.waitFor("Add a result"), "\(tmux.screen)")
        tmux.send("Down")
        tmux.type("300")
        #expect(tmux.waitFor("300"), "\(tmux.screen)")
        #expect(journal.run("log", "lab", "triglycerides", "150", "--unit", "mg/dL").status == 0)
        Thread.sleep(forTimeInterval: 2) // the open program notices the file; the form keeps its input
        #expect(tmux.screen.contains("Add a result") && tmux.screen.contains("300"), "\(tmux.screen)")
        tmux.send("C-s")
        #expect(tmux.waitFor("Changed elsewhere"), "\(tmux.screen)")
        #expect(tmux.screen.contains("150") && tmux.screen.contains("Yours:"), "\(tmux.screen)")
        #expect(journal.run("show", "--json").stdout.contains("150"), "nothing written before the choice")
        tmux.send("k")
        #expect(tmux.waitFor("Saved: Triglycerides 300"), "\(tmux.screen)")
        tmux.send("Escape")
        tmux.send("q")
        #expect(tmux.waitFor("[exited 0]"))
        let records = try #require(try JSONSerialization.jsonObject(with: Data(journal.run("show", "--json").stdout.utf8)) as? [[String: Any]])
        let result = try #require(records.first { ($0["id"] as? String)?.hasSuffix("triglycerides") == true })
        #expect(result["rev"] as? Int == 2)
        #expect((result["data"] as? [String: Any])?["value"] as? Double == 300, "\(result)")
    }
}
