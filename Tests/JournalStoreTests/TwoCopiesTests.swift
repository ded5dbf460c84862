import Foundation
import Glibc
import JournalCore
@testable import JournalStore
import Testing

@Suite("Two copies of IsoJournal at once")
struct TwoCopiesTests {
    @Test func interleavedSavesEachCatchUpWithTheOther() throws {
        try withTemporaryDirectory { dir in
            let clock = TestClock()
            let screen = try JournalStore(directory: dir, clock: clock.read)
            let shell = try JournalStore(directory: dir, clock: clock.read)
            let lips = SymptomRating.entryID(day: Sample.day, symptom: "dry-lips")
            try screen.record([Sample.symptom(grade: 1)])
            try shell.record([Sample.symptom(grade: 2), Sample.symptom("acne", grade: 1)])
            #expect(shell.journal.history(of: lips).map(\.revision) == [1, 2])
            try screen.record([.retract(id: lips, day: Sample.day, reason: nil)])
            #expect(screen.journal.history(of: lips).map(\.revision) == [1, 2, 3])
            #expect(screen.journal.symptomRating(on: Sample.day, symptom: "acne")?.grade == 1)
            try shell.record([Sample.symptom(grade: 3)])
            #expect(shell.journal.history(of: lips).map(\.revision) == [1, 2, 3, 4])
            try screen.reload()
            #expect(screen.journal.revisions == shell.journal.revisions)
            let fresh = try JournalStore(directory: dir)
            #expect(fresh.journal.revisions == shell.journal.revisions)
            #expect(fresh.journal.revisions.count == 5)
        }
    }

    /// Also on one machine of a journal kept on several: two copies share that machine's log and lock.
    @Test(arguments: [false, true])
    func concurrentSavesFromTwoThreadsLoseNothing(deviceLogs: Bool) throws {
        try withTemporaryDirectory { dir in
            let rounds = 40
            let failures = FailureList()
            let device = deviceLogs ? LocalDevice(id: "c0c0c0c0c0c0") : nil
            if let device { _ = try JournalStore(directory: dir, device: device).convertToDeviceLogs() }
            DispatchQueue.concurrentPerform(iterations: 2) { copy in
                do {
                    let store = try JournalStore(directory: dir, lockTimeout: .seconds(20), device: device)
                    for round in 0..<rounds {
                        try store.transaction { journal in
                            // The count lives in the note: a grade is only ever 0–3.
                            let count = journal.symptomRating(on: Sample.day, symptom: "counter")?.note.flatMap { Int($0) } ?? 0
                            return [Sample.symptom("counter", grade: 1, note: String(count + 1)),
                                    Sample.symptom("copy-\(copy)-\(round)", grade: 0)]
                        }
                    }
                } catch {
                    failures.add("\(error)")
                }
            }
            #expect(failures.items.isEmpty)
            let journal = try JournalStore(directory: dir, device: device).journal
            #expect(journal.recordsChangedOnTwoDevices.isEmpty)
            let counter = SymptomRating.entryID(day: Sample.day, symptom: "counter")
            #expect(journal.history(of: counter).map(\.revision) == Array(1...(2 * rounds)))
            #expect(journal.symptomRating(on: Sample.day, symptom: "counter")?.note == String(2 * rounds))
            #expect(journal.revisions.count == 4 * rounds)
        }
    }

    @Test func aHeldLockMakesASaveWaitThenGiveUpWithBusy() throws {
        try withTemporaryDirectory { dir in
            let store = try JournalStore(directory: dir, lockTimeout: .milliseconds(150))
            try store.record([Sample.symptom()])
            let before = fileBytes(store.journalPath)
            let memory = store.journal.revisions

            let holder = open(dir + "/journal.lock", O_RDONLY | O_CLOEXEC)
            #expect(flock(holder, LOCK_EX) == 0)
            let started = ContinuousClock.now
            let error = storeError { try store.record([Sample.symptom("acne", grade: 1)]) }
            let waited = ContinuousClock.now - started
            #expect(error == .busy(file: dir + "/journal.lock"))
            #expect(error?.message.contains("try again") == true)
            #expect(waited >= .milliseconds(140) && waited < .seconds(2))
            #expect(fileBytes(store.journalPath) == before)
            #expect(store.journal.revisions == memory)
            #expect(storeError { _ = try JournalStore(directory: dir, lockTimeout: .milliseconds(50)) } == .busy(file: dir + "/journal.lock"))
            _ = try JournalStore(directory: dir, mode: .readOnly) // viewing needs no lock

            flock(holder, LOCK_UN)
            close(holder)
            try store.record([Sample.symptom("acne", grade: 1)])
            #expect(store.journal.revisions.count == 2)
        }
    }

    @Test func aLockReleasedWhileWaitingIsTaken() throws {
        try withTemporaryDirectory { dir in
            let store = try JournalStore(directory: dir, lockTimeout: .seconds(5))
            let holder = open(dir + "/journal.lock", O_RDONLY | O_CLOEXEC)
            #expect(flock(holder, LOCK_EX) == 0)
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { close(holder) }
            try store.record([Sample.symptom()])
            #expect(store.journal.revisions.count == 1)
        }
    }
}

final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ item: String) { lock.withLock { list.append(item) } }
    var items: [String] { lock.withLock { list } }
}
