import Foundation
import Testing

/// `isojournal export fhir` from the real binary: the Bundle validated by the `fhir.resources`
/// R4 models and checked for counts, codes, units and references; bad input refused with exit 2
/// and no file.
@Suite("End to end: the FHIR R4 export")
struct FHIREndToEndTests {
    static func day(_ days: Int) -> String { CourseHoldEndToEndTests.day(days) }

    /// One course with a plan, two intakes, four lab results (one in mmol/L), a symptom, a mood
    /// check, two weights (one typed in lb), the patient's name and a red flag.
    func setUp() -> TemporaryJournal {
        let journal = TemporaryJournal()
        let yesterday = Self.day(-1)
        let steps: [[String]] = [
            ["course", "set", "--start", Self.day(-10), "--weight", "61", "--dose", "20+20", "--category", "can-get-pregnant", "--product", "Absorica"],
            ["log", "dose", "20", "--slot", "morning", "--at", "\(yesterday) 08:05"],
            ["log", "dose", "--skipped", "--slot", "evening", "--at", "\(yesterday) 20:00"],
            ["log", "lab", "triglycerides", "6.2", "--unit", "mmol/L", "--fasting", "--date", yesterday],
            ["log", "lab", "ldl", "131.5", "--date", yesterday],
            ["log", "lab", "alt", "62", "--uln", "40", "--date", yesterday],
            ["log", "lab", "pregnancy", "negative", "--setting", "home", "--date", yesterday],
            ["log", "symptom", "chapped-lips", "2", "--note", "cracked corners", "--date", yesterday],
            ["log", "mood", "--answers", "1,0"],
            ["log", "weight", "135", "--unit", "lb"],
            ["settings", "--patient-name", "Maya R."],
            ["log", "red-flag", "hearing"],
        ]
        for step in steps {
            let result = Subprocess.run([Binary.path] + step, environment: journal.environment)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        return journal
    }

    var expected: [String: Any] {
        let yesterday = Self.day(-1)
        return [
            "counts": ["Patient": 1, "MedicationStatement": 3, "Observation": 9],
            "labs": [
                "lab-result-\(yesterday)-triglycerides": ["loinc": "35217-9", "value": 6.2, "unit": "mmol/L", "interpretation": "H"],
                "lab-result-\(yesterday)-ldl": ["loinc": "13457-7", "value": 131.5, "unit": "mg/dL"],
                "lab-result-\(yesterday)-alt": ["loinc": "1742-6", "value": 62.0, "unit": "U/L", "uln": 40.0, "interpretation": "H"],
                "lab-result-\(yesterday)-pregnancy": ["loinc": "2106-3", "outcome": "negative"],
            ],
            "coded": [
                "symptom-\(yesterday)-chapped-lips": ["http://terminology.hl7.org/CodeSystem/mdr", "10008417"],
                "mood-\(Self.day(0))": ["http://loinc.org", "55758-7"],
                "weight-\(Self.day(-10))": ["http://loinc.org", "29463-7"],
            ],
            "weight": ["id": "weight-\(Self.day(0))", "kg": 135 * 0.45359237],
            "redFlag": "red-flag-\(Self.day(0))-hearing",
            "doses": [
                "dose-\(yesterday)-morning": ["status": "completed", "mg": 20.0],
                "dose-\(yesterday)-evening": ["status": "not-taken"],
            ],
        ]
    }

    func validate(_ path: String, type: String) throws {
        let python: [String: String]
        switch FHIRValidator.environment() {
        case .success(let found): python = found
        case .failure(let reason):
            print(reason.text)
            return
        }
        var want = expected
        want["type"] = type
        let arguments = String(decoding: try JSONSerialization.data(withJSONObject: want), as: UTF8.self)
        let result = Subprocess.run(["python3", "-c", FHIRValidator.script, path, arguments], environment: python)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.hasPrefix("OK "), "\(result.stdout)")
    }

    @Test("a collection and a transaction bundle validate with fhir.resources (R4), with the expected counts, codes, units and references")
    func validates() throws {
        let journal = setUp()
        let folder = URL(fileURLWithPath: journal.directory).deletingLastPathComponent().path
        let collection = journal.run("export", "fhir", "-o", folder + "/collection.json")
        #expect(collection.status == 0, "\(collection.stderr)")
        #expect(collection.stdout.contains("3 MedicationStatement, 9 Observation, 1 Patient"), "\(collection.stdout)")
        #expect((try FileManager.default.attributesOfItem(atPath: folder + "/collection.json")[.posixPermissions] as? Int) == 0o600)
        try validate(folder + "/collection.json", type: "collection")

        let transaction = journal.run("export", "fhir", "--transaction", "-o", folder + "/transaction.json")
        #expect(transaction.status == 0, "\(transaction.stderr)")
        try validate(folder + "/transaction.json", type: "transaction")

        // A second export names the same resources: a re-post updates rather than duplicates.
        let again = journal.run("export", "fhir", "--transaction", "-o", "-")
        let first = try String(contentsOfFile: folder + "/transaction.json", encoding: .utf8)
        #expect(Self.ids(in: again.stdout) == Self.ids(in: first) && !Self.ids(in: first).isEmpty)
        #expect(first.contains("\"name\" : [") && first.contains("Maya R."))
    }

    static func ids(in text: String) -> [String] {
        text.split(separator: "\n").filter { $0.contains("\"url\" : ") }.map(String.init)
    }

    @Test("an empty range, a missing journal, a damaged snapshot: one clear line, exit 2, no file")
    func badInput() throws {
        let journal = setUp()
        let folder = URL(fileURLWithPath: journal.directory).deletingLastPathComponent().path
        let target = folder + "/never.json"

        let empty = journal.run("export", "fhir", "--from", "2020-01-01", "--to", "2020-01-31", "-o", target)
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("Nothing to export from 2020-01-01 to 2020-01-31"), "\(empty.stderr)")

        let missing = Subprocess.run([Binary.path, "export", "fhir", "-o", target],
                                     environment: ["ISOJOURNAL_DATA_DIR": folder + "/no-journal-here", "TZ": "UTC"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("There is no journal in"), "\(missing.stderr)")

        let snapshot = folder + "/copy.isojournal-snapshot"
        #expect(journal.run("export", "snapshot", "-o", snapshot).status == 0)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: snapshot)))
        bytes[bytes.count - 40] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: snapshot))
        let damaged = Subprocess.run([Binary.path, "export", "fhir", "--snapshot", snapshot, "-o", target], environment: ["TZ": "UTC"])
        #expect(damaged.status == 2)
        #expect(damaged.stderr.contains("was changed or damaged after it was made"), "\(damaged.stderr)")

        let twoRanges = journal.run("export", "fhir", "--month", "1", "--from", Self.day(-3), "-o", target)
        #expect(twoRanges.status == 2 && twoRanges.stderr.contains("Give one of --month, --course or --from/--to."))
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(!FileManager.default.fileExists(atPath: folder + "/no-journal-here"))
    }
}
