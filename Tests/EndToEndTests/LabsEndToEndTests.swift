import Foundation
import Testing

/// Labs from the shell and in the real terminal: schedule, enter a flagged result, see it.
@Suite("End to end: labs", .serialized)
struct LabsEndToEndTests {
    /// Today (and days around it) in UTC, the zone TemporaryJournal runs the binary in.
    func day(_ offset: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(byAdding: .day, value: offset, to: Date())!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    func labsJSON(_ journal: TemporaryJournal) throws -> [String: Any] {
        let listed = journal.run("labs", "--json")
        #expect(listed.status == 0, "\(listed.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
    }

    @Test("schedule a fasting lipid draw, enter 6.2 mmol/L triglycerides, see the flag in labs --json and on screen")
    func flaggedTriglyceridesInMillimoles() throws {
        let journal = TemporaryJournal()
        let drawDay = day(7), specimenDay = day(-1)
        let scheduled = journal.run("lab", "schedule", "lipids", drawDay, "--time", "08:30", "--fasting", "--note", "Main St lab")
        #expect(scheduled.status == 0, "\(scheduled.stderr)")
        #expect(scheduled.stdout.contains("Blood draw: lipids (fasting) at 08:30: scheduled"))

        let logged = journal.run("log", "lab", "triglycerides", "6.2", "--unit", "mmol/L", "--fasting", "--date", specimenDay)
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(logged.stdout.contains("Triglycerides 6.2 mmol/L (549 mg/dL), fasting"))
        #expect(logged.stdout.contains("TELL PRESCRIBER (≥ 500 mg/dL (5.65 mmol/L)): Tell your prescriber"))
        #expect(logged.stdout.contains("Source: A level commonly used in practice (secondary sources"))

        let listing = try labsJSON(journal)
        let appointments = try #require(listing["appointments"] as? [[String: Any]])
        #expect(appointments.count == 1)
        #expect(appointments[0]["id"] as? String == "appointment-\(drawDay)-lipids")
        #expect(appointments[0]["fasting"] as? Bool == true)
        #expect(appointments[0]["time"] as? String == "08:30")
        let results = try #require(listing["results"] as? [[String: Any]])
        #expect(results.count == 1)
        #expect(results[0]["id"] as? String == "lab-result-\(specimenDay)-triglycerides")
        #expect(results[0]["value"] as? Double == 6.2)
        #expect(results[0]["unit"] as? String == "mmol/L")
        let converted = try #require(results[0]["converted"] as? [String: Any])
        #expect(converted["value"] as? Double == 549.13 && converted["unit"] as? String == "mg/dL")
        let flags = try #require(results[0]["flags"] as? [[String: Any]])
        #expect(flags.count == 1)
        #expect(flags[0]["rule"] as? String == "triglycerides-tell")
        #expect(flags[0]["level"] as? String == "tell")
        #expect((flags[0]["source"] as? String)?.contains("secondary sources") == true)
        #expect(flags[0]["ownLimit"] as? Bool == false)

        let tmux = TmuxSession("env \(journal.environment.map { "\($0)='\($1)'" }.sorted().joined(separator: " ")) '\(Binary.path)'")
        #expect(tmux.waitFor("b labs"), "\(tmux.screen)")
        tmux.send("b")
        #expect(tmux.waitFor("Blood draw: lipids (fasting)"), "\(tmux.screen)")
        #expect(tmux.screen.contains("in 7 days"))
        #expect(tmux.screen.contains("Triglycerides     6.2 mmol/L                ! TELL PRESCRIBER"), "\(tmux.screen)")
        // Enter a result in the form: 900 mg/dL today raises the alarm-style notice.
        tmux.send("r", "Down")
        tmux.type("900")
        tmux.send("Down", "Right") // mmol/L is the default now (the unit entered so far); back to mg/dL
        tmux.send("C-s")
        #expect(tmux.waitFor("Contact your prescriber promptly"), "\(tmux.screen)")
        #expect(tmux.screen.contains("Source: Isotretinoin US label"))
        tmux.send("Enter")
        usleep(200_000)
        #expect(tmux.screen.contains("Contact your prescriber promptly"), "Enter does not close an alarm notice")
        tmux.send("C")
        #expect(tmux.waitFor("! CONTACT PROMPTLY"), "\(tmux.screen)")
        tmux.send("t")
        #expect(tmux.waitFor("Trend"), "\(tmux.screen)")
        // One result in each unit: shown in mg/dL, the converted one starred.
        #expect(tmux.screen.contains("549 → 900 mg/dL, +351 mg/dL (+64%) from baseline"), "\(tmux.screen)")
        #expect(tmux.screen.contains("549 mg/dL*    baseline        !"))
        tmux.send("Escape", "Escape", "q")
        #expect(tmux.waitFor("[exited 0]"), "\(tmux.screen)")

        let after = try #require(try labsJSON(journal)["results"] as? [[String: Any]])
        #expect(after.count == 2)
        let entered = try #require(after.last)
        #expect(entered["value"] as? Double == 900 && entered["unit"] as? String == "mg/dL")
        #expect(entered["noticeShown"] as? String == "Contact your prescriber promptly about this triglyceride result. "
            + "If you have severe belly pain spreading to the back, nausea or vomiting, seek care now.")
        #expect((entered["flags"] as? [[String: Any]])?.first?["level"] as? String == "promptly")
    }

