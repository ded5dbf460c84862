import Foundation
import Glibc
import JournalCore
@testable import JournalStore
import Testing

/// These change the process umask, so they run one at a time and put it back.
@Suite("Private files and read-only opening", .serialized)
struct PrivacyTests {
    func withUmask<T>(_ mask: mode_t, _ body: () throws -> T) rethrows -> T {
        let previous = umask(mask)
        defer { umask(previous) }
        return try body()
    }

    @Test(arguments: [mode_t(0o022), mode_t(0o000)])
    func everythingIsPrivateWhateverTheUmask(mask: mode_t) throws {
        try withTemporaryDirectory { root in
            try withUmask(mask) {
                let dir = root + "/deep/er/isojournal"
                let store = try JournalStore(directory: dir, clock: TestClock().read)
                try store.record([Sample.symptom()])
                appendFile(store.journalPath, Array("{\"torn".utf8))
                try store.record([Sample.symptom(grade: 3)])
                #expect(permissions(dir) == 0o700)
                #expect(permissions(store.journalPath) == 0o600)
                #expect(permissions(dir + "/journal.lock") == 0o600)
                let side = try #require(directoryNames(dir).first { $0.hasPrefix("journal.torn-") })
                #expect(permissions(dir + "/" + side) == 0o600)
                #expect(store.notices.count == 1, "only the torn tail; no complaint about our own files")
            }
        }
    }

    @Test func looserPermissionsAreTightenedWithANotice() throws {
        try withTemporaryDirectory { dir in
            try Sample.writeMixedJournal(in: dir)
            #expect(chmod(dir, 0o755) == 0 && chmod(dir + "/journal.jsonl", 0o644) == 0)
            let store = try JournalStore(directory: dir)
            #expect(permissions(dir) == 0o700)
            #expect(permissions(dir + "/journal.jsonl") == 0o600)
            #expect(store.notices.count == 2)
            #expect(store.notices.allSatisfy { $0.contains("IsoJournal has made it private") })
            #expect(store.notices[0].contains(dir) && store.notices[1].contains(dir + "/journal.jsonl"))
            #expect(store.takeNotices().count == 2 && store.notices.isEmpty)
            #expect(try JournalStore(directory: dir).notices.isEmpty)
        }
    }

    @Test func readOnlyModeOnlyMentionsLoosePermissions() throws {
        try withTemporaryDirectory { dir in
            let bytes = try Sample.writeMixedJournal(in: dir)
            #expect(chmod(dir, 0o750) == 0 && chmod(dir + "/journal.jsonl", 0o640) == 0)
            let store = try JournalStore(directory: dir, mode: .readOnly)
            #expect(permissions(dir) == 0o750)
            #expect(permissions(dir + "/journal.jsonl") == 0o640)
            #expect(store.notices.count == 2)
            #expect(store.notices.allSatisfy { $0.contains("did not change this") && $0.contains("chmod") })
            #expect(fileBytes(dir + "/journal.jsonl") == bytes)
        }
    }

    @Test func readOnlyModeCreatesNothing() throws {
        try withTemporaryDirectory { root in
            let missing = root + "/not/yet/isojournal"
            let viewer = try JournalStore(directory: missing, mode: .readOnly)
            #expect(viewer.isReadOnly && viewer.journal.revisions.isEmpty)
            let error = storeError { try viewer.record([Sample.symptom()]) }
            guard case .readOnly(let file, _)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(file == missing + "/journal.jsonl")
            #expect(try viewer.reload().revisions.isEmpty)
            #expect(directoryNames(root).isEmpty)

            // An existing folder gets no lock file, no temp file, no journal.
            let empty = root + "/empty"
            #expect(mkdir(empty, 0o700) == 0)
            _ = try JournalStore(directory: empty, mode: .readOnly)
            #expect(directoryNames(empty).isEmpty)
        }
    }

    @Test func leftoverTemporaryFilesAreRemovedWhenOpeningForWriting() throws {
        try withTemporaryDirectory { dir in
            try Sample.writeMixedJournal(in: dir)
            writeFile(dir + "/journal.jsonl.tmp-0123456789abcdef", Array("{\"format\":\"isojournal\"".utf8))
            writeFile(dir + "/journal.jsonl.tmp-x", [])
            writeFile(dir + "/notes.txt", [1])
            _ = try JournalStore(directory: dir, mode: .readOnly)
            #expect(directoryNames(dir).filter { $0.hasPrefix("journal.jsonl.tmp-") }.count == 2, "viewing removes nothing")
            let store = try JournalStore(directory: dir)
            #expect(directoryNames(dir) == ["journal.jsonl", "journal.lock", "notes.txt"])
            #expect(store.journal.revisions.count == 5)
        }
    }
}
