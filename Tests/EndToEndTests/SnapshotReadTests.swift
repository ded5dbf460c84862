import Foundation
import Testing

/// Every read command from a snapshot, as a caregiver on another machine runs them, and the
/// errors for a snapshot or folder that cannot be read: never an empty report that reads
/// like an all-clear.
@Suite("End to end: read commands from a snapshot, and refusing a missing journal", .serialized)
struct SnapshotReadTests {
    /// The read commands, with arguments that make their output the same from run to run.
    static let readCommands: [[String]] = [
        ["show"], ["show", "--json"], ["status"], ["labs", "--json"], ["checklist", "--json"],
        ["remind", "--at", "2026-11-26 08:10"], ["report", "--format", "md"], ["report", "--format", "csv"],
    ]

    /// `remind` exits 1 when something is due, so its errors exit 2 (its documented contract).
    static func errorStatus(_ command: [String]) -> Int32 { command.first == "remind" ? 2 : 1 }

    /// The report's "Made by IsoJournal on <minute>" line may differ between two runs.
    static func stable(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("Made by IsoJournal on") }.joined(separator: "\n")
    }

    func demoSnapshot() -> (journal: TemporaryJournal, file: String) {
        let journal = TemporaryJournal()
        #expect(journal.fillWithDemo().status == 0)
        let file = URL(fileURLWithPath: journal.directory).deletingLastPathComponent().path + "/from-maya.isojournal-snapshot"
        #expect(journal.run("export", "snapshot", "-o", file).status == 0)
        return (journal, file)
    }

    @Test("show, status, labs, checklist, remind and report print the same from the snapshot as from the folder")
    func sameAsTheFolder() {
        let (journal, file) = demoSnapshot()
        let elsewhere = ["TZ": "UTC", "LANG": "C.UTF-8", "ISOJOURNAL_DATA_DIR": journal.directory + "-not-here"]
        for command in Self.readCommands {
            let fromFolder = journal.run(command)
            let fromSnapshot = Subprocess.run([Binary.path] + command + ["--snapshot", file], environment: elsewhere)
            #expect(fromSnapshot.status == fromFolder.status, "\(command): \(fromSnapshot.stderr)")
            #expect(!fromSnapshot.stdout.isEmpty, "\(command)")
            #expect(Self.stable(fromSnapshot.stdout) == Self.stable(fromFolder.stdout), "\(command)")
            #expect(fromSnapshot.stderr.contains("Read from the snapshot \(file)"), "\(command): \(fromSnapshot.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: journal.directory + "-not-here"), "reading a snapshot creates no folder")
        let both = journal.run("status", "--snapshot", file, "--data-dir", journal.directory)
        #expect(both.status == 2 && both.stderr.contains("give one or the other"))
        let notify = journal.run("remind", "--notify", "--snapshot", file)
        #expect(notify.status == 2 && notify.stderr.contains("cannot read a snapshot"))
    }

    @Test("a damaged, truncated or newer snapshot: every read command names the file and what is wrong, and writes nothing")
    func badSnapshots() throws {
        let (journal, file) = demoSnapshot()
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        let newline = try #require(good.firstIndex(of: 0x0A))
        var damaged = good
        damaged[good.count - 40] ^= 0x01
        let header = String(decoding: good[..<newline], as: UTF8.self).replacingOccurrences(of: "\"snapshotVersion\":1", with: "\"snapshotVersion\":2")
        let cases: [(name: String, bytes: [UInt8], says: String)] = [
            ("damaged", damaged, "was changed or damaged after it was made"),
            ("truncated", Array(good.prefix(good.count - 300)), "was changed or damaged after it was made"),
            ("newer", Array(header.utf8) + good[newline...], "made by a newer IsoJournal"),
            ("not a snapshot", Array("hello\n".utf8), "is not an IsoJournal snapshot"),
        ]
        for bad in cases {
            let path = folder + "/\(bad.name.replacingOccurrences(of: " ", with: "-")).isojournal-snapshot"
            try Data(bad.bytes).write(to: URL(fileURLWithPath: path))
            for command in Self.readCommands + [["report", "--format", "html", "-o", folder + "/visit.html"]] {
                let result = journal.run(command + ["--snapshot", path])
                #expect(result.status == Self.errorStatus(command), "\(bad.name) \(command): \(result.status) \(result.stderr)")
                #expect(result.stderr.contains(path) && result.stderr.contains(bad.says), "\(bad.name) \(command): \(result.stderr)")
                #expect(result.stdout.isEmpty, "\(bad.name) \(command): \(result.stdout)")
            }
            #expect(!FileManager.default.fileExists(atPath: folder + "/visit.html"), "\(bad.name): no report written")
        }
        let missing = journal.run("report", "--snapshot", folder + "/no-such-file")
        #expect(missing.status == 1 && missing.stderr.contains(folder + "/no-such-file"))
    }

    @Test("a missing or empty journal is an error naming the folder, never an empty report")
    func missingOrEmptyJournal() throws {
        let journal = TemporaryJournal()
        let parent = URL(fileURLWithPath: journal.directory).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let html = parent + "/visit.html"
        for command in Self.readCommands + [["report", "--format", "html", "-o", html]] {
            let result = journal.run(command)
            #expect(result.status == Self.errorStatus(command), "\(command): \(result.status) \(result.stdout)")
            #expect(result.stderr.contains("There is no journal in \(journal.directory)"), "\(command): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(command): \(result.stdout)")
        }
        #expect(!FileManager.default.fileExists(atPath: html))
        #expect(!FileManager.default.fileExists(atPath: journal.directory), "reading creates no folder")

        // A journal file with its header line and nothing else (as a fresh install leaves it).
        let emptySnapshot = parent + "/empty.isojournal-snapshot"
        let exported = journal.run("export", "snapshot", "-o", emptySnapshot)
        #expect(exported.status == 0, "\(exported.stderr)")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: emptySnapshot)))
        let headerLine = bytes[(try #require(bytes.firstIndex(of: 0x0A)) + 1)...]
        try FileManager.default.createDirectory(atPath: journal.directory, withIntermediateDirectories: true)
        try Data(headerLine).write(to: URL(fileURLWithPath: journal.directory + "/journal.jsonl"))
        for command in Self.readCommands {
            let result = journal.run(command)
            #expect(result.status == Self.errorStatus(command), "\(command): \(result.stdout)")
            #expect(result.stderr.contains("The journal in \(journal.directory) holds no records"), "\(command): \(result.stderr)")
            let fromSnapshot = journal.run(command + ["--snapshot", emptySnapshot])
            #expect(fromSnapshot.status == Self.errorStatus(command) && fromSnapshot.stderr.contains("\(emptySnapshot) holds no records"),
                    "\(command): \(fromSnapshot.stderr)")
        }
    }
}

extension TemporaryJournal {
    func run(_ arguments: [String]) -> Subprocess.Result {
        Subprocess.run([Binary.path] + arguments, environment: environment)
    }
}
