import Foundation
import Glibc
import JournalCore

/// A journal kept on several machines (format version 2): this machine appends only to its
/// own log, under its own lock, and reads every machine's log (see `DeviceLogs`).
extension JournalStore {
    /// This machine's log, when this machine writes.
    var ownLogPath: String? { localDevice.map { layout.file(LogFileName.deviceLog($0.id)) } }

    /// Any `journal.<device>.jsonl` in the folder (a joined folder may get those before
    /// `journal.jsonl` arrives).
    func hasDeviceLogFiles() -> Bool {
        ((try? fileSystem.listDirectory(directory)) ?? []).contains {
            if case .deviceLog? = LogFileName($0) { return true } else { return false }
        }
    }

    /// From here on the folder is read as device logs.
    func switchToDeviceLogs(disk: Disk) throws(StoreError) {
        position = nil
        let writes = mode == .readWrite && localDevice.map { !$0.readOnly } == true && !isReadOnly
        deviceLogs = DeviceLogs(directory: layout, ownDevice: writes ? localDevice?.id : nil)
        deviceLogs?.key = dataKey
        if mode == .readWrite && !isReadOnly {
            if localDevice == nil {
                markReadOnly("this journal is kept on several machines and this copy of IsoJournal has no device id")
            } else if localDevice?.readOnly == true {
                markReadOnly("this machine is set to view the journal only (isojournal sync read-only off changes that)")
            }
        }
        try refreshDeviceLogs(disk: disk)
    }

    /// Catches up with every log. When this machine writes, under its lock: removes its stale
    /// temporary files and sets aside a torn tail of its own log first.
    func refreshDeviceLogs(disk: Disk) throws(StoreError) {
        guard var logs = deviceLogs else { return }
        guard let device = logs.ownDevice, !isReadOnly else {
            try logs.refresh(disk: disk)
            finishRefresh(logs)
            return
        }
        let lock = try JournalLock.acquire(path: layout.file(LogFileName.lock(device)), disk: disk, timeout: lockTimeout)
        defer { lock.release(disk: disk) }
        try refreshUnderOwnLock(&logs, disk: disk)
        finishRefresh(logs)
    }

    /// Under this machine's lock: catch up, tidy this machine's leftovers, set aside its torn tail.
    private func refreshUnderOwnLock(_ logs: inout DeviceLogs, disk: Disk) throws(StoreError) {
        guard let own = logs.ownLogName else { return }
        let ownPath = layout.file(own)
        for name in (try? fileSystem.listDirectory(directory)) ?? [] where name.hasPrefix(own + ".tmp-") {
            try? fileSystem.unlink(layout.file(name))
        }
        try logs.refresh(disk: disk)
        guard let source = logs.sources[own], !source.tail.isEmpty, let position = source.position,
              logs.newestVersion <= JournalHeader.currentSchemaVersion else { return }
        guard let fd = try disk.openIfPresent(ownPath, flags: O_RDWR | Disk.journalFlags) else { return }
        defer { disk.closeQuietly(fd) }
        let count = source.tail.count
        do {
            let sidePath = try TornTail.setAside(source.tail, journalFD: fd, keepLength: position.length,
                                                 layout: layout, disk: disk, now: clock())
            logs.ownTailSetAside(length: position.length)
            addNotice("The last line of this machine's log was unfinished, probably cut off by a crash or power loss "
                      + "while something was being saved. That unfinished part (\(count) byte\(count == 1 ? "" : "s")) "
                      + "was moved to \(sidePath). Everything before it is open and unchanged.")
        } catch {
            markReadOnly("its unfinished last line could not be set aside")
            addNotice("The last line of this machine's log \(ownPath) is unfinished, and IsoJournal could not move it "
                      + "aside: \(error.cause?.plainWords ?? error.message). Your journal is open for viewing only.")
        }
    }

