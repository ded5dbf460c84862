import Foundation
import Glibc
import JournalCore
import Testing
@testable import JournalStore

/// Two and three machines, each with its own copy of the data folder, making entries and
/// corrections while apart, synced by copying files the way a file-sync tool does (whole-file
/// replace in random orders, files caught half-copied, conflict copies of older versions).
/// After every round is synced everywhere: every acknowledged entry is present exactly once on
/// every machine, all machines show the same journal, and no revision of a conflict is lost.
@Suite("Several machines through a file-sync tool (seeded simulation)")
struct SyncSimulationTests {
    /// Same seed, same run: a failure names its seed and can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D1_0499_133A_11EB
            return z ^ (z >> 31)
        }
    }

    final class Machine {
        let folder: String
        let device: LocalDevice
        let clock: TestClock
        var store: JournalStore
        init(folder: String, device: LocalDevice, clock: TestClock) throws {
            self.folder = folder
            self.device = device
            self.clock = clock
            store = try JournalStore(directory: folder, clock: clock.read, device: device)
        }
    }

    /// What the simulation did, summed over all seeds (printed for the issue note).
    struct Tally { var rounds = 0, entries = 0, twoDeviceRecords = 0, conflictCopies = 0, partialCopies = 0 }

    @Test(arguments: [2, 3])
    func machinesApartThenSynced(machineCount: Int) throws {
        var tally = Tally()
        for seed in 1...20 {
            try withTemporaryDirectory { root in
                try run(seed: UInt64(seed * 100 + machineCount), machineCount: machineCount, root: root, tally: &tally)
            }
        }
        print("sync simulation, \(machineCount) machines: \(tally.rounds) rounds, \(tally.entries) acknowledged entries, "
              + "\(tally.twoDeviceRecords) records changed on two devices, \(tally.conflictCopies) conflict copies and "
              + "\(tally.partialCopies) half-copied files absorbed, 0 lost, 0 doubled")
    }

    private func run(seed: UInt64, machineCount: Int, root: String, tally: inout Tally) throws {
        var random = SeededGenerator(state: seed)
        var machines: [Machine] = []
        for index in 0..<machineCount {
            let folder = root + "/m\(index)"
            mkdir(folder, 0o700)
            let clock = TestClock(Sample.time + Double(index) * 3_600 * (index.isMultiple(of: 2) ? 1 : -1)) // skewed clocks
            let device = LocalDevice(id: String(format: "%04x%08x", index + 1, seed & 0xFFFF_FFFF))
            if index > 0 { Self.copy(root + "/m0/journal.jsonl", to: folder + "/journal.jsonl") }
            let machine = try Machine(folder: folder, device: device, clock: clock)
            if index == 0 { _ = try machine.store.convertToDeviceLogs() }
            machines.append(machine)
        }
        #expect(machines.allSatisfy { $0.store.hasDeviceLogs && !$0.store.isReadOnly }, "seed \(seed)")

        var acknowledged: [Entry] = []
        let days = (0..<3).map { Sample.day.adding(days: $0) }
        let slugs = ["dry-lips", "nosebleed", "headache"]
        for _ in 0..<60 {
            let machine = machines[Int.random(in: 0..<machineCount, using: &random)]
            machine.clock.advance(Double.random(in: 1...900, using: &random))
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<50: // an entry or a correction (few ids, so machines collide)
                let day = days.randomElement(using: &random)!, slug = slugs.randomElement(using: &random)!
                let journal = try machine.store.record([Sample.symptom(slug, grade: Int.random(in: 0...3, using: &random), day: day)])
                acknowledged.append(journal.revisions.last!)
            case 50..<58: // a withdrawal of something this machine sees
                guard let target = machine.store.journal.currentEntries.randomElement(using: &random) else { continue }
                let journal = try machine.store.record([.retract(id: target.id, day: target.day, reason: "mistake")])
                acknowledged.append(journal.revisions.last!)
            case 58..<88: // the sync tool copies one machine's files to another
                let from = machines.randomElement(using: &random)!, to = machines.randomElement(using: &random)!
                guard from !== to else { continue }
                tally.partialCopies += Self.syncFiles(from.folder, to: to.folder, random: &random)
            case 88..<94: // a conflict copy of an older version appears (a restore, a hand copy)
                tally.conflictCopies += Self.makeConflictCopy(in: machine.folder, random: &random) ? 1 : 0
            default: // a fresh start of the program instead of catching up
                machine.store = try JournalStore(directory: machine.folder, clock: machine.clock.read, device: machine.device)
            }
        }
        // The sync tool finishes: every file complete everywhere.
        for _ in 0..<2 {
            for from in machines { for to in machines where from !== to { Self.syncAll(from.folder, to: to.folder) } }
        }
        let journals = try machines.map { try $0.store.reload() }
        let fresh = try machines.map { try JournalStore(directory: $0.folder, device: $0.device).journal }
        for (index, journal) in (journals + fresh).enumerated() {
            for entry in acknowledged {
                let count = journal.revisions.filter { $0 == entry }.count
                #expect(count == 1, "seed \(seed): machine \(index % machineCount) has \(entry.id) rev \(entry.revision) from \(entry.origin!.device) \(count) times")
            }
            #expect(journal.revisions.count == acknowledged.count, "seed \(seed): machine \(index % machineCount)")
            #expect(journal.revisions == journals[0].revisions, "seed \(seed): machine \(index % machineCount) shows another order")
            #expect(journal.recordsChangedOnTwoDevices == journals[0].recordsChangedOnTwoDevices, "seed \(seed)")
        }
        tally.rounds += 1
        tally.entries += acknowledged.count
        tally.twoDeviceRecords += journals[0].recordsChangedOnTwoDevices.count
    }

    static func copy(_ from: String, to: String) {
        guard let bytes = fileBytes(from) else { return }
        writeFile(to + ".sync-tmp", bytes)
        rename(to + ".sync-tmp", to)
    }

    /// Copies each log that is newer (longer) in `from`; some copies stop part-way, written in
    /// place as a tool that does not use temporary files would leave them. Returns how many.
    static func syncFiles(_ from: String, to: String, random: inout SeededGenerator) -> Int {
        var partial = 0
        for name in directoryNames(from) where LogFileName(name) != nil {
            guard let bytes = fileBytes(from + "/" + name) else { continue }
            let theirs = fileBytes(to + "/" + name) ?? []
            guard bytes.count > theirs.count || (name == "journal.jsonl" && bytes != theirs) else { continue }
            guard Bool.random(using: &random) else { continue } // files arrive in any order, some later
            if bytes.count > theirs.count + 2, Int.random(in: 0..<4, using: &random) == 0 {
                writeFile(to + "/" + name, Array(bytes.prefix(Int.random(in: (theirs.count + 1)..<bytes.count, using: &random))))
                partial += 1
            } else {
                copy(from + "/" + name, to: to + "/" + name)
            }
        }
        return partial
    }

    static func syncAll(_ from: String, to: String) {
        for name in directoryNames(from) where LogFileName(name) != nil {
            let bytes = fileBytes(from + "/" + name)!, theirs = fileBytes(to + "/" + name) ?? []
            if bytes.count > theirs.count || (name == "journal.jsonl" && bytes != theirs && !theirs.isEmpty) {
                copy(from + "/" + name, to: to + "/" + name)
            }
        }
    }

    /// Beside a random log, an older version of it under a sync tool's conflict name.
    static func makeConflictCopy(in folder: String, random: inout SeededGenerator) -> Bool {
        let logs = directoryNames(folder).filter { if case .deviceLog? = LogFileName($0) { return true } else { return false } }
        guard let name = logs.randomElement(using: &random), let bytes = fileBytes(folder + "/" + name) else { return false }
        let ends = bytes.indices.filter { bytes[$0] == 0x0A }
        guard let end = ends.randomElement(using: &random) else { return false }
        let stem = String(name.dropLast(".jsonl".count))
        let stamp = Int.random(in: 100_000...999_999, using: &random)
        let copyName = Bool.random(using: &random)
            ? "\(stem).sync-conflict-20261130-\(stamp)-ABCDEFG.jsonl"
            : "\(stem) (conflicted copy 2026-11-30 \(stamp)).jsonl"
        writeFile(folder + "/" + copyName, Array(bytes[...end]))
        return true
    }
}
