import Foundation
import Glibc
import JournalCore
@testable import JournalStore
import Testing

/// The order of a save, seen through the file system: whenever the store says "saved", every
/// byte it wrote has been fsynced and every rename's folder fsynced after the rename. A save
/// that skips a sync, or syncs before writing, passes every other test until the power goes.
@Suite("Durability: what was said to be saved is synced, in order")
struct DurabilityOrderTests {
    @Test("creating, appending, setting aside a torn line, repairing and writing a report leave nothing unsynced")
    func everySaveIsSynced() throws {
        try withTemporaryDirectory { dir in
            let fileSystem = FaultyFileSystem()
            let clock = TestClock()
            let store = try JournalStore(directory: dir, fileSystem: fileSystem, clock: clock.read)
            #expect(fileSystem.unsyncedWork.isEmpty, "after opening")
            for (index, batch) in Sample.mixedChanges.enumerated() {
                try store.record(batch)
                // The first save creates the journal (temporary file, rename, folder sync).
                #expect(fileSystem.unsyncedWork.isEmpty, "after save \(index + 1): \(fileSystem.unsyncedWork)")
                clock.advance(61)
            }

            appendFile(dir + "/journal.jsonl", Array(#"{"id":"torn"#.utf8))
            try store.record([Sample.symptom("rash", grade: 1)])
            #expect(fileSystem.unsyncedWork.isEmpty, "after setting aside a torn line: \(fileSystem.unsyncedWork)")

            appendFile(dir + "/journal.jsonl", Array("not json\n".utf8))
            _ = try JournalRepair.repair(directory: dir, fileSystem: fileSystem, clock: clock.read)
            #expect(fileSystem.unsyncedWork.isEmpty, "after a repair: \(fileSystem.unsyncedWork)")

            try OutputFile.write(Array("report".utf8), to: dir + "-report.md", journalFolder: dir, replacing: true,
                                 fileSystem: fileSystem)
            #expect(fileSystem.unsyncedWork.isEmpty, "after writing a report: \(fileSystem.unsyncedWork)")
            unlink(dir + "-report.md")
        }
    }

    @Test("the tracker itself: a write, a rename and a folder stay unsynced until each is fsynced")
    func trackerSeesOrder() throws {
        try withTemporaryDirectory { dir in
            let fileSystem = FaultyFileSystem()
            let fd = try fileSystem.open(dir + "/a", flags: O_WRONLY | O_CREAT | O_CLOEXEC, mode: 0o600)
            try fileSystem.fsync(fd) // a sync before the write protects nothing written after it
            _ = try Array("x".utf8).withUnsafeBytes { try fileSystem.write(fd, $0) }
            #expect(fileSystem.unsyncedWork == ["unsynced data in \(dir)/a"])
            try fileSystem.fsync(fd)
            try fileSystem.close(fd)
            try fileSystem.rename(dir + "/a", to: dir + "/b")
            #expect(fileSystem.unsyncedWork == ["unsynced rename in \(dir)"])
            let folder = try fileSystem.open(dir, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC, mode: 0)
            try fileSystem.fsync(folder)
            try fileSystem.close(folder)
            #expect(fileSystem.unsyncedWork.isEmpty)
        }
    }
}
