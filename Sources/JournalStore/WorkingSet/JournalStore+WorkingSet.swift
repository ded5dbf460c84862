import Foundation
import Glibc
import JournalCore

/// Opening from the working-set cache (`WorkingSetFile`) and keeping it up to date.
///
/// A store opened with `scope: .workingSet` starts from the cache when it checks out against
/// the journal, then reads only what was appended since. Whatever the cache cannot stand for
/// (a revision about an older day, a changed plan reaching back, another build, another time
/// zone) sends it to the whole journal, as if there were no cache. Only the one-file journal
/// has a cache so far; a journal kept on several machines (and so an encrypted one) is read whole.
extension JournalStore {
    var workingSetPath: String { layout.file(WorkingSetFile.name) }

    /// Seeds `journal` and `position` from the cache when it matches the open journal file.
    func seedFromWorkingSet(fd: Int32, status: FileStatus, disk: Disk) {
        guard scope == .workingSet, deviceLogs == nil, let loaded = loadWorkingSet(fd: fd, status: status, disk: disk) else { return }
        journal = loaded.journal
        position = loaded.position
        workingSetCovers = loaded.position.length
    }

    private func loadWorkingSet(fd: Int32, status: FileStatus, disk: Disk) -> (journal: Journal, position: FilePosition)? {
        guard let cacheFD = try? disk.openIfPresent(workingSetPath, flags: O_RDONLY | Disk.journalFlags) else { return nil }
        defer { disk.closeQuietly(cacheFD) }
        // Only a private file of this account's (the folder is private too; this is belt and braces).
        guard let cache = try? disk.fstat(cacheFD, file: workingSetPath), cache.kind == .regular,
              cache.owner == UInt32(geteuid()), cache.permissions & 0o077 == 0, cache.size < 64 << 20,
              let bytes = try? disk.readToEnd(cacheFD, from: 0, sizeHint: cache.size, file: workingSetPath),
              let file = WorkingSetFile.decode(bytes) else { return nil }
        let header = file.header
        guard header.device == status.device, header.inode == status.inode, status.size >= header.length,
              header.lastLineLength > 0, header.lastLineLength <= header.length,
              header.window.isUsable(now: clock(), zone: .current),
              let head = try? disk.read(fd, count: min(WorkingSetFile.headBlock, header.length), at: 0, file: journalPath),
              WorkingSetFile.hex(head) == header.headSHA256,
              let last = try? disk.read(fd, count: header.lastLineLength, at: header.length - header.lastLineLength, file: journalPath),
              last.last == 0x0A, WorkingSetFile.hex(last) == header.lastLineSHA256 else { return nil }
        let position = FilePosition(device: header.device, inode: header.inode, length: header.length,
                                    lineCount: header.lineCount, lastLine: last, schemaVersion: header.schemaVersion)
        return (Journal(workingSet: file.revisions, window: header.window), position)
    }

    /// Reads the whole journal when the store holds a working set (for a screen or command that
    /// reads history). Nothing happens when it already holds the whole journal.
    public func readWhole() throws(StoreError) {
        guard !journal.isWhole else { return }
        position = nil
        journal = Journal()
        try reload()
    }

    /// How much may be appended after the cache before a save rewrites it (reading that much
    /// on top costs about a millisecond; rewriting costs more than a `log` itself).
    static let rewriteAfterBytes = 64 << 10
    /// How old a cache may get before a save rewrites it (it serves `WorkingSetWindow.usableDays`).
    static let rewriteAfterDays = 7.0

    /// Writes the cache for what the store holds now, when that is worth it: read-write only
    /// (a viewing open never writes), a one-file journal, and either no cache that checked out
    /// or one that is a week old or has more than `rewriteAfterBytes` appended after it.
    /// The write is a new private file renamed into place; not synced, because losing it costs
    /// only a slower next start, and a cut one fails its checksum. Failing is silent for the
    /// same reason.
    public func saveWorkingSet() {
        guard mode == .readWrite, !isReadOnly, deviceLogs == nil, let position, position.length > 0,
              workingSetCovers != position.length, !(journal.window?.isBroken ?? false) else { return }
        if let window = journal.window, let covers = workingSetCovers, position.length - covers < Self.rewriteAfterBytes,
           clock().timeIntervalSince(window.builtAt) < Self.rewriteAfterDays * 86_400 {
            return
        }
        let disk = Disk(fileSystem: fileSystem, activity: .saving)
        guard let fd = try? disk.openIfPresent(journalPath, flags: O_RDONLY | Disk.journalFlags) else { return }
        defer { disk.closeQuietly(fd) }
        guard let status = try? disk.fstat(fd, file: journalPath), position.isSameFile(as: status), status.size >= position.length,
              let head = try? disk.read(fd, count: min(WorkingSetFile.headBlock, position.length), at: 0, file: journalPath)
        else { return }
        let (revisions, window) = WorkingSet.make(from: journal, now: clock(), zone: .current)
        // Nothing recent to hold (only old records): readers see the whole journal instead.
        guard !revisions.isEmpty else { return }
        let header = WorkingSetFile.Header(
            isojournalWorkingSet: WorkingSetFile.formatVersion, program: WorkingSetFile.program, window: window,
            device: position.device, inode: position.inode, length: position.length, lineCount: position.lineCount,
            schemaVersion: position.schemaVersion, lastLineLength: position.lastLine.count,
            lastLineSHA256: WorkingSetFile.hex(position.lastLine), headSHA256: WorkingSetFile.hex(head))
        let bytes = WorkingSetFile(header: header, revisions: revisions).encoded()
        let temp = layout.file(WorkingSetFile.tempPrefix + String(UInt64.random(in: .min ... .max), radix: 16))
        guard let out = try? disk.open(temp, flags: O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode: 0o600, file: temp) else { return }
        let written = (try? disk.writeAll(out, bytes, file: temp)) != nil
        disk.closeQuietly(out)
        if written, (try? disk.rename(temp, to: workingSetPath, file: workingSetPath)) != nil {
            workingSetCovers = position.length
        } else {
            try? fileSystem.unlink(temp)
        }
    }

    /// A cache whose journal is gone, or one left half-written by a crash: removed under the lock.
    func removeStaleWorkingSetFiles() {
        guard let names = try? fileSystem.listDirectory(directory) else { return }
        for name in names where name.hasPrefix(WorkingSetFile.tempPrefix) {
            try? fileSystem.unlink(layout.file(name))
        }
    }
}
