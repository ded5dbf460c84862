import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `isojournal encrypt` with the real binary: a canary through every kind of record and every
/// path that writes never reaches a byte under the data folder; a wrong passphrase writes
/// nothing; `kill -9` during encrypt and decrypt never leaves a journal that does not open.
@Suite("End to end: encryption at rest")
struct EncryptionEndToEndTests {
    static let canary = "CANARY-e2e-91c4"

    static func machine(passphrase: String = "hunter2") -> TemporaryJournal {
        let journal = TemporaryJournal()
        // The key cache is off here so every command is judged on its own passphrase.
        journal.extraEnvironment = ["ISOJOURNAL_STATE_DIR": journal.directory + "-state",
                                    "ISOJOURNAL_PASSPHRASE_COMMAND": "printf %s '\(passphrase)'",
                                    "ISOJOURNAL_KEY_CACHE_SECONDS": "0"]
        return journal
    }

    static func everyByte(_ journal: TemporaryJournal) -> String {
        journal.fileNames.map { String(decoding: FileManager.default.contents(atPath: journal.directory + "/" + $0) ?? Data(), as: UTF8.self) }
            .joined(separator: "\n")
    }

    @Test("a canary logged through every kind and path never appears in the data folder")
    func canaryNeverOnDisk() throws {
        let journal = Self.machine()
        #expect(journal.run("log", "symptom", "headache", "2", "--note", Self.canary + "-before").status == 0)
        let encrypted = journal.run("encrypt", "--work-factor", "10")
        #expect(encrypted.status == 0 && encrypted.stdout.contains("Encrypted:"), "\(encrypted.stderr)")
        let writes: [[String]] = [
            ["log", "symptom", "chapped-lips", "2", "--note", Self.canary],
            ["log", "symptom", "other", "1", "--note", Self.canary + " other"],
            ["log", "medicine", "doxycycline", "--note", Self.canary],
            ["log", "lab", "alt", "62 U/L", "--uln", "40", "--note", Self.canary],
            ["log", "weight", "61"],
            ["course", "set", "--start", "2026-11-02", "--weight", "61", "--plan", "20+20", "--target", "120"],
            ["log", "dose", "20", "--slot", "morning", "--date", "2026-11-20"],
            ["settings", "--patient-name", Self.canary],
            ["sync", "name", Self.canary + " laptop"],
        ]
        for arguments in writes {
            let result = journal.run(arguments)
            #expect(result.status == 0 || result.stderr.contains("--"), "\(arguments): \(result.stderr)")
        }
        // A save cut off: the torn tail is set aside by the next writer (it holds part of a sealed line).
        let log = journal.fileNames.first { $0.hasPrefix("journal.") && $0.hasSuffix(".jsonl") && $0 != "journal.jsonl" }!
        let handle = FileHandle(forWritingAtPath: journal.directory + "/" + log)!
        handle.seekToEndOfFile()
        handle.write(Data(#"{"sealedWith":"0000","box":"AAAA"#.utf8))
        handle.closeFile()
        #expect(journal.run("log", "symptom", "rash", "1", "--note", Self.canary).status == 0)
        #expect(journal.fileNames.contains { $0.hasPrefix("journal.torn-") })
        // A report into the data folder is refused, and a conflict copy is a copy of sealed bytes.
        #expect(journal.run("report", "-o", journal.directory + "/report.md").status == 2)
        FileManager.default.createFile(atPath: journal.directory + "/" + log.replacingOccurrences(of: ".jsonl", with: ".sync-conflict-20261130-101010-ABCDEFG.jsonl"),
                                       contents: FileManager.default.contents(atPath: journal.directory + "/" + log))
        let shown = journal.run("show")
        #expect(shown.stdout.contains(Self.canary) && shown.stdout.contains(Self.canary + "-before"), "\(shown.stderr)")
        #expect(journal.run("check").status == 0)
        #expect(!Self.everyByte(journal).contains(Self.canary), "\(journal.fileNames)")
        #expect(!Self.everyByte(journal).contains("chapped-lips") && !Self.everyByte(journal).contains("doxycycline"))
    }

    @Test("an unlocked key is kept for the next commands until `lock`", .enabled(if: FileManager.default.fileExists(atPath: "/proc/keys"),
                                                                                 "the kernel keyring is not available"))
    func keptUntilLocked() throws {
        let journal = Self.machine()
        journal.extraEnvironment["ISOJOURNAL_KEY_CACHE_SECONDS"] = "60"
        #expect(journal.run("log", "symptom", "headache", "2").status == 0)
        #expect(journal.run("encrypt", "--work-factor", "10").status == 0)
        #expect(journal.run("show").status == 0) // unlocks and keeps the key
        journal.extraEnvironment["ISOJOURNAL_PASSPHRASE_COMMAND"] = "false"
        let kept = journal.run("show")
        #expect(kept.status == 0 && kept.stdout.contains("Headache 2"), "\(kept.stderr)")
        #expect(journal.run("lock").stdout.contains("Locked"))
        #expect(journal.run("show").status != 0, "after lock the passphrase is needed again")
    }

    @Test("a wrong passphrase writes nothing and is refused; without one nothing opens")
    func wrongPassphrase() throws {
        let journal = Self.machine()
        #expect(journal.run("log", "symptom", "headache", "2").status == 0)
        #expect(journal.run("encrypt", "--work-factor", "10").status == 0)
        let before = journal.fileNames.map { ($0, FileManager.default.contents(atPath: journal.directory + "/" + $0)) }
        journal.extraEnvironment["ISOJOURNAL_PASSPHRASE_COMMAND"] = "printf %s wrong"
        let logged = journal.run("log", "symptom", "rash", "1")
        #expect(logged.status == 1 && logged.stderr.contains("does not open"), "\(logged.stderr)")
        journal.extraEnvironment["ISOJOURNAL_PASSPHRASE_COMMAND"] = nil
        let shown = journal.run("show")
        #expect(shown.status != 0 && shown.stderr.contains("passphrase"), "\(shown.stderr)")
        let after = journal.fileNames.map { ($0, FileManager.default.contents(atPath: journal.directory + "/" + $0)) }
        #expect(before.map(\.0) == after.map(\.0) && zip(before, after).allSatisfy { $0.1 == $1.1 })
    }

    @Test("kill -9 during encrypt and decrypt: the journal always opens, with every entry, and a rerun finishes")
    func killsDuringConversion() throws {
        var random = SeededRandom(seed: 7)
        var kills = 0, finished = 0
        for round in 0..<16 {
            let journal = Self.machine()
            for day in 1...12 {
                #expect(journal.run("log", "symptom", "headache", "1", "--date", String(format: "2026-10-%02d", day), "--note", "n\(day)").status == 0)
            }
            let decrypting = round % 2 == 1
            if decrypting { #expect(journal.run("encrypt", "--work-factor", "10").status == 0) }
            let arguments = decrypting ? ["decrypt", "--yes"] : ["encrypt", "--work-factor", "10"]
            guard let process = RunningProcess([Binary.path] + arguments, environment: journal.environment) else {
                Issue.record("could not start"); return
            }
            usleep(useconds_t(Int.random(in: 0...60_000, using: &random)))
            kill(process.pid, SIGKILL)
            process.wait()
            if process.signal == SIGKILL { kills += 1 } else { finished += 1 }
            let shown = journal.run("show", "--json")
            #expect(shown.status == 0, "round \(round): \(shown.stderr)")
            for day in 1...12 { #expect(shown.stdout.contains("\"n\(day)\""), "round \(round): n\(day) missing") }
            let again = journal.run(arguments)
            #expect(again.status == 0, "round \(round): \(again.stderr)")
            #expect(Self.everyByte(journal).contains("\"n1\"") == decrypting, "round \(round): \(journal.fileNames)")
            #expect(journal.run("show", "--json").stdout == shown.stdout)
        }
        print("ENCRYPT/DECRYPT KILL TEST: \(kills) kills, \(finished) finished first, 0 journals that did not open, 0 entries lost")
        #expect(kills > 0)
    }
}
