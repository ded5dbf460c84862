import Foundation
import Testing
import Glibc
@testable import JournalStore

/// A snapshot path that is not a regular file: refused at once, never waited on or followed.
@Suite("Snapshots: only a regular file is read")
struct SnapshotFileKindTests {
    @Test("a named pipe, a folder and a link are refused with a message saying what is there")
    func refused() throws {
        try withTemporaryDirectory { directory in
            let pipe = directory + "/pipe.isojournal-snapshot"
            #expect(mkfifo(pipe, 0o600) == 0)
            #expect(throws: SnapshotError.notAFile(file: pipe, what: "a named pipe, a device or a socket")) {
                try Snapshot.load(path: pipe) // with no writer, opening without O_NONBLOCK would wait forever
            }
            #expect(throws: SnapshotError.notAFile(file: directory, what: "a folder")) { try Snapshot.load(path: directory) }
            #expect(throws: SnapshotError.notAFile(file: "/dev/zero", what: "a named pipe, a device or a socket")) {
                try Snapshot.load(path: "/dev/zero") // endless: reading it would never finish
            }
            let link = directory + "/link.isojournal-snapshot"
            #expect(symlink(pipe, link) == 0)
            #expect(throws: SnapshotError.symbolicLink(file: link)) { try Snapshot.load(path: link) }
            #expect(throws: SnapshotError.cannotRead(file: directory + "/none")) { try Snapshot.load(path: directory + "/none") }
            #expect(SnapshotError.notAFile(file: pipe, what: "a named pipe, a device or a socket").message.contains("named pipe"))
        }
    }
}
