import Foundation
import Testing

/// One journal on two machines kept in step by real Syncthing (two instances on loopback): each
/// machine writes only its own log, so Syncthing never merges a file, and both show the same journal;
/// a record changed on both machines while apart is marked on both until one of them confirms it.
@Suite("End to end: two machines through Syncthing", .serialized)
struct SyncthingEndToEndTests {
    @Test("two machines apart change the same record: both show one journal, the change is marked, confirming it settles both",
          .enabled(if: SyncthingPair.path != nil, "syncthing is not installed (apt-get install syncthing): the two-machine sync test needs it"),
          .timeLimit(.minutes(3)))
    func twoMachines() throws {
        let started = Date()
        guard let pair = try runningPair() else { return }
        defer { pair.stop() }
        let (a, b) = (pair.a, pair.b)
        let day = (1...5).map { LocalDay(daysAgo: $0).iso }

        // Machine A: a journal of one file, then converted for several machines while Syncthing runs.
        log(a, "dry-skin", 1, on: day[4], note: "a-before-setup-1")
        log(a, "nosebleed", 2, on: day[3], note: "a-before-setup-2")
        let setup = a.run("sync", "setup")
        try #require(setup.status == 0, "sync setup: \(setup.stdout)\(setup.stderr)")
        #expect(a.run("sync", "name", "laptop").status == 0)
        log(a, "headache", 2, on: day[1], note: "a-headache-before-apart")
        try #require(pair.waitForSameFiles("A's logs reach B"), "\(pair.folderSummary); \(pair.states)")

        // Machine B joins by using the synced folder with its own device id.
        log(b, "rash", 1, on: day[2], note: "b-joined")
        let named = b.run("sync", "name", "desktop")
        #expect(named.status == 0, "\(named.stderr)")
        try #require(pair.waitForSameFiles("B's log reaches A"), "\(pair.folderSummary); \(pair.states)")
        let together = try #require(showJSON(a))
        #expect(showJSON(b) == together, "the machines show different journals before they part")

        // Apart: the folder is paused on both, and each changes the same headache record.
        try #require(pair.setFolderPaused(true), "the folder did not pause on both: \(pair.states)")
        log(a, "headache", 1, on: day[1], note: "a-headache-apart")
        log(a, "back-pain", 1, on: day[0], note: "a-apart")
        log(b, "headache", 3, on: day[1], note: "b-headache-apart")
        log(b, "joint-pain", 2, on: day[0], note: "b-apart")
        #expect(a.journalFiles != b.journalFiles, "the pause let a change through")
        try #require(pair.setFolderPaused(false), "the folder did not resume on both: \(pair.states)")
        try #require(pair.waitForSameFiles("after the pause"), "\(pair.folderSummary); \(pair.states)")

        let shownA = try #require(showJSON(a))
        let shownB = try #require(showJSON(b))
        #expect(shownA == shownB, "the machines show different journals after syncing:\nA: \(shownA)\nB: \(shownB)")
        let records = try #require((try? JSONSerialization.jsonObject(with: Data(shownA.utf8))) as? [[String: Any]])
        let notes = Set(records.compactMap(note(of:)))
        for expected in ["a-before-setup-1", "a-before-setup-2", "b-joined", "a-apart", "b-apart"] {
            #expect(notes.contains(expected), "the entry noted \(expected) is missing: \(notes.sorted())")
        }
        let headache = try #require(records.first { ($0["id"] as? String)?.contains("headache") == true && ($0["id"] as? String)?.contains(day[1]) == true },
                                    "no headache record on \(day[1]): \(shownA)")
        let headacheID = try #require(headache["id"] as? String)
        #expect(["a-headache-apart", "b-headache-apart"].contains(note(of: headache) ?? ""), "the headache shown is neither machine's change: \(headache)")

        for machine in [a, b] {
            let status = try #require(syncStatus(machine), "\(machine.name): sync status --json")
            #expect(status.changedOnTwoDevices == [headacheID], "\(machine.name): changed on two devices: \(status.changedOnTwoDevices)")
            #expect(status.devices == 2, "\(machine.name): \(status.devices) devices")
        }

        // A confirms the version shown; once synced, B has nothing left to settle.
        let confirmed = a.run("sync", "confirm", headacheID)
        #expect(confirmed.status == 0, "sync confirm: \(confirmed.stdout)\(confirmed.stderr)")
        try #require(pair.waitForSameFiles("after the confirmation"), "\(pair.folderSummary); \(pair.states)")
        for machine in [a, b] {
            let status = try #require(syncStatus(machine), "\(machine.name): sync status --json")
            #expect(status.changedOnTwoDevices.isEmpty, "\(machine.name) still lists \(status.changedOnTwoDevices)")
        }
        let settled = try #require(showJSON(a))
        #expect(showJSON(b) == settled)

