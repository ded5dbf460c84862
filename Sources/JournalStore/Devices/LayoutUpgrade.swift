import Foundation
import Glibc
import JournalCore

/// What `convertToDeviceLogs` did.
public struct LayoutUpgrade: Sendable {
    /// Revisions carried into this machine's log.
    public var revisionsCarried: Int
    /// Where the version-1 journal was kept, unchanged (nil when there was none).
    public var originalKeptAt: String?
    /// This machine's log.
    public var ownLog: String
}

extension JournalStore {
    /// Converts a one-file journal (version 1) to device logs (version 2), so the folder can be
    /// shared through a file-sync tool. Crash-safe in this order, each step synced:
    /// 1. the original is copied to `journal.jsonl.v1-<UTC time>` and kept until the person removes it;
    /// 2. this machine's log is written whole (header + every line of the original, byte for
    ///    byte) to a temporary file and renamed into place;
    /// 3. `journal.jsonl` is replaced by the version-2 header, which makes an older IsoJournal
    ///    open the folder for viewing only instead of writing to a file nobody reads any more.
    /// A crash before 3 leaves a version-1 journal that reads as before (the log is ignored
    /// while `journal.jsonl` is version 1) and the conversion can simply be run again.
    public func convertToDeviceLogs() throws(StoreError) -> LayoutUpgrade {
        if let readOnlyReason { throw .readOnly(file: journalPath, reason: readOnlyReason) }
        guard let device = localDevice, !device.readOnly else {
            throw .readOnly(file: journalPath, reason: "this machine is set to view the journal only")
        }
        let ownPath = layout.file(LogFileName.deviceLog(device.id))
        guard deviceLogs == nil else {
            return LayoutUpgrade(revisionsCarried: 0, originalKeptAt: nil, ownLog: ownPath)
        }
        let disk = Disk(fileSystem: fileSystem, activity: .saving)
        let lock = try JournalLock.acquire(path: layout.lockPath, disk: disk, timeout: lockTimeout)
        defer { lock.release(disk: disk) }
        let fd = try disk.openIfPresent(journalPath, flags: O_RDWR | Disk.journalFlags)
        defer { if let fd { disk.closeQuietly(fd) } }
        // From the start: the count reported is the whole journal's, even for a working-set store.
        var caught = try catchUp(fd: fd, disk: disk, fromStart: true)
        if caught.schemaVersion == JournalHeader.deviceLogsVersion {
            try switchToDeviceLogs(disk: Disk(fileSystem: fileSystem, activity: .loading))
            return LayoutUpgrade(revisionsCarried: 0, originalKeptAt: nil, ownLog: ownPath)
        }
        if caught.schemaVersion > JournalHeader.currentSchemaVersion {
            throw .readOnly(file: journalPath, reason: Self.newerVersionReason)
        }
        if let fd { try setAsideTail(&caught, fd: fd, disk: disk) }
        let now = clock()

        var original: [UInt8] = []
        var keptAt: String?
        if let fd, let length = caught.position?.length {
            original = try disk.read(fd, count: length, at: 0, file: journalPath)
            let stamp = Timestamp.utcText(now).filter { $0 != "-" && $0 != ":" }
            let path = layout.file("journal.jsonl.v1-" + stamp)
            let keepFD = try disk.open(path, flags: O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode: 0o600)
            do {
                try disk.writeAll(keepFD, original, file: path)
                try disk.fsync(keepFD, file: path)
                disk.closeQuietly(keepFD)
            } catch {
                disk.closeQuietly(keepFD)
                try? fileSystem.unlink(path)
                throw error
            }
            keptAt = path
        }
        // The original's lines after its header, unchanged: they read as lines from before devices.
        let body = original.firstIndex(of: 0x0A).map { Array(original[($0 + 1)...]) } ?? []
        do {
            let ownLock = try JournalLock.acquire(path: layout.file(LogFileName.lock(device.id)), disk: disk, timeout: lockTimeout)
            defer { ownLock.release(disk: disk) }
            let logHeader = JournalHeader(schemaVersion: JournalHeader.deviceLogsVersion, createdAt: now, device: device.id)
            _ = try createJournal(containing: logHeader.encodeLine() + body, disk: disk, at: ownPath)
            _ = try createJournal(containing: JournalHeader(schemaVersion: JournalHeader.deviceLogsVersion, createdAt: now).encodeLine(),
                                  disk: disk)
        }
        // Device logs keep no working-set cache (yet): the one-file journal's would only go stale.
        WorkingSetFile.removeAll(in: layout, fileSystem: fileSystem)
        try switchToDeviceLogs(disk: Disk(fileSystem: fileSystem, activity: .loading))
        return LayoutUpgrade(revisionsCarried: caught.journal.revisions.count, originalKeptAt: keptAt, ownLog: ownPath)
    }
}
