import Foundation
import Glibc
import JournalCore

/// Saving: every change is appended under the lock and synced before anyone is told it is saved.
extension JournalStore {
    /// The load-modify-save cycle shared by `record` and `transaction`. A failure of `decide`
    /// is handed back (nothing written); a failure of the store is thrown.
    func commit(_ decide: (Journal) -> Result<[JournalChange], any Error>) throws(StoreError) -> Result<Journal, any Error> {
        if let readOnlyReason { throw .readOnly(file: journalPath, reason: readOnlyReason) }
        if deviceLogs != nil { return try commitToOwnLog(decide) }
        let disk = Disk(fileSystem: fileSystem, activity: .saving)
        let lock = try JournalLock.acquire(path: layout.lockPath, disk: disk, timeout: lockTimeout)
        defer { lock.release(disk: disk) }
        let fd = try disk.openIfPresent(journalPath, flags: O_RDWR | O_APPEND | Disk.journalFlags)
        defer { if let fd { disk.closeQuietly(fd) } }

        // Catch up with other copies; never append after a torn tail (it would glue onto it).
        var caught = try catchUp(fd: fd, disk: disk)
        if caught.schemaVersion == JournalHeader.deviceLogsVersion || hasDeviceLogFiles() {
            // Converted to device logs by another copy (or another machine) since this one opened it.
            try switchToDeviceLogs(disk: Disk(fileSystem: fileSystem, activity: .loading))
            if let readOnlyReason { throw .readOnly(file: journalPath, reason: readOnlyReason) }
            return try commitToOwnLog(decide)
        }
        if caught.schemaVersion > JournalHeader.currentSchemaVersion {
            adopt(caught)
            throw .readOnly(file: journalPath, reason: readOnlyReason ?? Self.newerVersionReason)
        }
        if let fd { try setAsideTail(&caught, fd: fd, disk: disk) }

        var changes: [JournalChange] = []
        while true {
            switch decide(caught.journal) {
            case .failure(let error):
                adopt(caught)
                return .failure(error)
            case .success(let decided):
                changes = decided
            }
            // Decided on a working set about a record it may not hold (an older day): decide again
            // on the whole journal, so every revision is numbered after the record's real latest.
            guard let window = caught.journal.window, !changes.allSatisfy({ change in
                caught.journal.latestRevision(of: change.id) != nil || window.mayBeNew(change.entry(after: 0, recordedAt: clock()))
            }) else { break }
            caught = try catchUp(fd: fd, disk: disk, fromStart: true)
        }
        guard !changes.isEmpty else {
            adopt(caught)
            return .success(journal)
        }

        // Number each change after the newest revision, applying as we go, so two changes to
        // one record in one batch become successive revisions.
        var working = caught.journal
        var lines: [UInt8] = []
        var lastLine: [UInt8] = []
        let now = clock()
        for change in changes {
            let latest = working.latestRevision(of: change.id)
            let entry = change.entry(after: latest?.revision ?? 0, recordedAt: now)
            do throws(EntryCodec.Problem) {
                try EntryCodec.check(entry)
                lastLine = EntryCodec.encodeLine(entry, retractedKind: latest?.body?.kindName)
                // Keep in memory exactly what a later load will read (whole seconds, for one).
                working.apply(try EntryCodec.decodeLine(lastLine))
            } catch {
                throw .invalidChange(id: change.id.rawValue, detail: error.detail)
            }
            lines += lastLine
        }

        let saved: FilePosition
        if let fd, let start = caught.position {
            try append(lines, to: fd, restoringLength: start.length, disk: disk)
            saved = FilePosition(device: start.device, inode: start.inode, length: start.length + lines.count,
                                 lineCount: start.lineCount + changes.count, lastLine: lastLine,
                                 schemaVersion: start.schemaVersion)
        } else {
            let header = JournalHeader(createdAt: now).encodeLine()
            let status = try createJournal(containing: header + lines, disk: disk)
            saved = FilePosition(device: status.device, inode: status.inode, length: header.count + lines.count,
                                 lineCount: 1 + changes.count, lastLine: lastLine,
                                 schemaVersion: JournalHeader.singleFileVersion)
        }
        journal = working
        position = saved
        if working.window?.isBroken == true, let fd {
            // What was just saved reaches back past the working set: read the whole journal.
            adopt(try catchUp(fd: fd, disk: disk, fromStart: true))
        }
        return .success(journal)
    }

    /// Appends and syncs. On failure cuts the file back (best effort) and does not fsync the
    /// same descriptor again: after a failed fsync the kernel may have dropped the data and
    /// cleared the error, so a second fsync "succeeding" would prove nothing.
    func append(_ lines: [UInt8], to fd: Int32, restoringLength length: Int, disk: Disk, file: String? = nil) throws(StoreError) {
        let journalPath = file ?? self.journalPath
        do {
            try disk.writeAll(fd, lines, file: journalPath)
            try disk.fsync(fd, file: journalPath)
        } catch {
            try? fileSystem.ftruncate(fd, size: length)
            throw error
        }
    }

    /// The first save: header and lines go to a new temporary file (0600), which is synced and
    /// renamed into place, then the folder is synced. Returns the new file's identity.
    func createJournal(containing bytes: [UInt8], disk: Disk, at target: String? = nil) throws(StoreError) -> FileStatus {
        let journalPath = target ?? self.journalPath
        let tempPath = target.map { $0 + ".tmp-" + String(UInt64.random(in: .min ... .max), radix: 16) } ?? layout.newTempPath()
        let fd = try disk.open(tempPath, flags: O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode: 0o600, file: journalPath)
        var isOpen = true
        var isRenamed = false
        do {
            try disk.fchmod(fd, mode: 0o600, file: journalPath)
            try disk.writeAll(fd, bytes, file: journalPath)
            try disk.fsync(fd, file: journalPath)
            let status = try disk.fstat(fd, file: journalPath)
            disk.closeQuietly(fd) // synced already; nothing left to lose
            isOpen = false
            try disk.rename(tempPath, to: journalPath, file: journalPath)
            isRenamed = true
            try disk.fsyncDirectory(directory, file: journalPath)
            return status
        } catch {
            if isOpen { disk.closeQuietly(fd) }
            // We hold the lock, so nobody else has used the new file: take it back entirely,
            // so the file matches the message that it was not saved.
            try? fileSystem.unlink(isRenamed ? journalPath : tempPath)
            throw error
        }
    }
}