    @Test("ALT 600 without --uln: saved and said to be not judged in the log, labs and labs --json; --uln on the same date corrects it")
    func notJudgedWithoutLimit() throws {
        let journal = TemporaryJournal()
        let logged = journal.run("log", "lab", "alt", "600", "--date", day(-1))
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(logged.stdout.contains("Not judged — add the lab's upper limit: re-enter it with the limit printed on the report: isojournal log lab alt 600 --uln N --date \(day(-1))"), "\(logged.stdout)")
        #expect(journal.run("labs").stdout.contains("ALT (liver) 600 U/L — not judged — add the lab's upper limit"))
        var listed = try #require((try labsJSON(journal))["results"] as? [[String: Any]])
        #expect(listed.first?["judged"] as? Bool == false)
        #expect((listed.first?["notJudgedBecause"] as? String)?.contains("upper limit of normal") == true)
        // The same test and specimen day with the limit replaces it: 600 ≥ 3 × 40 = 120.
        let corrected = journal.run("log", "lab", "alt", "600", "--uln", "40", "--date", day(-1))
        #expect(corrected.stdout.contains("TELL PRESCRIBER"), "\(corrected.stdout)")
        listed = try #require((try labsJSON(journal))["results"] as? [[String: Any]])
        #expect(listed.count == 1)
        #expect(listed.first?["judged"] as? Bool == true)
        #expect(listed.first?["notJudgedBecause"] == nil)
    }

    @Test("mark, move, limits and the plain listing")
    func appointmentsAndLimits() throws {
        let journal = TemporaryJournal()
        #expect(journal.run("lab", "schedule", "pregnancy-test", day(-2), "--setting", "clinic").status == 0)
        #expect(journal.run("lab", "schedule", "prescriber-visit", day(3)).status == 0)
        #expect(journal.run("lab", "mark", "pregnancy-test", day(-2), "done").status == 0)
        let moved = journal.run("lab", "move", "prescriber-visit", day(3), day(5))
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(journal.run("log", "lab", "pregnancy", "negative", "--setting", "clinic", "--date", day(-2)).status == 0)
        #expect(journal.run("log", "lab", "alt", "130", "--uln", "40").stdout.contains("TELL PRESCRIBER"))
        let limits = journal.run("lab", "limits", "--set", "alt-tell=4", "--set-by", "Dr Okafor")
        #expect(limits.status == 0, "\(limits.stderr)")
        #expect(limits.stdout.contains("alt-tell: alt ≥ 4× ULN (your own limit) → TELL PRESCRIBER"))
        let text = journal.run("labs").stdout
        #expect(text.contains("\(day(5))  Prescriber visit: scheduled (moved from \(day(3)))"), "\(text)")
        #expect(text.contains("\(day(3))  Prescriber visit: moved to \(day(5))"))
        #expect(text.contains("\(day(-2))  Pregnancy test (clinic): done"))
        #expect(text.contains("Pregnancy test negative, clinic"))
        // With the prescriber's 4× limit, 130 U/L (3.25×) is only above normal now.
        #expect(text.contains("ALT (liver) 130 U/L (ULN 40) = 3.25× ULN — above normal"), "\(text)")
        let shown = journal.run("show")
        #expect(shown.stdout.contains("Lab limits: alt-tell 4; set by Dr Okafor"), "\(shown.stdout)")
    }

