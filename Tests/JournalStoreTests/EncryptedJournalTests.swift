import Foundation
import Glibc
import JournalCore
import Testing
@testable import JournalStore

/// A journal encrypted at rest: every byte under the data folder that holds the person's words
/// is sealed, every path reads and writes as before with the key, and nothing opens without it.
@Suite("Encryption at rest")
struct EncryptedJournalTests {
    static let device = LocalDevice(id: "e0e0e0e0e0e1")
    static let canary = "CANARY-7f3a91-lips"

    /// Every file under `dir`, concatenated, so a test can look for a string in any byte.
    static func everyByte(_ dir: String) -> [UInt8] {
        var all: [UInt8] = []
        for name in directoryNames(dir) { all += fileBytes(dir + "/" + name) ?? [] }
        return all
    }

    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard haystack.count >= n.count else { return false }
        return (0...(haystack.count - n.count)).contains { haystack[$0..<($0 + n.count)].elementsEqual(n) }
    }

    static func unlock(_ dir: String, _ passphrase: String = "correct horse") throws -> DataKey {
        try JournalKey.unlock(fileBytes(dir + "/journal.key")!, passphrase: passphrase)
    }

    @Test func encryptSealsEveryPlaceTheWordsWere() throws {
        try withTemporaryDirectory { dir in
            let plain = try JournalStore(directory: dir)
            try plain.record([Sample.symptom("dry-lips", grade: 2, note: Self.canary)])
            try plain.record([Sample.redFlag()])
            // A torn tail and a damaged copy, as a crash and a repair leave them.
            appendFile(dir + "/journal.jsonl", Array(#"{"id":"torn","note":"\#(Self.canary)"#.utf8))
            writeFile(dir + "/journal.jsonl.damaged-20261126T000000Z", Array("\(Self.canary)\n".utf8))
            let before = try JournalStore(directory: dir, device: Self.device).journal // sets the tail aside
            #expect(directoryNames(dir).contains { $0.hasPrefix("journal.torn-") })
            #expect(Self.contains(Self.everyByte(dir), Self.canary))

            let outcome = try FolderEncryption.encrypt(directory: dir, device: Self.device, passphrase: "correct horse", logN: 10)
            #expect(outcome.filesRewritten >= 4 && outcome.unfinishedFiles.isEmpty)
            #expect(!Self.contains(Self.everyByte(dir), Self.canary), "\(directoryNames(dir))")
            #expect(!Self.contains(Self.everyByte(dir), "dry-lips") && !Self.contains(Self.everyByte(dir), "mood-self-harm"))

            #expect(storeError { _ = try JournalStore(directory: dir, device: Self.device) } == .locked(path: dir + "/journal.key"))
            let store = try JournalStore(directory: dir, device: Self.device, key: try Self.unlock(dir))
            #expect(store.journal.revisions.map(\.id) == before.revisions.map(\.id))
            try store.record([Sample.symptom("headache", grade: 1, note: Self.canary + "-2")])
            #expect(!Self.contains(Self.everyByte(dir), Self.canary))
            let reopened = try JournalStore(directory: dir, mode: .readOnly, key: try Self.unlock(dir))
            #expect(reopened.journal.current(SymptomRating.entryID(day: Sample.day, symptom: "headache")) != nil)
            #expect(throws: KeyError.wrongPassphrase) { try Self.unlock(dir, "wrong") }
        }
    }

    @Test func decryptGivesBackThePlainJournalAndRemovesTheKey() throws {
        try withTemporaryDirectory { dir in
            try Sample.writeMixedJournal(in: dir)
            let before = try JournalStore(directory: dir).journal.revisions
            _ = try FolderEncryption.encrypt(directory: dir, device: Self.device, passphrase: "pw", logN: 10)
            #expect(throws: FolderEncryption.Failure.self) { try FolderEncryption.decrypt(directory: dir, device: Self.device, passphrase: "nope") }
            #expect(FileManager.default.fileExists(atPath: dir + "/journal.key"), "a wrong passphrase changes nothing")
            _ = try FolderEncryption.decrypt(directory: dir, device: Self.device, passphrase: "pw")
            #expect(!FileManager.default.fileExists(atPath: dir + "/journal.key"))
            #expect(try JournalStore(directory: dir, device: Self.device).journal.revisions == before)
            #expect(Self.contains(Self.everyByte(dir), "dry-lips"))
        }
    }

    @Test func aNewPassphraseRewrapsTheKeyAndLeavesTheLogsAlone() throws {
        try withTemporaryDirectory { dir in
            try Sample.writeMixedJournal(in: dir)
            _ = try FolderEncryption.encrypt(directory: dir, device: Self.device, passphrase: "old", logN: 10)
            let log = dir + "/" + LogFileName.deviceLog(Self.device.id)
            let logBefore = fileBytes(log)
            try FolderEncryption.changePassphrase(directory: dir, old: "old", new: "new")
            #expect(fileBytes(log) == logBefore)
            #expect(throws: KeyError.wrongPassphrase) { try Self.unlock(dir, "old") }
            let store = try JournalStore(directory: dir, device: Self.device, key: try Self.unlock(dir, "new"))
            #expect(store.journal.revisions.count == 5)
        }
    }

    @Test func anEncryptCutShortReadsAndFinishesWhenRunAgain() throws {
        try withTemporaryDirectory { dir in
            try Sample.writeMixedJournal(in: dir)
            let store = try JournalStore(directory: dir, device: Self.device)
            _ = try store.convertToDeviceLogs()
            let before = store.journal.revisions
            // As a kill after the key was written and only some lines sealed would leave it.
            let made = try JournalKey.create(passphrase: "pw", logN: 10)
            writeFile(dir + "/journal.key", made.fileBytes)
            let log = dir + "/" + LogFileName.deviceLog(Self.device.id)
            var lines = lines(fileBytes(log)!).filter { !$0.isEmpty }
            lines[2] = String(decoding: SealedLine.seal(plaintextLine: Array(lines[2].utf8), key: made.dataKey), as: UTF8.self)
            writeFile(log, Array((lines.joined(separator: "\n") + "\n").utf8))
            writeFile(log + ".tmp-00ff", Array("a plaintext leftover\n".utf8))
            let mixed = try JournalStore(directory: dir, device: Self.device, key: made.dataKey)
            #expect(mixed.journal.revisions == before)
            _ = try FolderEncryption.encrypt(directory: dir, device: Self.device, passphrase: "pw", logN: 10)
            #expect(!Self.contains(Self.everyByte(dir), "dry-lips") && !Self.contains(Self.everyByte(dir), "plaintext leftover"))
            #expect(try JournalStore(directory: dir, device: Self.device, key: made.dataKey).journal.revisions == before)
        }
    }

    @Test func twoMachinesShareTheKeyThroughTheSyncedFolder() throws {
        try withTemporaryDirectory { root in
            let a = root + "/a", b = root + "/b"
            mkdir(a, 0o700); mkdir(b, 0o700)
            try JournalStore(directory: a).record([Sample.symptom()])
            _ = try FolderEncryption.encrypt(directory: a, device: Self.device, passphrase: "pw", logN: 10)
            for name in directoryNames(a) where name.hasSuffix(".jsonl") || name == "journal.key" {
                writeFile(b + "/" + name, fileBytes(a + "/" + name)!)
            }
            let other = LocalDevice(id: "e0e0e0e0e0e2")
            let desktop = try JournalStore(directory: b, device: other, key: try Self.unlock(b, "pw"))
            try desktop.record([Sample.symptom("nosebleed", grade: 1, note: Self.canary)])
            #expect(!Self.contains(fileBytes(b + "/" + LogFileName.deviceLog(other.id))!, Self.canary))
            writeFile(a + "/" + LogFileName.deviceLog(other.id), fileBytes(b + "/" + LogFileName.deviceLog(other.id))!)
            let laptop = try JournalStore(directory: a, device: Self.device, key: try Self.unlock(a, "pw"))
            #expect(laptop.journal.current(SymptomRating.entryID(day: Sample.day, symptom: "nosebleed")) != nil)
        }
    }
}
