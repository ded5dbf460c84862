import Foundation
import Testing

/// One input convention from the shell: units and decimal commas accepted the same way in
/// every numeric field, a wrong unit refused in one line, values said back as typed.
@Suite("End to end: numbers typed the same way everywhere")
struct NumberInputEndToEndTests {
    func courseJournal() throws -> TemporaryJournal {
        let journal = TemporaryJournal()
        let set = journal.run("course", "set", "--start", LocalDay(daysAgo: 5).iso, "--weight", "61,5",
                              "--dose", "20mg+20 mg", "--category", "cannot-get-pregnant", "--target", "120 mg/kg")
        try #require(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("plan 20 + 20 mg"), "\(set.stdout)")
        return journal
    }

    @Test("doses: 40mg, 40 mg and 40 in log dose, course plan and course set --dose alike; 2.0 is said back as 2.0")
    func doses() throws {
        let journal = try courseJournal()
        let yesterday = LocalDay(daysAgo: 1).iso, before = LocalDay(daysAgo: 2).iso
        let typed = journal.run("log", "dose", "20.0", "--slot", "morning", "--at", yesterday + " 08:00")
        #expect(typed.status == 0 && typed.stdout.contains("Saved: morning dose 20.0 mg taken"), "\(typed.stdout)\(typed.stderr)")
        #expect(journal.run("log", "dose", "20mg", "--slot", "evening", "--at", yesterday + " 20:00").status == 0)
        #expect(journal.run("log", "dose", "20 mg", "--slot", "morning", "--at", before + " 08:00").status == 0)
        #expect(journal.run("log", "dose", "20", "--slot", "evening", "--at", before + " 20:00").status == 0)
        #expect(journal.run("course", "plan", LocalDay(daysAgo: -3).iso, "40mg+40mg").status == 0)
        #expect(journal.run("course", "plan", LocalDay(daysAgo: -4).iso, "40 mg + 40").status == 0)
        #expect(journal.run("course", "set", "--dose", "20+20mg").status == 0)
        let status = journal.run("status", "--json")
        #expect(status.stdout.contains("\"cumulativeMg\" : 80"), "\(status.stdout)")
    }

    @Test("a unit wrong for the field, or a number that reads two ways, is refused in one line with exit code 2", arguments: [
        (["log", "dose", "20kg", "--slot", "morning"], "Dose: 'kg' is not a unit for this; give mg"),
        (["course", "plan", "2030-01-01", "40kg+40"], "Plan: Dose: 'kg' is not a unit"),
        (["course", "set", "--dose", "20 mmol/L+20"], "is not a unit"),
        (["log", "weight", "61 mg"], "Weight: 'mg' is not a unit"),
        (["log", "weight", "135 lb", "--unit", "kg"], "is in lb but the unit is kg"),
        (["log", "lab", "triglycerides", "6.2 mmol/L", "--unit", "mg/dL"], "give one of them"),
        (["log", "lab", "ldl", "1,200"], "could be read two ways"),
        (["course", "set", "--target", "120 kg"], "should be the total mg/kg"),
    ])
    func refused(arguments: [String], message: String) throws {
        let journal = try courseJournal()
        let before = try String(contentsOfFile: journal.directory + "/journal.jsonl", encoding: .utf8)
        let result = Subprocess.run([Binary.path] + arguments, environment: journal.environment)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(try String(contentsOfFile: journal.directory + "/journal.jsonl", encoding: .utf8) == before)
    }

    @Test("a decimal comma works for weights and lab values alike, and comes back as typed")
    func decimalComma() throws {
        let journal = try courseJournal()
        let weight = journal.run("log", "weight", "61,5")
        #expect(weight.stdout.contains("Saved: weight 61,5 kg"), "\(weight.stdout)\(weight.stderr)")
        let pounds = journal.run("log", "weight", "135lb", "--date", LocalDay(daysAgo: 1).iso)
        #expect(pounds.stdout.contains("Saved: weight 135 lb"), "\(pounds.stdout)\(pounds.stderr)")
        let lab = journal.run("log", "lab", "triglycerides", "1,9", "--unit", "mmol/L")
        #expect(lab.status == 0 && lab.stdout.contains("Saved: Triglycerides 1,9 mmol/L"), "\(lab.stdout)\(lab.stderr)")
        let inline = journal.run("log", "lab", "hdl", "2.0 mmol/L")
        #expect(inline.status == 0 && inline.stdout.contains("Saved: HDL cholesterol 2.0 mmol/L"), "\(inline.stdout)\(inline.stderr)")
        let alt = journal.run("log", "lab", "alt", "62 U/L", "--uln", "40 IU/L")
        #expect(alt.status == 0, "\(alt.stderr)")
        let labs = journal.run("labs", "--json")
        #expect(labs.stdout.contains("\"value\" : 1.9") && labs.stdout.contains("\"upperLimitOfNormal\" : 40"), "\(labs.stdout)")
        #expect(journal.run("lab", "limits", "--set", "alt-tell=2,5x").status == 0)
    }
}
