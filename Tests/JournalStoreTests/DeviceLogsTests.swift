import Foundation
import Glibc
import JournalCore
import Testing
@testable import JournalStore

/// The several-machines layout (format version 2): conversion, merging, conflicts, conflict copies.
@Suite struct DeviceLogsTests {
    static let laptop = LocalDevice(id: "aaaa00000001")
    static let desktop = LocalDevice(id: "bbbb00000002")

    /// Copies every journal file of `from` that is longer than (or missing in) `to`, whole, by a
    /// temporary file and a rename, the way a sync tool replaces a file.
    static func sync(_ from: String, to: String) {
        for name in directoryNames(from) where LogFileName(name) != nil {
            let bytes = fileBytes(from + "/" + name) ?? []
            let theirs = fileBytes(to + "/" + name)
            guard theirs == nil || theirs!.count < bytes.count || (name == "journal.jsonl" && theirs! != bytes) else { continue }
            writeFile(to + "/.sync-tmp", bytes)
            rename(to + "/.sync-tmp", to + "/" + name)
        }
    }

    /// Two machines' folders under `root`; the laptop's journal already converted to device logs.
    static func twoFolders(_ root: String) throws -> (String, String, JournalStore) {
        let a = root + "/a", b = root + "/b"
        mkdir(a, 0o700); mkdir(b, 0o700)
        let laptop = try JournalStore(directory: a, device: Self.laptop)
        _ = try laptop.convertToDeviceLogs()
        return (a, b, laptop)
    }

