import Foundation
import Glibc
import JournalCore

/// What `isojournal sync status` says: which machines wrote, what the sync tool left behind.
public struct SyncOverview: Sendable {
    public struct Device: Sendable {
        public var id: String
        public var file: String
        /// Lines in its log (its own and any carried over by `sync tidy`).
        public var lines: Int
        public var lastRecordedAt: Date?
        public var lastSequence: Int
        public var isThisMachine: Bool
    }

    public struct ConflictCopy: Sendable {
        public var file: String
        public var tool: String
        /// Lines found only in this copy (already part of the journal shown).
        public var linesOnlyHere: Int
    }

    public var devices: [Device]
    public var conflictCopies: [ConflictCopy]
    /// Files that stop at a line that cannot be read, with what is wrong.
    public var unreadable: [(file: String, detail: String)]
    /// Lines written before the journal was kept on several machines.
    public var linesFromBeforeDevices: Int
    /// Device ids two machines seem to share (see `DeviceLogs.sharedDeviceIDs`).
    public var sharedDeviceIDs: [String] = []
}

extension JournalStore {
    /// The devices and conflict copies of a several-machines journal; nil for a one-file journal.
    public var syncOverview: SyncOverview? {
        guard let logs = deviceLogs else { return nil }
        var devices: [SyncOverview.Device] = []
        var copies: [SyncOverview.ConflictCopy] = []
        let inOriginals = logs.linesOutsideConflictCopies
        var legacy = 0
        for (name, source) in logs.sources.sorted(by: { $0.key < $1.key }) {
            switch source.name {
            case .journal:
                if !source.entries.isEmpty {
                    let only = source.entries.filter { !inOriginals.contains($0) }.count
                    copies.append(.init(file: layout.file(name), tool: "a one-file journal brought back by the sync tool",
                                        linesOnlyHere: only))
                }
            case .deviceLog(let device):
                let own = source.entries.filter { $0.origin?.device == device }
                legacy += source.entries.filter { $0.origin == nil }.count
                devices.append(.init(id: device, file: layout.file(name), lines: source.entries.count,
                                     lastRecordedAt: own.map(\.recordedAt).max(), lastSequence: own.compactMap(\.origin?.sequence).max() ?? 0,
                                     isThisMachine: device == localDevice?.id))
            case .conflictCopy(_, let tool):
                let only = source.entries.filter { !inOriginals.contains($0) }.count
                copies.append(.init(file: layout.file(name), tool: tool, linesOnlyHere: only))
            }
        }
        return SyncOverview(devices: devices, conflictCopies: copies, unreadable: logs.damagedSources.map { (layout.file($0.file), $0.detail) },
                            linesFromBeforeDevices: legacy, sharedDeviceIDs: logs.sharedDeviceIDs.sorted())
    }

    /// Folds the sync tool's conflict copies into the journal and removes them: each line found
    /// only in a copy is appended to this machine's log as it is (same origin, so it keeps its
    /// place), synced, and only then are the copies deleted. A crash in between leaves a line in
    /// two files, which reads once. Returns how many lines were carried and copies removed.
    @discardableResult
    public func tidyConflictCopies() throws(StoreError) -> (linesCarried: Int, copiesRemoved: Int) {
        if let readOnlyReason { throw .readOnly(file: journalPath, reason: readOnlyReason) }
        guard let first = deviceLogs, first.ownDevice != nil, !first.conflictCopies.isEmpty else { return (0, 0) }
        var carried: [Entry] = []
        var copies: [String] = []
        _ = try commitLines { logs in
            let originals = logs.linesOutsideConflictCopies
            copies = logs.conflictCopies
            var seen = originals
            for name in copies {
                for entry in logs.sources[name]?.entries ?? [] where !seen.contains(entry) {
                    seen.insert(entry)
                    carried.append(entry)
                }
            }
            return carried
        }
        let disk = Disk(fileSystem: fileSystem, activity: .saving)
        for name in copies where name != DataDirectory.journalName { try? fileSystem.unlink(layout.file(name)) }
        if copies.contains(DataDirectory.journalName) {
            // Its lines are in this machine's log now: it becomes the version-2 header again.
            let header = JournalHeader(schemaVersion: JournalHeader.deviceLogsVersion, createdAt: clock()).encodeLine()
            _ = try createJournal(containing: header, disk: disk)
        }
        try? disk.fsyncDirectory(directory, file: journalPath)
        _ = try reload()
        return (carried.count, copies.count)
    }
}

extension DeviceLogs {
    /// Every line of the logs (not of conflict copies, nor of a one-file `journal.jsonl`).
    var linesOutsideConflictCopies: Set<LineIdentity> {
        var lines: Set<LineIdentity> = []
        for source in sources.values where !source.name.isConflictCopy && source.name != .journal {
            for entry in source.entries { lines.insert(LineIdentity(entry)) }
        }
        return lines
    }
}

/// A line as the merge tells lines apart (see `DeviceLogs.SameLine`), usable in a set.
struct LineIdentity: Hashable {
    let entry: Entry
    init(_ entry: Entry) { self.entry = entry }
    func hash(into hasher: inout Hasher) {
        hasher.combine(entry.id)
        hasher.combine(entry.revision)
        hasher.combine(entry.origin)
        hasher.combine(entry.recordedAt)
    }
    static func == (a: LineIdentity, b: LineIdentity) -> Bool { a.entry == b.entry }
}

extension Set where Element == LineIdentity {
    func contains(_ entry: Entry) -> Bool { contains(LineIdentity(entry)) }
    mutating func insert(_ entry: Entry) { insert(LineIdentity(entry)) }
}
