import Foundation
import Glibc
import JournalCore
@testable import JournalStore
import Testing

/// Every system call a save makes is failed in turn — once, and from then on — with a full
/// disk and with an I/O error. The file must be as before or hold the new entry completely,
/// the in-memory journal must not change on failure, and the message must say it was not saved.
@Suite("Failing every system call of a save")
struct FaultInjectionTests {
    enum Scenario: CaseIterable {
        /// The journal exists.
        case existing
        /// The first entry: the journal is created from a temporary file.
        case missing
        /// Another copy appended after we opened: the save reads its lines first.
        case grownByOther
    }

    /// One file (format 1), or this machine's log in a journal kept on several machines.
    enum Layout: CaseIterable { case oneFile, deviceLogs }

    struct Setup {
        var store: JournalStore
        var fileSystem: FaultyFileSystem
        var directory: String
        /// The file a save appends to.
        var file: String
    }

    static let device = LocalDevice(id: "faded0000001")

    let change = Sample.symptom("acne", grade: 2, note: "chin")

    func prepare(_ scenario: Scenario, _ layout: Layout, in dir: String) throws -> Setup {
        if scenario != .missing { try Sample.writeMixedJournal(in: dir) }
        var file = dir + "/journal.jsonl"
        if layout == .deviceLogs {
            _ = try JournalStore(directory: dir, clock: TestClock().read, device: Self.device).convertToDeviceLogs()
            file = dir + "/" + LogFileName.deviceLog(Self.device.id)
            // A machine that joined and has not written yet has no log: its first save creates it.
            if scenario == .missing { unlink(file) }
        }
        let fileSystem = FaultyFileSystem()
        let store = try JournalStore(directory: dir, fileSystem: fileSystem, clock: TestClock().read, device: Self.device)
        if scenario == .grownByOther {
            try JournalStore(directory: dir, clock: TestClock().read, device: Self.device).record([Sample.symptom("headache", grade: 1)])
        }
        return Setup(store: store, fileSystem: fileSystem, directory: dir, file: file)
    }

    /// What a save that works produces: the file, the journal in memory, the calls it made.
    func reference(_ scenario: Scenario, _ layout: Layout) throws -> (file: [UInt8], memory: [Entry], calls: [String]) {
        try withTemporaryDirectory { dir in
            let setup = try prepare(scenario, layout, in: dir)
            setup.fileSystem.arm(failAt: nil)
            try setup.store.record([change])
            return (fileBytes(setup.file)!, setup.store.journal.revisions, setup.fileSystem.calls)
        }
    }

    @Test(arguments: Scenario.allCases, Layout.allCases)
    func failingAnyCallNeverHarmsTheJournal(scenario: Scenario, layout: Layout) throws {
        let expected = try reference(scenario, layout)
        #expect(expected.calls.contains("fsync") && expected.calls.contains("write"))
        var failures = 0
        for failAt in 1...(expected.calls.count + 1) {
            for pattern in [FaultyFileSystem.Pattern.once, .fromThenOn] {
                for code in [ENOSPC, EIO] {
                    let label = "\(scenario) \(layout), call \(failAt) (\(failAt <= expected.calls.count ? expected.calls[failAt - 1] : "none")) failing \(pattern) with errno \(code)"
                    try withTemporaryDirectory { dir in
                        let setup = try prepare(scenario, layout, in: dir)
                        let store = setup.store
                        let before = fileBytes(setup.file)
                        let memory = store.journal.revisions
                        setup.fileSystem.arm(failAt: failAt, pattern: pattern, errno: code)
                        let error = storeError { try store.record([change]) }
                        let calls = setup.fileSystem.calls
                        setup.fileSystem.disarm()
                        let after = fileBytes(setup.file)

                        if let error {
                            failures += 1
                            guard case .notSaved(let file, let cause) = error else {
                                Issue.record("\(label): \(error)"); return
                            }
                            #expect(file.hasPrefix(dir), "\(label)")
                            #expect(cause.code == code, "\(label)")
                            #expect(error.message.contains("NOT saved") && error.message.contains(file), "\(label)")
                            #expect(error.message.contains(code == ENOSPC ? "disk is full" : "Input/output error"), "\(label)")
                            #expect(store.journal.revisions == memory, "\(label): memory unchanged")
                            let asBefore = after == before, complete = after == expected.file
                            if pattern == .once {
                                #expect(asBefore, "\(label): file as before")
                            } else {
                                #expect(asBefore || complete, "\(label): as before or complete")
                            }
                            // A failed fsync is never retried on the same descriptor.
                            if let fsyncFailure = calls.firstIndex(of: "fsync"), fsyncFailure == failAt - 1 {
                                #expect(!calls[(fsyncFailure + 1)...].contains("fsync"), "\(label): \(calls)")
                            }
                        } else {
                            let complete = after == expected.file
                            #expect(complete, "\(label)")
                            #expect(store.journal.revisions == expected.memory, "\(label)")
                        }
                        if pattern == .once {
                            #expect(!directoryNames(dir).contains { $0.contains(".jsonl.tmp-") }, "\(label): temp left")
                        }
                        #expect(!directoryNames(dir).contains { $0.hasPrefix("journal.torn-") }, "\(label)")

                        // Opening again finds a sound journal, no leftovers, and the failed save can be retried.
                        let reopened = try JournalStore(directory: dir, clock: TestClock().read, device: Self.device)
                        #expect(reopened.notices.isEmpty, "\(label): \(reopened.notices)")
                        #expect(!directoryNames(dir).contains { $0.contains(".jsonl.tmp-") }, "\(label)")
                        #expect(reopened.journal.revisions == (after == expected.file ? expected.memory : memory + reopened.journal.revisions.dropFirst(memory.count)), "\(label)")
                        if error != nil && after == before {
                            try store.record([change])
                            let complete = fileBytes(setup.file) == expected.file
                            #expect(complete, "\(label): retry")
                            #expect(store.journal.revisions == expected.memory, "\(label): retry")
                        }
                    }
                }
            }
        }
        #expect(failures > 0)
    }

    @Test(arguments: [Scenario.existing, .missing], Layout.allCases)
    func shortWritesAndInterruptionsAreCarriedOn(scenario: Scenario, layout: Layout) throws {
        let expected = try reference(scenario, layout)
        try withTemporaryDirectory { dir in
            let setup = try prepare(scenario, layout, in: dir)
            setup.fileSystem.writeLimit = 7
            setup.fileSystem.interruptWrites = true
            try setup.store.record([change])
            #expect(fileBytes(setup.file) == expected.file)
            #expect(setup.store.journal.revisions == expected.memory)
        }
    }

    @Test func messagesNameTheProblemInPlainWords() {
        let file = "/home/p/.local/share/isojournal/journal.jsonl"
        let cases: [(Int32, String)] = [(ENOSPC, "the disk is full"), (EFBIG, "larger than this system allows"),
                                        (EROFS, "the disk is read-only"), (EACCES, "permission was denied"),
                                        (EIO, "Input/output error")]
        for (code, words) in cases {
            let message = StoreError.notSaved(file: file, cause: SystemError(code, call: "write")).message
            #expect(message.hasPrefix("Your entry was NOT saved and is still on screen"))
            #expect(message.contains(words) && message.contains(file), "\(message)")
        }
    }
}