    /// Takes the merged journal and says what needs saying once: a newer version somewhere,
    /// another machine's file that stops at an unreadable line.
    private func finishRefresh(_ logs: DeviceLogs) {
        deviceLogs = logs
        journal = logs.journal
        noticeIfNewer(logs.newestVersion, what: "A log in this journal was")
        for (file, detail) in logs.damagedSources where !reportedDamage.contains(file + detail) {
            reportedDamage.insert(file + detail)
            addNotice("\(layout.file(file)) stops at a line IsoJournal cannot read (\(detail)); the lines before it are "
                      + "shown. If a sync tool is still copying it, this goes away; `isojournal check` says more.")
        }
    }

    /// The load-modify-save cycle on this machine's own log (see `commit`).
    func commitToOwnLog(_ decide: (Journal) -> Result<[JournalChange], any Error>) throws(StoreError) -> Result<Journal, any Error> {
        try underOwnLockCaughtUp { (logs: inout DeviceLogs, device: String, disk: Disk) throws(StoreError) -> Result<Journal, any Error> in
            try commitChanges(decide, logs: &logs, device: device, disk: disk)
        }
    }

    /// Takes this machine's lock and catches up with every log, then runs `body`. What was
    /// caught up is only taken into memory once a save lands (or when nothing is to be
    /// written), like a one-file save, so a failed save leaves memory as it was.
    private func underOwnLockCaughtUp<T>(_ body: (inout DeviceLogs, String, Disk) throws(StoreError) -> T) throws(StoreError) -> T {
        guard var logs = deviceLogs, let device = logs.ownDevice, let ownPath = ownLogPath else {
            throw .readOnly(file: journalPath, reason: readOnlyReason ?? "this machine does not write to this journal")
        }
        let disk = Disk(fileSystem: fileSystem, activity: .saving)
        let lock = try JournalLock.acquire(path: layout.file(LogFileName.lock(device)), disk: disk, timeout: lockTimeout)
        defer { lock.release(disk: disk) }
        try refreshUnderOwnLock(&logs, disk: disk)
        if logs.newestVersion > JournalHeader.currentSchemaVersion { finishRefresh(logs) }
        if let readOnlyReason { throw .readOnly(file: ownPath, reason: readOnlyReason) }
        return try body(&logs, device, disk)
    }

    private func commitChanges(_ decide: (Journal) -> Result<[JournalChange], any Error>, logs: inout DeviceLogs,
                               device: String, disk: Disk) throws(StoreError) -> Result<Journal, any Error> {
        let changes: [JournalChange]
        switch decide(logs.journal) {
        case .failure(let error):
            finishRefresh(logs)
            return .failure(error)
        case .success(let decided): changes = decided
        }
        guard !changes.isEmpty else {
            finishRefresh(logs)
            return .success(journal)
        }

        // Each line: numbered after the highest revision any machine wrote, a sequence after
        // every line read, and how many revisions of the record this machine knew.
        var working = logs.journal
        var sequence = logs.maxSequence
        var lines: [UInt8] = []
        var lastLine: [UInt8] = []
        var written: [Entry] = []
        let now = clock()
        for change in changes {
            var entry = change.entry(after: working.highestRevision(of: change.id), recordedAt: now)
            sequence += 1
            entry.origin = EntryOrigin(device: device, sequence: sequence, knownRevisions: working.revisionCount(of: change.id))
            do throws(EntryCodec.Problem) {
                try EntryCodec.check(entry)
                let plain = EntryCodec.encodeLine(entry, retractedKind: working.latestRevision(of: change.id)?.body?.kindName)
                let read = try EntryCodec.decodeLine(plain)
                lastLine = JournalCipher.onDisk(plain, key: dataKey)
                working.apply(read)
                written.append(read)
            } catch {
                throw .invalidChange(id: change.id.rawValue, detail: error.detail)
            }
            lines += lastLine
        }

        try appendToOwnLog(lines, entries: written, lastLine: lastLine, logs: &logs, disk: disk)
        return .success(journal)
    }

    /// Under this machine's lock, caught up: appends lines read elsewhere as they are (for
    /// `sync tidy`), so they keep their origin and their place in the merged order.
    func commitLines(_ choose: (DeviceLogs) -> [Entry]) throws(StoreError) -> Journal {
        try underOwnLockCaughtUp { (logs: inout DeviceLogs, _: String, disk: Disk) throws(StoreError) -> Journal in
            try appendCarried(choose(logs), logs: &logs, disk: disk)
        }
    }

