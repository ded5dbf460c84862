import Foundation
import Testing

/// `isojournal --plain` through a real pseudo-terminal: the daily log end to end, TERM=dumb,
/// no escape byte, a clean end of input, and a read-only `view --plain` that offers no edits.
@Suite("Plain mode end to end", .serialized)
struct PlainModeEndToEndTests {
    static let escape: UInt8 = 0x1b

    private func journalWithCourse() throws -> TemporaryJournal {
        let journal = TemporaryJournal()
        let set = journal.run("course", "set", "--start", LocalDay(daysAgo: 10).iso, "--weight", "60",
                              "--dose", "20+20", "--category", "cannot-get-pregnant")
        try #require(set.status == 0, "\(set.stderr)")
        return journal
    }

    private func skipNote(_ outcome: PlainPty.Outcome) -> Bool {
        if outcome.skipped { print(outcome.problem ?? "skipped") }
        return outcome.skipped
    }

    @Test("the daily log: two grades and a red flag answered yes are saved exactly, the notice read first")
    func dailyLog() throws {
        let journal = try journalWithCourse()
        let outcome = PlainPty.run(["--plain"], steps: [
            .expect("Choose a number"), .send("1"),
            .expect("Chapped lips: grade 0 to 3"), .send("2"),
            .expect("Note for Chapped lips"), .send("cracked corners"),
            .expect("Dry skin: grade 0 to 3"), .send("1"),
            .expect("Note for Dry skin"), .send(""),
            .expect("grade 0 to 3"), .send("q"),
            .expect("Red-flag questions"), .expect("Type y for yes"), .send("y"),
            .expect("NOTICE"), .expect("Type c and press Enter"), .send("c"),
            .expect("Saved: red flag"),
            .answer(prompt: "Type y for yes or n for no", with: "n", until: "Save these grades"),
            .expect("Type y for yes"), .send("y"),
            .expect("Saved 2 symptom grades"),
            .expect("Choose a number"), .eof,
        ], environment: journal.environment.merging(["TERM": "xterm-256color"]) { $1 })
        if skipNote(outcome) { return }
        #expect(outcome.problem == nil, "\(outcome.problem ?? "") — transcript:\n\(outcome.text)")
        #expect(outcome.status == 0)
        #expect(!outcome.transcript.contains(Self.escape), "an escape byte reached the terminal")
        #expect(outcome.text.lowercased().contains("stop taking isotretinoin"), "the notice is read out")

        let shown = journal.run("show", "--json")
        try #require(shown.status == 0, "\(shown.stderr)")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [[String: Any]])
        let symptoms = records.filter { ($0["kind"] as? String) == "symptom" }
        let grades = Dictionary(uniqueKeysWithValues: symptoms.compactMap { record -> (String, Int)? in
            guard let data = record["data"] as? [String: Any], let slug = data["symptom"] as? String, let grade = data["grade"] as? Int
            else { return nil }
            return (slug, grade)
        })
        #expect(grades == ["chapped-lips": 2, "dry-skin": 1])
        #expect(symptoms.compactMap(note(of:)) == ["cracked corners"])
        let flags = records.filter { ($0["kind"] as? String) == "red-flag" }
        #expect(flags.count == 1, "\(flags)")
        let flagData = flags.first?["data"] as? [String: Any]
        #expect(flagData?["acknowledgedAt"] != nil, "the time the notice was read is kept")
        #expect((flagData?["noticeShown"] as? String)?.lowercased().contains("stop taking isotretinoin") == true)
    }

    @Test("TERM=dumb opens the plain mode; the end of input quits with exit 0")
    func dumbTerminal() throws {
        let journal = try journalWithCourse()
        let outcome = PlainPty.run([], steps: [.expect("plain mode"), .expect("Choose a number"), .eof],
                                   environment: journal.environment.merging(["TERM": "dumb"]) { $1 })
        if skipNote(outcome) { return }
        #expect(outcome.problem == nil, "\(outcome.problem ?? "") — transcript:\n\(outcome.text)")
        #expect(outcome.status == 0)
        #expect(!outcome.transcript.contains(Self.escape))
        #expect(outcome.text.contains("Course: day 11"))
    }

    @Test("view --plain shows the journal and offers no edits")
    func readOnlyView() throws {
        let journal = try journalWithCourse()
        try #require(journal.run("log", "symptom", "headache", "2").status == 0)
        let outcome = PlainPty.run(["view", "--plain"], steps: [
            .expect("Read-only"), .expect("Choose a number"), .send("1"),
            .expect("Doses for"), .expect("Read-only: press Enter"), .send(""),
            .expect("Choose a number"), .send("2"),
            .expect("Checklist for course month"), .expect("Read-only: press Enter"), .send(""),
            .expect("Choose a number"), .send("3"),
            .expect("Headache"), .expect("Press Enter to go back"), .send(""),
            .expect("Choose a number"), .send("q"),
            .expect("Goodbye"),
        ], environment: journal.environment.merging(["TERM": "xterm-256color"]) { $1 })
        if skipNote(outcome) { return }
        #expect(outcome.problem == nil, "\(outcome.problem ?? "") — transcript:\n\(outcome.text)")
        #expect(outcome.status == 0)
        #expect(!outcome.text.contains("Log today's symptoms"))
        #expect(!outcome.text.contains("record taken"))
        #expect(!outcome.text.contains("to tick it"))
        #expect(!outcome.transcript.contains(Self.escape))
    }

    @Test("without a terminal the full-screen program still refuses; --plain works on pipes")
    func pipes() throws {
        let journal = try journalWithCourse()
        let refused = journal.run("open", stdin: "q\n")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("needs a terminal"))
        let plain = journal.run("--plain", stdin: "q\n")
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.contains("Goodbye"))
        let unknown = Subprocess.run([Binary.path, "open"], environment: journal.environment.merging(["TERM": "no-such-terminal"]) { $1 },
                                     stdin: "q\n")
        #expect(unknown.status != 0, "an unknown TERM is refused as before (here: not a terminal either)")
    }
}
