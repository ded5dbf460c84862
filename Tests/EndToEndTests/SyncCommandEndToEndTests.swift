import Foundation
import Testing

/// `isojournal sync …` with the real binary: two machines (two folders, two device files),
/// files carried between them by hand the way a sync tool would, conflict copies, confirming,
/// tidying, a view-only machine.
@Suite("End to end: one journal on two machines")
struct SyncCommandEndToEndTests {
    /// A machine: its own copy of the data folder and its own device file.
    static func machine() -> TemporaryJournal {
        let journal = TemporaryJournal()
        journal.extraEnvironment = ["ISOJOURNAL_STATE_DIR": journal.directory + "-state"]
        return journal
    }

    static func copy(_ name: String, from: TemporaryJournal, to: TemporaryJournal, as target: String? = nil) {
        let bytes = FileManager.default.contents(atPath: from.directory + "/" + name)!
        try? FileManager.default.createDirectory(atPath: to.directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        FileManager.default.createFile(atPath: to.directory + "/" + (target ?? name), contents: bytes, attributes: [.posixPermissions: 0o600])
    }

    static func logs(_ journal: TemporaryJournal) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: journal.directory)) ?? [])
            .filter { $0.hasPrefix("journal.") && $0.hasSuffix(".jsonl") && $0 != "journal.jsonl" }.sorted()
    }

    static func status(_ journal: TemporaryJournal) throws -> [String: Any] {
        let result = journal.run("sync", "status", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("entries from two machines meet, a record changed on both is kept twice and settled once, copies fold in")
    func twoMachines() throws {
        let laptop = Self.machine(), desktop = Self.machine()
        #expect(laptop.run("log", "symptom", "chapped-lips", "2", "--date", "2026-11-19").status == 0)
        let setup = laptop.run("sync", "setup")
        #expect(setup.status == 0 && setup.stdout.contains("kept as one log per machine"), "\(setup.stderr)")
        #expect(setup.stdout.contains("journal.jsonl.v1-"))
        let header = try String(contentsOfFile: laptop.journalPath, encoding: .utf8)
        #expect(header.contains(#""schemaVersion":2"#) && header.split(separator: "\n").count == 1, "an older IsoJournal sees a newer format")
        #expect(laptop.run("sync", "name", "laptop").status == 0)

        // The desktop gets the folder, then both log the same day's headache while apart.
        for name in ["journal.jsonl"] + Self.logs(laptop) { Self.copy(name, from: laptop, to: desktop) }
        #expect(desktop.run("sync", "name", "desktop").status == 0)
        #expect(laptop.run("log", "symptom", "headache", "1", "--date", "2026-11-20").status == 0)
        #expect(desktop.run("log", "symptom", "headache", "3", "--date", "2026-11-20").status == 0)
        #expect(desktop.run("log", "symptom", "nosebleed", "1", "--date", "2026-11-20").status == 0)
        let laptopLog = Self.logs(laptop)[0], desktopLog = Self.logs(desktop).first { $0 != laptopLog }!
        Self.copy(desktopLog, from: desktop, to: laptop)
        Self.copy(laptopLog, from: laptop, to: desktop)

        let shownOnLaptop = laptop.run("show", "--json").stdout, shownOnDesktop = desktop.run("show", "--json").stdout
        #expect(shownOnLaptop == shownOnDesktop)
        #expect(shownOnLaptop.contains("nosebleed") && shownOnLaptop.contains("chapped-lips"))
        let id = "symptom-2026-11-20-headache"
        #expect(try Self.status(laptop)["changedOnTwoDevices"] as? [String] == [id])
        let text = laptop.run("sync", "status").stdout
        #expect(text.contains("“desktop”") && text.contains("“laptop” (this machine)") && text.contains(id), "\(text)")
        #expect(laptop.run("show").stdout.contains("⇄ changed on two devices"))
        #expect(laptop.run("check").stdout.contains("1 record was changed on two devices"))

        // Settled on the laptop with the desktop's grade; the desktop sees it settled once synced.
        let confirmed = laptop.run("sync", "confirm", id, "--use", "desktop")
        #expect(confirmed.status == 0 && confirmed.stdout.contains("the version from desktop stands"), "\(confirmed.stderr)")
        #expect(laptop.run("sync", "confirm", id).status == 2, "nothing left to confirm")
        Self.copy(laptopLog, from: laptop, to: desktop)
        #expect(try Self.status(desktop)["changedOnTwoDevices"] as? [String] == [])
        #expect(desktop.run("show").stdout.contains("Headache 3"))

        // A conflict copy of an older desktop log that went on with an entry of its own.
        let older = try String(contentsOfFile: desktop.directory + "/" + desktopLog, encoding: .utf8)
        let extra = #"{"id":"symptom-2026-11-21-rash","rev":1,"dev":"\#(desktopLog.split(separator: ".")[1])","seq":999,"known":0,"kind":"symptom","recordedAt":"2026-11-21T10:00:00Z","day":"2026-11-21","data":{"grade":1,"symptom":"rash"}}"#
        let copyName = desktopLog.replacingOccurrences(of: ".jsonl", with: ".sync-conflict-20261130-101010-ABCDEFG.jsonl")
        FileManager.default.createFile(atPath: laptop.directory + "/" + copyName, contents: Data((older + extra + "\n").utf8),
                                       attributes: [.posixPermissions: 0o600])
        let withCopy = laptop.run("show", "--json").stdout
        #expect(withCopy.components(separatedBy: "\"rash\"").count == 2 && withCopy.components(separatedBy: #""symptom":"nosebleed""#).count == 2,
                "read once each: \(withCopy)")
        #expect(laptop.run("sync", "status").stdout.contains("(Syncthing): 1 line found only there"))
        let asked = laptop.run("sync", "tidy")
        #expect(asked.stdout.contains("Nothing has been changed"), "without a terminal it only says what it would do")
        let tidied = laptop.run("sync", "tidy", "--yes")
        #expect(tidied.status == 0 && tidied.stdout.contains("Carried 1 line") && tidied.stdout.contains("removed 1 conflict copy"), "\(tidied.stdout)")
        #expect(!FileManager.default.fileExists(atPath: laptop.directory + "/" + copyName))
        #expect(laptop.run("show", "--json").stdout == withCopy)
        #expect(laptop.run("check").status == 0)
    }

    @Test("a machine set to view only writes nothing, whatever command runs")
    func viewOnlyMachine() throws {
        let patient = Self.machine(), caregiver = Self.machine()
        #expect(patient.run("log", "symptom", "headache", "2").status == 0)
        #expect(patient.run("sync", "setup").status == 0)
        for name in ["journal.jsonl"] + Self.logs(patient) { Self.copy(name, from: patient, to: caregiver) }
        #expect(caregiver.run("sync", "read-only", "on").status == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: caregiver.directory).sorted()
        let logged = caregiver.run("log", "symptom", "rash", "1")
        #expect(logged.status != 0 && logged.stderr.contains("view the journal only"), "\(logged.stderr)")
        #expect(caregiver.run("show").stdout.contains("Headache 2"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: caregiver.directory).sorted() == before)
    }
}
