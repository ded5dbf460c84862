import Foundation
import Glibc
import Testing
@testable import JournalStore

/// Reports and exports (`OutputFile`): they never cost the journal or an existing file anything.
@Suite("Output files")
struct OutputFileTests {
    let report = Array("# Visit summary\n".utf8)

    /// A journal folder "journal" with a journal in it, and an "out" folder beside it.
    func withFolders(_ body: (_ journal: String, _ out: String) throws -> Void) throws {
        try withTemporaryDirectory { root in
            let journal = root + "/journal", out = root + "/out"
            mkdir(journal, 0o700)
            mkdir(out, 0o700)
            writeFile(journal + "/journal.jsonl", Array("history\n".utf8))
            try body(journal, out)
        }
    }

    @Test("a new file is written 0600 with exactly the bytes, and no temporary file is left")
    func writesNewFile() throws {
        try withFolders { journal, out in
            try OutputFile.write(report, to: out + "/visit.md", journalFolder: journal, replacing: false)
            #expect(fileBytes(out + "/visit.md") == report)
            #expect(permissions(out + "/visit.md") == 0o600)
            #expect(directoryNames(out) == ["visit.md"])
        }
    }

    @Test("any path inside the journal folder is refused, however it is spelled, and the journal is untouched")
    func refusesJournalFolder() throws {
        try withFolders { journal, out in
            symlink(journal, out + "/link-to-journal")
            let spellings = [journal + "/journal.jsonl", journal + "/new.md", out + "/../journal/journal.jsonl",
                             out + "/link-to-journal/journal.jsonl", out + "/link-to-journal/other.csv"]
            for path in spellings {
                for replacing in [false, true] {
                    #expect(throws: OutputFileError.insideJournalFolder(path: path)) {
                        try OutputFile.write(report, to: path, journalFolder: journal, replacing: replacing)
                    }
                }
            }
            #expect(fileBytes(journal + "/journal.jsonl") == Array("history\n".utf8))
            #expect(directoryNames(journal) == ["journal.jsonl"])
        }
    }

    @Test("the journal folder given through a symbolic link is recognised too")
    func refusesJournalFolderBehindLink() throws {
        try withFolders { journal, out in
            symlink(journal, out + "/alias")
            #expect(throws: OutputFileError.insideJournalFolder(path: journal + "/x.md")) {
                try OutputFile.write(report, to: journal + "/x.md", journalFolder: out + "/alias", replacing: true)
            }
        }
    }

    @Test("an existing file is kept unless replacing is asked; replacing keeps it private")
    func existingFile() throws {
        try withFolders { journal, out in
            let path = out + "/visit.md"
            writeFile(path, Array("old".utf8), mode: 0o644)
            chmod(path, 0o644)
            #expect(throws: OutputFileError.alreadyExists(path: path)) {
                try OutputFile.write(report, to: path, journalFolder: journal, replacing: false)
            }
            #expect(fileBytes(path) == Array("old".utf8))
            try OutputFile.write(report, to: path, journalFolder: journal, replacing: true)
            #expect(fileBytes(path) == report)
            #expect(permissions(path) == 0o600)
        }
    }

    @Test("a symbolic link at the destination is never followed, even when replacing, even dangling")
    func symbolicLinkDestination() throws {
        try withFolders { journal, out in
            writeFile(out + "/target", Array("precious".utf8), mode: 0o644)
            chmod(out + "/target", 0o644)
            symlink(out + "/target", out + "/link.md")
            symlink(out + "/nowhere", out + "/dangling.md")
            for name in ["link.md", "dangling.md"] {
                #expect(throws: OutputFileError.symbolicLink(path: out + "/" + name)) {
                    try OutputFile.write(report, to: out + "/" + name, journalFolder: journal, replacing: true)
                }
            }
            #expect(fileBytes(out + "/target") == Array("precious".utf8))
            #expect(permissions(out + "/target") == 0o644)
            #expect(!FileManager.default.fileExists(atPath: out + "/nowhere"))
        }
    }

    @Test("a folder, a pipe or an empty name is not a file to write")
    func notAFile() throws {
        try withFolders { journal, out in
            mkfifo(out + "/pipe", 0o600)
            for path in [out, out + "/", out + "/pipe", out + "/.."] {
                #expect(throws: OutputFileError.notAFile(path: path)) {
                    try OutputFile.write(report, to: path, journalFolder: journal, replacing: true)
                }
            }
        }
    }

    @Test("every call failing, once or from then on, leaves the old file byte-identical or the new one whole, and no temporary file")
    func failuresKeepOldFile() throws {
        try withFolders { journal, out in
            let path = out + "/visit.md"
            let old = Array("old report".utf8)
            let fileSystem = FaultyFileSystem()
            fileSystem.arm(failAt: nil)
            writeFile(path, old)
            try OutputFile.write(report, to: path, journalFolder: journal, replacing: true, fileSystem: fileSystem)
            let callCount = fileSystem.calls.count
            #expect(callCount >= 8)
            var failuresSeen = 0
            for failAt in 1...callCount {
                for pattern in [FaultyFileSystem.Pattern.once, .fromThenOn] {
                    for code in [ENOSPC, EIO] {
                        writeFile(path, old)
                        fileSystem.arm(failAt: failAt, pattern: pattern, errno: code)
                        do {
                            try OutputFile.write(report, to: path, journalFolder: journal, replacing: true, fileSystem: fileSystem)
                            #expect(fileBytes(path) == report)
                        } catch let error as OutputFileError {
                            failuresSeen += 1
                            switch error {
                            case .notSynced: #expect(fileBytes(path) == report, "call \(failAt) \(pattern)")
                            default: #expect(fileBytes(path) == old, "call \(failAt) \(pattern): \(error)")
                            }
                        }
                        fileSystem.disarm()
                        // From then on, even removing the temporary file fails: only then may one be left.
                        if pattern == .once { #expect(directoryNames(out) == ["visit.md"], "call \(failAt) \(pattern)") }
                        for name in directoryNames(out) where name != "visit.md" { unlink(out + "/" + name) }
                    }
                }
            }
            #expect(failuresSeen > 0)
        }
    }
}
