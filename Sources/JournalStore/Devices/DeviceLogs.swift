import Foundation
import Glibc
import JournalCore

/// The logs of a journal kept on several machines (format version 2), read and merged into one
/// `Journal`.
///
/// Every file that holds journal lines is a source: each machine's log, `journal.jsonl`, and
/// any conflict copy a sync tool made of them. The journal is the union of their lines, each
/// line once, in one order every machine computes alike:
/// 1. lines written before the journal had devices (no origin), as they stand in the files,
///    files taken by name (a converted journal's lines keep their order exactly);
/// 2. the rest by their Lamport sequence, then device id, then time, id and revision.
/// Whatever a writer had seen has a smaller sequence than what it wrote, so a revision always
/// follows the revisions its writer knew, and the newest revision of a record is the same on
/// every machine.
struct DeviceLogs {
    /// One file's lines, as far as they were read.
    struct Source {
        var name: LogFileName
        var position: FilePosition?
        var entries: [Entry] = []
        var schemaVersion = JournalHeader.deviceLogsVersion
        /// A line that could not be read (reading stopped there) — another machine's log may be
        /// arriving through the sync tool; its lines are read once they are whole.
        var damage: String?
        var tail: ArraySlice<UInt8> = []
    }

    let directory: DataDirectory
    /// This machine's id, when it writes (its log's lines are the ones it appends).
    let ownDevice: String?
    /// An encrypted journal's data key (nil: not encrypted, or not unlocked).
    var key: DataKey?
    private(set) var sources: [String: Source] = [:]
    /// The merged journal.
    private(set) var journal = Journal()
    /// The highest sequence number in any log: a new line gets the next one.
    private(set) var maxSequence = 0
    /// The newest format version seen in any source.
    private(set) var newestVersion = JournalHeader.deviceLogsVersion

    init(directory: DataDirectory, ownDevice: String?) {
        self.directory = directory
        self.ownDevice = ownDevice
    }

    var ownLogName: String? { ownDevice.map(LogFileName.deviceLog) }

    /// Conflict copies found, by file name — and `journal.jsonl` when it holds entries (a
    /// one-file journal that came back through the sync tool): both are folded in by tidying.
    var conflictCopies: [String] {
        sources.filter { $0.value.name.isConflictCopy || ($0.value.name == .journal && !$0.value.entries.isEmpty) }.keys.sorted()
    }

    /// Devices whose id two machines seem to share: two different lines with one device and
    /// sequence number (a copied home folder gives a second machine the first one's id).
    private(set) var sharedDeviceIDs: Set<String> = []

    /// Files that stopped at a line that could not be read, with what was wrong.
    var damagedSources: [(file: String, detail: String)] {
        sources.compactMap { name, source in source.damage.map { (name, $0) } }.sorted { $0.file < $1.file }
    }

    /// Reads what changed in the folder since the last look: new lines of grown files, whole
    /// files that are new or were replaced; files that are gone are dropped. The merged journal
    /// is rebuilt unless the only news is lines this machine appended at the end.
    /// Throws only for this machine's own log (a damaged own log must not be written after).
    mutating func refresh(disk: Disk) throws(StoreError) {
        // A listing that fails must never read as "every log is gone".
        let names: [String]
        do { names = try disk.fileSystem.listDirectory(directory.path) } catch { throw disk.failure(directory.path, error) }
        var present: Set<String> = []
        var appendedOwn: [Entry] = []
        var rebuild = false
        for name in names.sorted() {
            guard let kind = LogFileName(name) else { continue }
            present.insert(name)
            let isOwn = name == ownLogName
            switch try read(name, kind: kind, isOwn: isOwn, disk: disk) {
            case .unchanged: break
            case .appended(let entries):
                if isOwn { appendedOwn += entries } else if !entries.isEmpty { rebuild = true }
            case .replaced: rebuild = true
            }
        }
        for name in sources.keys where !present.contains(name) {
            sources[name] = nil
            rebuild = true
        }
        // Lines this machine appended sort last when each comes after everything read so far.
        if !rebuild, !appendedOwn.isEmpty {
            var sequence = maxSequence
            for entry in appendedOwn {
                guard let origin = entry.origin, origin.sequence > sequence else { rebuild = true; break }
                sequence = origin.sequence
            }
        }
        if rebuild {
            merge()
        } else {
            for entry in appendedOwn { journal.apply(entry) }
            maxSequence = appendedOwn.compactMap(\.origin?.sequence).max().map { max($0, maxSequence) } ?? maxSequence
        }
    }

