import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A named pipe given as the snapshot: the old code opened it and waited for a writer forever.
@Suite("End to end: a named pipe as the snapshot")
struct SnapshotPipeEndToEndTests {
    @Test("view, remind, report, show, status, labs, checklist --snapshot FIFO end at once, naming it")
    func pipe() {
        let journal = TemporaryJournal()
        let folder = URL(fileURLWithPath: journal.directory).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let pipe = folder + "/pipe.isojournal-snapshot"
        #expect(mkfifo(pipe, 0o600) == 0)
        let commands: [[String]] = [["view"], ["remind"], ["report"], ["report", "--format", "html", "-o", folder + "/visit.html"],
                                    ["show"], ["status"], ["labs"], ["checklist"]]
        for command in commands {
            // timeout turns a regression into a failure (124) instead of a hung test run.
            let result = Subprocess.run(["timeout", "10", Binary.path] + command + ["--snapshot", pipe], environment: journal.environment)
            #expect(result.status == SnapshotReadTests.errorStatus(command), "\(command): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(pipe) && result.stderr.contains("named pipe"), "\(command): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(command): \(result.stdout)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/visit.html"))
    }
}
