import Foundation
import Testing

/// The benchmark is not run by `swift test` (tests are never timed), but a tiny run of it is,
/// so it never rots: generate small journals, measure once, check only that it all worked.
@Suite("Benchmark smoke run")
struct BenchmarkSmokeTests {
    @Test("bench generate writes a journal every command opens; bench inprocess measures it")
    func generateAndMeasure() throws {
        let journal = TemporaryJournal()
        let generated = journal.run("bench", "generate", "--entries", "300", "--seed", "2", "--data-dir", journal.directory)
        #expect(generated.status == 0, "\(generated.stderr)")
        let check = journal.run("check")
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        let shown = journal.run("show", "--json")
        #expect(shown.status == 0)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [[String: Any]])
        #expect(records.count > 200)
        #expect(journal.run("status", "--json").status == 0)
        #expect([0, 1].contains(journal.run("remind").status))
        let measured = journal.run("bench", "inprocess", "--repetitions", "1", "--json", "--data-dir", journal.directory)
        #expect(measured.status == 0, "\(measured.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(measured.stdout.utf8)) as? [[String: Any]])
        #expect(rows.contains { ($0["name"] as? String)?.hasPrefix("load") == true })
        #expect(rows.contains { ($0["name"] as? String)?.hasPrefix("key on Today") == true })
        // A second generate into a folder with a journal is refused, never overwriting it.
        #expect(journal.run("bench", "generate", "--entries", "10", "--data-dir", journal.directory).status != 0)
    }

    @Test("scripts/benchmark.py runs end to end at a tiny size (pseudo-terminal first screen included)")
    func script() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/benchmark.py").path
        guard FileManager.default.fileExists(atPath: "/usr/bin/python3"), FileManager.default.fileExists(atPath: script) else { return }
        let result = Subprocess.run(["/usr/bin/python3", script, Binary.path, "--sizes", "120", "--repetitions", "1"],
                                    environment: ["TZ": "UTC"])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("first full Today screen"))
        #expect(result.stdout.contains("log symptom"))
        #expect(result.stdout.contains("in-process: load"))
    }
}