    /// Takes lines this machine has just appended (and synced) to its own log.
    mutating func adoptAppended(_ entries: [Entry], position: FilePosition) {
        guard let own = ownLogName else { return }
        var source = sources[own] ?? Source(name: .deviceLog(device: ownDevice ?? ""))
        source.entries += entries
        source.position = position
        source.tail = []
        sources[own] = source
        for entry in entries { journal.apply(entry) }
        maxSequence = max(maxSequence, entries.compactMap(\.origin?.sequence).max() ?? 0)
    }

    /// After this machine's torn tail was set aside, its log ends at `length`.
    mutating func ownTailSetAside(length: Int) {
        guard let own = ownLogName, var source = sources[own] else { return }
        source.tail = []
        source.position?.length = length
        sources[own] = source
    }

    // MARK: - Reading one file

    private enum ReadOutcome { case unchanged, appended([Entry]), replaced }

    private mutating func read(_ name: String, kind: LogFileName, isOwn: Bool, disk: Disk) throws(StoreError) -> ReadOutcome {
        let path = directory.file(name)
        let fd: Int32
        do {
            guard let opened = try disk.openIfPresent(path, flags: O_RDONLY | Disk.journalFlags) else {
                return sources[name] == nil ? .unchanged : .replaced
            }
            fd = opened
        } catch {
            if isOwn { throw error }
            switch error {
            case .symbolicLink, .notAFile:
                // Another machine's file that is not a file (a link, a pipe): left out, and said by `check`.
                let hadLines = !(sources[name]?.entries.isEmpty ?? true)
                sources[name] = Source(name: kind, damage: error.message)
                return hadLines ? .replaced : .unchanged
            default:
                // A passing failure (I/O, memory): keep what was read before rather than drop it.
                return .unchanged
            }
        }
        defer { disk.closeQuietly(fd) }
        let status: FileStatus
        do { status = try disk.fstat(fd, file: path) } catch {
            if isOwn { throw error }
            return .unchanged
        }
        guard status.kind == .regular else {
            if isOwn { throw .notAFile(file: path) }
            sources[name] = Source(name: kind, damage: "it is not a regular file")
            return .replaced
        }

        var source = sources[name] ?? Source(name: kind)
        var start: FilePosition?
        let bytes: [UInt8]
        do {
            if let position = source.position, position.isSameFile(as: status), status.size >= position.length,
               source.damage == nil,
               try disk.read(fd, count: position.lastLine.count, at: position.length - position.lastLine.count, file: path)
                == position.lastLine {
                start = position
                if status.size == position.length { return .unchanged }
            }
            bytes = try disk.readToEnd(fd, from: start?.length ?? 0, sizeHint: status.size, file: path)
        } catch {
            if isOwn { throw error }
            return .unchanged // read again next time; what was read stays
        }
        let from = start?.length ?? 0
        let result: JournalReader.Result
        do {
            result = try JournalReader.read(bytes, firstLine: (start?.lineCount ?? 0) + 1, startsWithHeader: start == nil,
                                            schemaVersion: start?.schemaVersion ?? JournalHeader.deviceLogsVersion,
                                            stopAtDamage: !isOwn, key: key)
        } catch {
            if isOwn {
                let version = error.schemaVersion ?? JournalHeader.deviceLogsVersion
                if version > JournalHeader.currentSchemaVersion { throw .newerVersion(file: path, schemaVersion: version) }
                throw .damaged(file: path, line: error.line, detail: error.detail)
            }
            // An unreadable header: a file still arriving, or not ours. Nothing of it is used.
            if bytes.isEmpty || start == nil {
                let hadLines = !(sources[name]?.entries.isEmpty ?? true)
                sources[name] = Source(name: kind, damage: bytes.isEmpty ? nil : "line \(error.line): \(error.detail)")
                return hadLines ? .replaced : .unchanged
            }
            throw .damaged(file: path, line: error.line, detail: error.detail)
        }
        let version = result.header?.schemaVersion ?? start?.schemaVersion ?? JournalHeader.deviceLogsVersion
        newestVersion = max(newestVersion, version)
        if let damage = result.damage { source.damage = "line \(damage.line): \(damage.detail)" }
        source.schemaVersion = version
        source.tail = result.tail
        if start == nil { source.entries = [] }
        source.entries += result.entries
        let lastLine = result.completeLength > 0 ? result.lastLine : (start?.lastLine ?? [])
        source.position = FilePosition(device: status.device, inode: status.inode, length: from + result.completeLength,
                                       lineCount: (start?.lineCount ?? 0) + result.lineCount, lastLine: lastLine,
                                       schemaVersion: version)
        if result.completeLength == 0 && start == nil { source.position = nil }
        sources[name] = source
        return start == nil ? .replaced : .appended(result.entries)
    }

