import Foundation
import Glibc
import JournalCore
@testable import JournalStore
import Testing

/// Links, pipes and other people's folders where the journal and its lock should be: refused
/// with a clear message, never followed, never waited on, nothing changed anywhere.
@Suite("Links, pipes and unsafe folders")
struct FileSafetyTests {
    @Test("a journal.lock link (to a file, or dangling) is refused: the target keeps its mode, nothing is created")
    func lockLink() throws {
        try withTemporaryDirectory { root in
            let dir = root + "/journal"
            mkdir(dir, 0o700)
            writeFile(root + "/precious", Array("mine".utf8), mode: 0o644)
            chmod(root + "/precious", 0o644)
            symlink(root + "/precious", dir + "/journal.lock")
            #expect(storeError { _ = try JournalStore(directory: dir) } == .symbolicLink(file: dir + "/journal.lock"))
            #expect(permissions(root + "/precious") == 0o644)
            unlink(dir + "/journal.lock")
            symlink(root + "/made-outside", dir + "/journal.lock")
            #expect(storeError { _ = try JournalStore(directory: dir) } == .symbolicLink(file: dir + "/journal.lock"))
            #expect(!FileManager.default.fileExists(atPath: root + "/made-outside"))
            #expect(StoreError.symbolicLink(file: "x").message.contains("never follows links"))
        }
    }

    @Test("a journal that is a link (to a damaged file) is refused in both modes; the target is not chmodded")
    func journalLink() throws {
        try withTemporaryDirectory { root in
            let dir = root + "/journal"
            mkdir(dir, 0o700)
            writeFile(root + "/elsewhere.jsonl", Array("not a journal\n".utf8), mode: 0o644)
            chmod(root + "/elsewhere.jsonl", 0o644)
            symlink(root + "/elsewhere.jsonl", dir + "/journal.jsonl")
            for mode in [JournalStore.Mode.readWrite, .readOnly] {
                #expect(storeError { _ = try JournalStore(directory: dir, mode: mode) } == .symbolicLink(file: dir + "/journal.jsonl"))
            }
            #expect(permissions(root + "/elsewhere.jsonl") == 0o644)
            #expect(fileBytes(root + "/elsewhere.jsonl") == Array("not a journal\n".utf8))
        }
    }

    @Test("a named pipe in the journal's place is refused at once in both modes, and when saving")
    func journalPipe() throws {
        try withTemporaryDirectory { dir in
            #expect(mkfifo(dir + "/journal.jsonl", 0o600) == 0)
            let started = Date()
            for mode in [JournalStore.Mode.readWrite, .readOnly] {
                #expect(storeError { _ = try JournalStore(directory: dir, mode: mode) } == .notAFile(file: dir + "/journal.jsonl"))
            }
            #expect(Date().timeIntervalSince(started) < 2)
        }
    }

    @Test("a folder writable by others is refused for writing (with chmod 700), pointed out when viewing")
    func folderWritableByOthers() throws {
        try withTemporaryDirectory { dir in
            try Sample.writeMixedJournal(in: dir)
            chmod(dir, 0o777)
            let error = storeError { _ = try JournalStore(directory: dir) }
            #expect(error == .folderWritableByOthers(path: dir, permissions: 0o777))
            #expect(error?.message.contains("chmod 700") == true)
            #expect(permissions(dir) == 0o777) // refused, not quietly adopted
            let viewer = try JournalStore(directory: dir, mode: .readOnly)
            #expect(viewer.notices.contains { $0.contains("chmod 700") })
            #expect(viewer.journal.currentRecordCount > 0)
        }
    }

    @Test("a folder owned by another user is refused for writing", .enabled(if: geteuid() == 0, "needs root to give a folder away"))
    func folderOfAnotherUser() throws {
        try withTemporaryDirectory { dir in
            try Sample.writeMixedJournal(in: dir)
            chmod(dir, 0o700)
            #expect(chown(dir, 65534, 65534) == 0)
            #expect(storeError { _ = try JournalStore(directory: dir) } == .folderNotYours(path: dir, owner: 65534))
            #expect(chown(dir, 0, 0) == 0)
        }
    }
}