        // Each log has one writer, so Syncthing never made a conflict copy; had it made one, the
        // journal would still read the same (the copy's lines are already in the log).
        for machine in [a, b] {
            let copies = machine.allNames.filter { $0.contains(".sync-conflict-") }
            let status = try #require(syncStatus(machine))
            #expect(copies.isEmpty, "\(machine.name): Syncthing made conflict copies: \(copies)")
            #expect(status.conflictCopies == copies.count, "\(machine.name): status lists \(status.conflictCopies) conflict copies, the folder holds \(copies)")
        }
        #expect(try #require(showJSON(b)) == settled, "a conflict copy changed what is shown")
        pair.note(String(format: "whole scenario in %.1f s; files: %@", Date().timeIntervalSince(started), pair.folderSummary))
    }

    @Test("a second machine set up from a copy of the first one's home shares its device id: Syncthing's conflict copy is read, and tidied away",
          .enabled(if: SyncthingPair.path != nil, "syncthing is not installed (apt-get install syncthing): the two-machine sync test needs it"),
          .timeLimit(.minutes(3)))
    func clonedDevice() throws {
        let started = Date()
        guard let pair = try runningPair() else { return }
        defer { pair.stop() }
        let (a, b) = (pair.a, pair.b)
        let day = (1...3).map { LocalDay(daysAgo: $0).iso }

        log(a, "headache", 2, on: day[2], note: "a-first")
        let setup = a.run("sync", "setup")
        try #require(setup.status == 0, "sync setup: \(setup.stdout)\(setup.stderr)")
        try #require(pair.waitForSameFiles("A's logs reach B"), "\(pair.folderSummary); \(pair.states)")
        // B's state folder is a copy of A's: both machines now write journal.<same id>.jsonl.
        try FileManager.default.copyItem(atPath: a.stateDirectory + "/device.json", toPath: b.stateDirectory + "/device.json")

        try #require(pair.setFolderPaused(true), "the folder did not pause on both: \(pair.states)")
        log(a, "rash", 1, on: day[1], note: "a-clone")
        log(b, "dry-skin", 2, on: day[1], note: "b-clone")
        try #require(pair.setFolderPaused(false), "the folder did not resume on both: \(pair.states)")
        try #require(pair.waitForSameFiles("after the pause"), "\(pair.folderSummary); \(pair.states)")

        let copies = a.allNames.filter { $0.contains(".sync-conflict-") }
        #expect(copies.count == 1 && copies.allSatisfy { $0.hasSuffix(".jsonl") }, "Syncthing's conflict copies: \(copies)")
        let shown = try #require(showJSON(a))
        #expect(showJSON(b) == shown, "the machines show different journals")
        let records = try #require((try? JSONSerialization.jsonObject(with: Data(shown.utf8))) as? [[String: Any]])
        let notes = records.compactMap(note(of:)).sorted()
        #expect(notes == ["a-clone", "a-first", "b-clone"], "entries shown: \(notes)")
        for machine in [a, b] {
            #expect(syncStatus(machine)?.conflictCopies == 1, "\(machine.name) does not list the conflict copy")
        }

        let tidied = a.run("sync", "tidy", "--yes")
        #expect(tidied.status == 0, "sync tidy --yes: \(tidied.stdout)\(tidied.stderr)")
        try #require(pair.waitForSameFiles("after tidying"), "\(pair.folderSummary); \(pair.states)")
        for machine in [a, b] {
            #expect(!machine.allNames.contains { $0.contains(".sync-conflict-") }, "\(machine.name): \(machine.allNames)")
            #expect(syncStatus(machine)?.conflictCopies == 0, "\(machine.name) still lists a conflict copy")
            #expect(showJSON(machine) == shown, "\(machine.name): tidying changed what is shown")
        }
        pair.note(String(format: "cloned device: whole scenario in %.1f s", Date().timeIntervalSince(started)))
    }

    /// Both instances started and connected; nil (the test says "skipped" with the reason) when
    /// Syncthing could not be started here.
    private func runningPair() throws -> SyncthingPair? {
        let syncthing = try #require(SyncthingPair.path)
        var started: SyncthingPair?
        var problems: [String] = []
        // A second try with new ports, in case another program took a port between choosing and listening.
        for _ in 1...2 where started == nil {
            do {
                let pair = try SyncthingPair(syncthing: syncthing)
                try pair.start(syncthing: syncthing)
                started = pair
            } catch {
                problems.append("\(error)")
            }
        }
        guard let pair = started else {
            print("skipped: syncthing did not start here, so the two-machine sync was not tried: \(problems.joined(separator: " / then: "))")
            return nil
        }
        // A folder without conflict copies (maxConflicts 0) would hide what this suite looks for.
        for machine in [pair.a, pair.b] {
            #expect(machine.restObject("/rest/config/folders/\(SyncthingPair.folderID)")?["maxConflicts"] as? Int == 10,
                    "\(machine.name): Syncthing would not keep conflict copies")
        }
        return pair
    }

    private func log(_ machine: SyncthingPair.Machine, _ symptom: String, _ grade: Int, on date: String, note: String) {
        let result = machine.run("log", "symptom", symptom, "\(grade)", "--date", date, "--note", note)
        #expect(result.status == 0, "\(machine.name): log symptom \(symptom) \(grade): \(result.stderr)")
    }

    /// `show --json` exactly as printed; nil when it failed.
    private func showJSON(_ machine: SyncthingPair.Machine) -> String? {
        let shown = machine.run("show", "--json")
        guard shown.status == 0 else {
            Issue.record("\(machine.name): show --json: \(shown.stderr)")
            return nil
        }
        return shown.stdout
    }

    private struct SyncStatus {
        var devices: Int
        var conflictCopies: Int
        var changedOnTwoDevices: [String]
    }

    private func syncStatus(_ machine: SyncthingPair.Machine) -> SyncStatus? {
        let result = machine.run("sync", "status", "--json")
        guard result.status == 0,
              let object = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] else {
            Issue.record("\(machine.name): sync status --json: \(result.status) \(result.stdout)\(result.stderr)")
            return nil
        }
        return SyncStatus(devices: (object["devices"] as? [Any])?.count ?? -1,
                          conflictCopies: (object["conflictCopies"] as? [Any])?.count ?? -1,
                          changedOnTwoDevices: object["changedOnTwoDevices"] as? [String] ?? [])
    }
}
