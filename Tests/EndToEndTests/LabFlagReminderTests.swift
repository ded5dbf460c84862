import Foundation
import Testing

/// A flagged lab result nobody has acted on, from the shell: `remind` exits 1 and says so,
/// the report lists it first, and a follow-up result puts both back to quiet.
@Suite("End to end: flagged lab results not yet acted on")
struct LabFlagReminderTests {
    @Test("remind exits 1 with the flagged result until a later result of the test is logged; the report lists it at the top")
    func untilFollowedUp() {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "lab", "triglycerides", "600", "--date", "2026-11-20").status == 0)
        let due = journal.run("remind", "--at", "2026-11-26 07:00", "--within", "1h")
        #expect(due.status == 1, "\(due.stdout)")
        #expect(due.stdout.contains("Flagged lab result: Triglycerides 600 mg/dL on 2026-11-20: TELL PRESCRIBER"), "\(due.stdout)")
        let report = journal.run("report", "--from", "2026-11-20", "--to", "2026-11-26")
        #expect(report.stdout.split(separator: "\n")[2] == "## Flagged lab results not yet acted on", "\(report.stdout)")

        #expect(journal.run("log", "lab", "triglycerides", "320", "--date", "2026-11-25").status == 0)
        let quiet = journal.run("remind", "--at", "2026-11-26 07:00", "--within", "1h")
        #expect(!quiet.stdout.contains("Flagged lab result"), "\(quiet.stdout)")
        #expect(quiet.status == 0, "\(quiet.stdout)")
        #expect(!journal.run("report", "--from", "2026-11-20", "--to", "2026-11-26").stdout.contains("not yet acted on"))
    }
}