    private func appendCarried(_ entries: [Entry], logs: inout DeviceLogs, disk: Disk) throws(StoreError) -> Journal {
        guard !entries.isEmpty else {
            finishRefresh(logs)
            return journal
        }
        var lines: [UInt8] = []
        var lastLine: [UInt8] = []
        for entry in entries {
            if case .unrecognized(let kind)? = entry.body {
                throw .invalidChange(id: entry.id.rawValue, detail: "it is a \"\(kind)\" record from a newer IsoJournal; update IsoJournal first")
            }
            lastLine = JournalCipher.onDisk(EntryCodec.encodeLine(entry), key: dataKey)
            lines += lastLine
        }
        try appendToOwnLog(lines, entries: entries, lastLine: lastLine, logs: &logs, disk: disk)
        return journal
    }

    /// Appends and syncs `lines` (the encoded `entries`) to this machine's log, creating it with
    /// its header on the first save, then takes them into the merged journal.
    private func appendToOwnLog(_ lines: [UInt8], entries written: [Entry], lastLine: [UInt8],
                                logs: inout DeviceLogs, disk: Disk) throws(StoreError) {
        guard let device = logs.ownDevice, let ownPath = ownLogPath else { return }
        let changes = written
        let saved: FilePosition
        let fd = try disk.openIfPresent(ownPath, flags: O_RDWR | O_APPEND | Disk.journalFlags)
        defer { if let fd { disk.closeQuietly(fd) } }
        if let fd {
            // The log exists: only ever appended to, never replaced (if it was not read, refuse).
            guard let start = logs.sources[LogFileName.deviceLog(device)]?.position else {
                throw .notSaved(file: ownPath, cause: SystemError(EIO, call: "read"))
            }
            try append(lines, to: fd, restoringLength: start.length, disk: disk, file: ownPath)
            saved = FilePosition(device: start.device, inode: start.inode, length: start.length + lines.count,
                                 lineCount: start.lineCount + changes.count, lastLine: lastLine,
                                 schemaVersion: start.schemaVersion)
        } else {
            let header = JournalHeader(schemaVersion: JournalHeader.deviceLogsVersion, createdAt: clock(), device: device).encodeLine()
            let status = try createJournal(containing: header + lines, disk: disk, at: ownPath)
            saved = FilePosition(device: status.device, inode: status.inode, length: header.count + lines.count,
                                 lineCount: 1 + changes.count, lastLine: lastLine,
                                 schemaVersion: JournalHeader.deviceLogsVersion)
        }
        logs.adoptAppended(written, position: saved)
        finishRefresh(logs)
    }
}

extension JournalStore {
    /// Whether the folder holds a several-machines journal, judged without opening it: a
    /// version-2 `journal.jsonl`, or any machine's log. (Used to decide whether this machine
    /// needs a device id before the journal is opened.)
    public static func isKeptOnSeveralMachines(directory: String) -> Bool {
        let layout = DataDirectory(path: directory)
        let fd = Glibc.open(layout.journalPath, O_RDONLY | Disk.journalFlags)
        if fd >= 0 {
            defer { Glibc.close(fd) }
            var buffer = [UInt8](repeating: 0, count: 512)
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count > 0, let end = buffer[..<count].firstIndex(of: 0x0A),
               let header = try? JournalHeader.decodeLine(Data(buffer[..<end])),
               header.schemaVersion == JournalHeader.deviceLogsVersion {
                return true
            }
        }
        // Any machine's log counts too: a one-file journal.jsonl can come back over the version-2
        // header through a sync tool (a machine that had not yet synced wrote to it), and the
        // logs must not then be ignored.
        return ((try? FileManager.default.contentsOfDirectory(atPath: layout.path)) ?? []).contains {
            if case .deviceLog? = LogFileName($0) { return true } else { return false }
        }
    }

    /// The files a screen watches to notice another copy's save: the journal, or every log.
    public var watchedFiles: [String] {
        guard deviceLogs != nil else { return [journalPath] }
        return ((try? fileSystem.listDirectory(directory)) ?? []).filter { LogFileName($0) != nil }.sorted().map(layout.file)
    }
}
