import Foundation
import Glibc
import JournalCore
@testable import JournalStore
import Testing

/// A real full disk: a 64 KB tmpfs. Mounting needs root with the right to mount, so the
/// test runs only where a probe mount works.
@Suite("A really full disk")
struct DiskFullTests {
    static let canMountTmpfs: Bool = withTemporaryDirectory { dir in
        guard getuid() == 0, run("/bin/mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir) == 0 else { return false }
        return run("/bin/umount", dir) == 0
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: String...) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.enabled(if: DiskFullTests.canMountTmpfs, "needs permission to mount a tmpfs"))
    func savingUntilTheDiskIsFullKeepsEveryAcknowledgedEntry() throws {
        try withTemporaryDirectory { root in
            #expect(Self.run("/bin/mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", root) == 0)
            defer { Self.run("/bin/umount", root) }
            let dir = root + "/isojournal"
            let store = try JournalStore(directory: dir, clock: TestClock().read)
            let note = String(repeating: "itchy, dry, sore; ", count: 60)
            var acknowledged = 0
            var failure: StoreError?
            for round in 0..<500 {
                let before = fileBytes(store.journalPath)
                let memory = store.journal.revisions
                do throws(StoreError) {
                    try store.record([Sample.symptom("s\(round)", grade: round % 4, note: note)])
                    acknowledged += 1
                } catch {
                    failure = error
                    #expect(fileBytes(store.journalPath) == before, "the failed save left no trace")
                    #expect(store.journal.revisions == memory)
                    break
                }
            }
            let error = try #require(failure, "the disk never filled up")
            #expect(error.cause?.code == ENOSPC)
            #expect(error.message.contains("NOT saved") && error.message.contains("the disk is full"))
            #expect(acknowledged > 5)
            let reopened = try JournalStore(directory: dir)
            #expect(reopened.journal.revisions.count == acknowledged)
            #expect(reopened.notices.isEmpty)
            #expect(!directoryNames(dir).contains { $0.hasPrefix("journal.jsonl.tmp-") || $0.hasPrefix("journal.torn-") })
        }
    }
}