    // MARK: - Merging

    /// Where a line with an origin goes in the merged order (see the type's comment).
    private struct OrderKey: Comparable {
        var sequence: Int
        var device: String
        var recordedAt: Date
        var id: String
        var revision: Int

        init(_ entry: Entry, _ origin: EntryOrigin) {
            sequence = origin.sequence
            device = origin.device
            recordedAt = entry.recordedAt
            id = entry.id.rawValue
            revision = entry.revision
        }

        static func < (a: OrderKey, b: OrderKey) -> Bool {
            if a.sequence != b.sequence { return a.sequence < b.sequence }
            if a.device != b.device { return a.device < b.device }
            if a.recordedAt != b.recordedAt { return a.recordedAt < b.recordedAt }
            if a.id != b.id { return a.id < b.id }
            return a.revision < b.revision
        }
    }

    /// The same line in two files (a log and its conflict copy, or a line `sync tidy` carried
    /// over) is one line: same record, revision, writer, sequence and time, and equal content.
    private struct SameLine: Hashable {
        var id: EntryID
        var revision: Int
        var origin: EntryOrigin?
        var recordedAt: Date
    }

    /// Rebuilds the merged journal from every source's lines.
    private mutating func merge() {
        // The same line can only be in two files when there is a conflict copy, a line `sync tidy`
        // carried into another machine's log, or lines from before devices in two files; without
        // those (the usual case) every line is read once and nothing needs comparing.
        var legacySources = 0
        var needsComparing = false
        for source in sources.values where !source.entries.isEmpty {
            switch source.name {
            case .conflictCopy: needsComparing = true
            case .journal: legacySources += 1
            case .deviceLog(let device):
                if source.entries.contains(where: { $0.origin == nil }) { legacySources += 1 }
                if source.entries.contains(where: { $0.origin.map { $0.device != device } ?? false }) { needsComparing = true }
            }
        }
        needsComparing = needsComparing || legacySources > 1
        var seen: [SameLine: [Entry]] = [:]
        var bySequence: [EntryOrigin: Entry] = [:]
        var shared: Set<String> = []
        var legacy: [Entry] = []
        var lines: [(key: OrderKey, entry: Entry)] = []
        lines.reserveCapacity(sources.values.reduce(0) { $0 + $1.entries.count })
        var highest = 0
        for name in sources.keys.sorted() {
            for entry in sources[name]!.entries {
                if needsComparing {
                    let same = SameLine(id: entry.id, revision: entry.revision, origin: entry.origin, recordedAt: entry.recordedAt)
                    if let earlier = seen[same], earlier.contains(entry) { continue }
                    seen[same, default: []].append(entry)
                }
                if let origin = entry.origin {
                    if needsComparing { // two machines with one id show up as a conflict copy of that log
                        let slot = EntryOrigin(device: origin.device, sequence: origin.sequence, knownRevisions: 0)
                        if let other = bySequence[slot], other != entry { shared.insert(origin.device) } else { bySequence[slot] = entry }
                    }
                    lines.append((OrderKey(entry, origin), entry))
                    highest = max(highest, origin.sequence)
                } else {
                    legacy.append(entry)
                }
            }
        }
        lines.sort { $0.key < $1.key }
        var merged = Journal()
        for entry in legacy { merged.apply(entry) }
        for line in lines { merged.apply(line.entry) }
        journal = merged
        maxSequence = highest
        sharedDeviceIDs = shared
    }

    /// Every line of the merged journal once, in the merged order, as they would be written —
    /// for a snapshot, which is one file.
    var mergedRevisions: [Entry] { journal.revisions }
}