    @Test func fileNamesOfLogsAndConflictCopies() {
        #expect(LogFileName("journal.jsonl") == .journal)
        #expect(LogFileName("journal.aaaa00000001.jsonl") == .deviceLog(device: "aaaa00000001"))
        #expect(LogFileName("journal.aaaa00000001.sync-conflict-20261130-142233-ABCDEFG.jsonl")
                == .conflictCopy(of: .deviceLog(device: "aaaa00000001"), tool: "Syncthing"))
        #expect(LogFileName("journal.sync-conflict-20261130-142233-ABCDEFG.jsonl") == .conflictCopy(of: .journal, tool: "Syncthing"))
        #expect(LogFileName("journal.aaaa00000001 (conflicted copy 2026-11-30 142233).jsonl")
                == .conflictCopy(of: .deviceLog(device: "aaaa00000001"), tool: "Nextcloud"))
        #expect(LogFileName("journal (Sam's conflicted copy 2026-11-30).jsonl") == .conflictCopy(of: .journal, tool: "Dropbox"))
        #expect(LogFileName("journal.aaaa00000001.sync-conflict-20261130-142233-ABC.sync-conflict-20261201-010101-XYZ.jsonl")
                == .conflictCopy(of: .deviceLog(device: "aaaa00000001"), tool: "Syncthing"))
        for other in ["journal.lock", "journal.jsonl.tmp-0011", "journal.aaaa00000001.lock", "journal.torn-20261130T101010Z",
                      "journal.jsonl.v1-20261130T101010Z", "journal.BAD.jsonl", "journal..jsonl", "journal.sync-conflict-x.jsonl",
                      ".syncthing.journal.aaaa00000001.jsonl.tmp", "notes.jsonl"] {
            #expect(LogFileName(other) == nil, "\(other)")
        }
    }

    @Test func conversionKeepsEveryLineAndTheOriginal() throws {
        try withTemporaryDirectory { dir in
            let original = try Sample.writeMixedJournal(in: dir)
            let before = try JournalStore(directory: dir).journal
            let store = try JournalStore(directory: dir, device: Self.laptop)
            let upgrade = try store.convertToDeviceLogs()
            #expect(upgrade.revisionsCarried == before.revisions.count)
            #expect(fileBytes(upgrade.originalKeptAt!) == original)
            #expect(store.hasDeviceLogs)
            #expect(store.journal.revisions == before.revisions)
            let header = String(decoding: fileBytes(dir + "/journal.jsonl")!, as: UTF8.self)
            #expect(header.hasPrefix(#"{"format":"isojournal","schemaVersion":2,"#) && header.split(separator: "\n").count == 1)
            // A fresh open reads the same journal, and a version-1 reader would see format 2: not its own.
            let reopened = try JournalStore(directory: dir, device: Self.laptop)
            #expect(reopened.journal.revisions == before.revisions)
            // Without a device id the journal is readable, never written.
            let anonymous = try JournalStore(directory: dir)
            #expect(anonymous.isReadOnly && anonymous.journal.revisions == before.revisions)
            // New lines carry their origin.
            try reopened.record([Sample.symptom("headache", grade: 1)])
            let last = try #require(reopened.journal.revisions.last)
            #expect(last.origin == EntryOrigin(device: Self.laptop.id, sequence: 1, knownRevisions: 0))
        }
    }

    @Test func twoMachinesApartThenSyncedShowTheSameJournal() throws {
        try withTemporaryDirectory { root in
            let (a, b, laptop) = try Self.twoFolders(root)
            try laptop.record([Sample.symptom("dry-lips", grade: 1)])
            Self.sync(a, to: b)
            let desktop = try JournalStore(directory: b, device: Self.desktop)
            #expect(desktop.hasDeviceLogs && !desktop.isReadOnly)
            // Apart: each changes the same record and logs something of its own.
            try laptop.record([Sample.symptom("dry-lips", grade: 2), Sample.symptom("nosebleed", grade: 1)])
            try desktop.record([Sample.symptom("dry-lips", grade: 3), Sample.symptom("headache", grade: 2)])
            Self.sync(a, to: b)
            Self.sync(b, to: a)
            let left = try laptop.reload(), right = try desktop.reload()
            #expect(left.revisions == right.revisions)
            #expect(left.revisions.count == 5)
            let lips = SymptomRating.entryID(day: Sample.day, symptom: "dry-lips")
            #expect(left.isChangedOnTwoDevices(lips) && right.isChangedOnTwoDevices(lips))
            #expect(left.current(lips) == right.current(lips))
            #expect(left.competingVersions(of: lips).count == 2)
            #expect(left.recordsChangedOnTwoDevices == [lips])
            // Confirming on one machine (any new revision made with both in view) settles it everywhere.
            let shown = try #require(left.current(lips))
            try laptop.record([.put(lips, day: Sample.day, body: shown.body!, reason: "confirmed")])
            Self.sync(a, to: b)
            let settled = try desktop.reload()
            #expect(!settled.isChangedOnTwoDevices(lips))
            #expect(settled.latestRevision(of: lips)?.revision == 3)
        }
    }

    @Test func conflictCopiesAreReadOnceAndNeverDoubleCounted() throws {
        try withTemporaryDirectory { dir in
            let store = try JournalStore(directory: dir, device: Self.laptop)
            _ = try store.convertToDeviceLogs()
            try store.record([Sample.symptom("dry-lips", grade: 1)])
            let log = dir + "/" + LogFileName.deviceLog(Self.laptop.id)
            let older = fileBytes(log)!
            try store.record([Sample.symptom("nosebleed", grade: 1)])
            // A restored older copy that went on with a line of its own, kept by Syncthing beside the log.
            let restored = DeviceLogsTests.lineWithOrigin(id: "symptom-2026-11-26-rash", sequence: 2, device: Self.laptop.id)
            writeFile(dir + "/journal.\(Self.laptop.id).sync-conflict-20261130-101010-ABCDEFG.jsonl", older + restored)
            // And an exact copy, as Nextcloud would keep it.
            writeFile(dir + "/journal.\(Self.laptop.id) (conflicted copy 2026-11-30 101010).jsonl", fileBytes(log)!)
            let journal = try store.reload()
            #expect(journal.revisions.count == 3)
            #expect(journal.current(EntryID("symptom-2026-11-26-rash")) != nil)
            #expect(store.deviceLogs?.conflictCopies.count == 2)
        }
    }

    @Test func aPartlyCopiedLogIsReadUpToItsLastWholeLine() throws {
        try withTemporaryDirectory { root in
            let (a, b, laptop) = try Self.twoFolders(root)
            try laptop.record([Sample.symptom("dry-lips", grade: 1)])
            try laptop.record([Sample.symptom("nosebleed", grade: 1)])
            Self.sync(a, to: b)
            let name = "/" + LogFileName.deviceLog(Self.laptop.id)
            let whole = fileBytes(a + name)!
            try laptop.record([Sample.symptom("headache", grade: 1)])
            let grown = fileBytes(a + name)!
            writeFile(b + name, Array(grown.dropLast(9))) // caught mid-copy
            let desktop = try JournalStore(directory: b, device: Self.desktop)
            #expect(desktop.journal.revisions.count == 2)
            #expect(fileBytes(b + name)!.count == whole.count + (grown.count - whole.count - 9)) // never cut or written
            writeFile(b + name, grown)
            #expect(try desktop.reload().revisions.count == 3)
        }
    }

    @Test func aViewOnlyMachineNeverWritesALog() throws {
        try withTemporaryDirectory { dir in
            let store = try JournalStore(directory: dir, device: Self.laptop)
            _ = try store.convertToDeviceLogs()
            try store.record([Sample.symptom()])
            let before = directoryNames(dir)
            let caregiver = try JournalStore(directory: dir, device: LocalDevice(id: "cccc00000003", readOnly: true))
            #expect(caregiver.isReadOnly && caregiver.journal.revisions.count == 1)
            #expect(storeError { try caregiver.record([Sample.symptom("rash", grade: 1)]) } != nil)
            #expect(directoryNames(dir) == before)
        }
    }

    static func lineWithOrigin(id: String, sequence: Int, device: String) -> [UInt8] {
        Array(#"{"id":"\#(id)","rev":1,"dev":"\#(device)","seq":\#(sequence),"known":0,"kind":"symptom","recordedAt":"2026-11-27T10:00:00Z","day":"2026-11-26","data":{"grade":1,"symptom":"rash"}}"#.utf8) + [0x0A]
    }

    /// Found with two real Syncthing instances: a machine that had not synced the conversion
    /// wrote to its one-file journal, and the sync tool kept that file over the version-2 header.
    @Test func aOneFileJournalComingBackOverTheHeaderHidesNothing() throws {
        try withTemporaryDirectory { root in
            let a = root + "/a", b = root + "/b"
            mkdir(a, 0o700); mkdir(b, 0o700)
            try JournalStore(directory: a).record([Sample.symptom("headache", grade: 2, note: "a1")])
            writeFile(b + "/journal.jsonl", fileBytes(a + "/journal.jsonl")!)
            let laptop = try JournalStore(directory: a, device: Self.laptop)
            _ = try laptop.convertToDeviceLogs()
            try laptop.record([Sample.symptom("nosebleed", grade: 1, note: "a-after-setup")])
            try JournalStore(directory: b).record([Sample.symptom("rash", grade: 1, note: "b-offline")]) // still one file there
            rename(a + "/journal.jsonl", a + "/journal.sync-conflict-20261130-124059-BNGW7AP.jsonl")
            writeFile(a + "/journal.jsonl", fileBytes(b + "/journal.jsonl")!)

            let reopened = try JournalStore(directory: a, device: Self.laptop)
            #expect(reopened.hasDeviceLogs)
            let notes = Set(reopened.journal.currentEntries.compactMap { entry -> String? in
                if case .symptom(let rating)? = entry.body { return rating.note } else { return nil }
            })
            #expect(notes == ["a1", "a-after-setup", "b-offline"])
            #expect(reopened.syncOverview?.conflictCopies.contains { $0.file.hasSuffix("/journal.jsonl") } == true)
            let tidied = try reopened.tidyConflictCopies()
            #expect(tidied.linesCarried == 1)
            let header = String(decoding: fileBytes(a + "/journal.jsonl")!, as: UTF8.self)
            #expect(header.contains(#""schemaVersion":2"#) && header.split(separator: "\n").count == 1)
            #expect(try JournalStore(directory: a, device: Self.laptop).journal.currentEntries.count == 3)
        }
    }

    @Test func bothMachinesConfirmingTheSameVersionApartAgree() throws {
        try withTemporaryDirectory { root in
            let (a, b, laptop) = try Self.twoFolders(root)
            Self.sync(a, to: b)
            let desktop = try JournalStore(directory: b, device: Self.desktop)
            try laptop.record([Sample.symptom("headache", grade: 1)])
            try desktop.record([Sample.symptom("headache", grade: 3)])
            Self.sync(a, to: b); Self.sync(b, to: a)
            let id = SymptomRating.entryID(day: Sample.day, symptom: "headache")
            let shown = try #require(try laptop.reload().current(id))
            #expect(try desktop.reload().isChangedOnTwoDevices(id))
            // Both confirm the shown version while apart again.
            for store in [laptop, desktop] {
                try store.record([.put(id, day: Sample.day, body: shown.body!, reason: "confirmed")])
            }
            Self.sync(a, to: b); Self.sync(b, to: a)
            #expect(try !laptop.reload().isChangedOnTwoDevices(id))
            #expect(try !desktop.reload().isChangedOnTwoDevices(id))
        }
    }

    @Test func twoMachinesWithOneDeviceIDAreNoticed() throws {
        try withTemporaryDirectory { root in
            let (a, b, laptop) = try Self.twoFolders(root)
            Self.sync(a, to: b)
            let clone = try JournalStore(directory: b, device: Self.laptop) // a copied home folder
            try laptop.record([Sample.symptom("headache", grade: 1)])
            try clone.record([Sample.symptom("rash", grade: 2)])
            let name = LogFileName.deviceLog(Self.laptop.id)
            let copy = name.replacingOccurrences(of: ".jsonl", with: ".sync-conflict-20261130-101010-ABCDEFG.jsonl")
            writeFile(a + "/" + copy, fileBytes(b + "/" + name)!)
            let journal = try laptop.reload()
            #expect(journal.currentEntries.count == 2, "both entries read")
            #expect(laptop.syncOverview?.sharedDeviceIDs == [Self.laptop.id])
        }
    }
}