    @Test("bad lab input is refused with one line and exit code 2, and nothing is written", arguments: [
        (["log", "lab", "trigs", "5"], "Valid tests: triglycerides, total-cholesterol, ldl, hdl, alt, ast, pregnancy."),
        (["log", "lab", "triglycerides", "150", "--unit", "U/L"], "U/L is not a unit for Triglycerides"),
        (["log", "lab", "ldl", "lots"], "is not a number"),
        (["log", "lab", "ldl", "--", "-3"], "cannot be negative"),
        (["log", "lab", "triglycerides", "6.2"], "If the report says mmol/L, give that unit."),
        (["log", "lab", "alt", "90000"], "is not a possible"),
        (["log", "lab", "hdl", "50", "--date", "2999-01-01"], "in the future"),
        (["log", "lab", "hdl", "50", "--date", "2026-02-30"], "is not a date"),
        (["log", "lab", "pregnancy", "maybe"], "negative, positive or invalid"),
        (["lab", "schedule", "lipid", "2026-12-01"], "Valid kinds: lipids, liver, lipids-liver"),
        (["lab", "schedule", "lipids", "01/12/2026"], "is not a date"),
        (["lab", "schedule", "lipids", "2026-12-01", "--time", "8am"], "is not a time"),
        (["lab", "schedule", "lipids", "2026-12-01", "--setting", "home"], "only for pregnancy tests"),
        (["lab", "mark", "lipids", "2026-12-01", "done"], "No lipids appointment on 2026-12-01"),
        (["lab", "limits", "--set", "triglycerides-tell=-1"], "not a usable limit"),
        (["lab", "limits", "--set", "nonsense=3"], "is not rule=N"),
    ])
    func badInput(arguments: [String], message: String) {
        let journal = TemporaryJournal()
        let result = Subprocess.run([Binary.path] + arguments, environment: journal.environment)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        let file = journal.directory + "/journal.jsonl"
        let lines = (try? String(contentsOfFile: file, encoding: .utf8))?.split(separator: "\n").count ?? 0
        #expect(lines <= 1, "nothing but a header may exist")
    }

    @Test("lab withdraw: a result entered by mistake leaves the lists, stays in the history; a missing one is refused")
    func withdraw() throws {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "lab", "triglycerides", "600", "--date", "2026-11-20").status == 0)
        let withdrawn = journal.run("lab", "withdraw", "triglycerides", "2026-11-20")
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
        let results = try #require(labsJSON(journal)["results"] as? [[String: Any]])
        #expect(results.isEmpty)
        let again = journal.run("lab", "withdraw", "triglycerides", "2026-11-20")
        #expect(again.status == 2 && again.stderr.contains("There is no Triglycerides result for 2026-11-20"))
        let file = try String(contentsOfFile: journal.directory + "/journal.jsonl", encoding: .utf8)
        #expect(file.contains("\"retracted\":true"))
        #expect(file.contains("\"value\":600"))
    }
}
