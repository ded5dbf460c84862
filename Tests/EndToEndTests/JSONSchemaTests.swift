import Foundation
import Testing

/// Every `--json` output, and the report's JSON, checked against its schema in
/// Resources/schemas by Python's `jsonschema` (scripts/check-json-schema.py), on real outputs
/// of the binary: the demo journal, a fresh course, a course on hold and a paused one.
@Suite("JSON outputs match their schemas", .serialized)
struct JSONSchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The outputs and the schema each must match.
    static let outputs: [(arguments: [String], schema: String)] = [
        (["status", "--json"], "status.schema.json"),
        (["labs", "--json"], "labs.schema.json"),
        (["checklist", "--json"], "checklist.schema.json"),
        (["remind", "--json", "--within", "30d"], "remind.schema.json"),
        (["show", "--json"], "show.schema.json"),
        (["report", "--format", "json", "--course", "1"], "report.schema.json"),
    ]

    /// nil: valid. Otherwise why not, or "skipped: …" when jsonschema is not installed.
    func problems(_ json: String, schema: String, scratch: String) -> String? {
        let file = scratch + "/output-\(UUID().uuidString).json"
        FileManager.default.createFile(atPath: file, contents: Data(json.utf8))
        let result = Subprocess.run(["python3", Self.root.path + "/scripts/check-json-schema.py",
                                     Self.root.path + "/Resources/schemas", schema, file])
        switch result.status {
        case 0: return nil
        case 77: return "skipped: " + result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        default: return result.stderr + result.stdout
        }
    }

    func checkAll(_ journal: TemporaryJournal, label: String) throws {
        let scratch = URL(fileURLWithPath: journal.directory).deletingLastPathComponent().path
        for (arguments, schema) in Self.outputs {
            let run = Subprocess.run([Binary.path] + arguments, environment: journal.environment)
            // remind exits 1 when something is due; the output is JSON all the same.
            try #require(run.status == 0 || (arguments[0] == "remind" && run.status == 1), "\(label) \(arguments): \(run.stderr)")
            if let problem = problems(run.stdout, schema: schema, scratch: scratch) {
                if problem.hasPrefix("skipped: ") {
                    print("\(problem) — the JSON Schema checks did not run")
                    return
                }
                Issue.record("\(label): \(arguments.joined(separator: " ")) does not match \(schema):\n\(problem)")
            }
        }
    }

    @Test("the demo journal's outputs")
    func demo() throws {
        let journal = TemporaryJournal()
        #expect(journal.fillWithDemo().status == 0)
        try checkAll(journal, label: "demo")
    }

    @Test("a fresh course with nothing logged")
    func freshCourse() throws {
        let journal = TemporaryJournal()
        let set = journal.run("course", "set", "--start", LocalDay(daysAgo: 3).iso, "--weight", "61,5",
                              "--dose", "20+20", "--category", "can-get-pregnant")
        try #require(set.status == 0, "\(set.stderr)")
        try checkAll(journal, label: "fresh")
    }

    @Test("a course on hold (hold and stop alert) and a paused one, with a scheduled plan change")
    func holdAndPause() throws {
        let held = TemporaryJournal()
        try #require(held.run("course", "set", "--start", LocalDay(daysAgo: 40).iso, "--weight", "70",
                              "--dose", "20+20", "--category", "cannot-get-pregnant").status == 0)
        try #require(held.run("log", "dose", "20", "--slot", "morning", "--at", LocalDay(daysAgo: 1).iso + " 08:00").status == 0)
        try #require(held.run("log", "red-flag", "hearing").status == 0)
        try checkAll(held, label: "on hold")

        let paused = TemporaryJournal()
        try #require(paused.run("course", "set", "--start", LocalDay(daysAgo: 40).iso, "--weight", "70",
                                "--dose", "20+20", "--category", "cannot-get-pregnant").status == 0)
        try #require(paused.run("course", "plan", LocalDay(daysAgo: -20).iso, "40+40").status == 0)
        try #require(paused.run("course", "pause", LocalDay(daysAgo: 2).iso, "--reason", "liver tests").status == 0)
        try checkAll(paused, label: "paused")
    }
}

/// A calendar day relative to today in UTC (the journals here run with TZ=UTC).
struct LocalDay {
    let iso: String
    init(daysAgo: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = calendar.date(byAdding: .day, value: -daysAgo, to: Date())!
        let parts = calendar.dateComponents([.year, .month, .day], from: day)
        iso = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
