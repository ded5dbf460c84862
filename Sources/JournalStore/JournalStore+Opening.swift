import Foundation
import Glibc
import JournalCore

/// Opening: the folder, permissions, leftovers from crashes, and reading the file.
extension JournalStore {
    /// Read-only: no lock, nothing created or written, a missing journal is an empty one.
    func openForViewing() throws(StoreError) {
        let disk = Disk(fileSystem: fileSystem, activity: .loading)
        guard let folder = try disk.statIfPresent(directory) else { return }
        guard folder.kind == .directory else {
            throw .folderUnusable(path: directory, cause: SystemError(ENOTDIR, call: "open"))
        }
        // Viewing writes nothing, so an unsafe folder is pointed out rather than refused (a copy on
        // a USB stick often belongs to whoever mounted it).
        if let problem = Self.unsafeFolderProblem(directory, folder) {
            addNotice(problem.message + " (It is open for viewing only, and nothing is written.)")
        } else if folder.permissions & 0o077 != 0 {
            addNotice(Self.looseNotice(directory, folder.permissions, fixed: false))
        }
        if Self.isKeptOnSeveralMachines(directory: directory) {
            try switchToDeviceLogs(disk: disk)
            return
        }
        guard let fd = try disk.openIfPresent(journalPath, flags: O_RDONLY | Disk.journalFlags) else { return }
        defer { disk.closeQuietly(fd) }
        let status = try disk.fstat(fd, file: journalPath)
        if status.kind == .regular, status.permissions & 0o077 != 0 {
            addNotice(Self.looseNotice(journalPath, status.permissions, fixed: false))
        }
        seedFromWorkingSet(fd: fd, status: status, disk: disk)
        let caught = try catchUp(fd: fd, disk: disk)
        if caught.schemaVersion == JournalHeader.deviceLogsVersion {
            try switchToDeviceLogs(disk: disk)
            return
        }
        if !caught.tail.isEmpty { addNotice(Self.unfinishedTailNotice(caught.tail.count)) }
        adopt(caught)
    }

    /// Read-write: make the folder private, then under the lock remove stale temporary files,
    /// read the journal and set aside a torn tail.
    func openForWriting() throws(StoreError) {
        let disk = Disk(fileSystem: fileSystem, activity: .loading)
        try prepareFolder(disk: disk)
        // Several machines: only this machine's own lock and log are ever touched (a machine
        // that only views creates nothing, not even the one-file journal's lock).
        if Self.isKeptOnSeveralMachines(directory: directory) {
            try switchToDeviceLogs(disk: disk)
            return
        }
        let lock = try JournalLock.acquire(path: layout.lockPath, disk: disk, timeout: lockTimeout)
        defer { lock.release(disk: disk) }
        removeStaleTempFiles()
        removeStaleWorkingSetFiles()

        var opened: Int32?
        do {
            opened = try disk.openIfPresent(journalPath, flags: O_RDWR | Disk.journalFlags)
        } catch let error where [EACCES, EPERM, EROFS].contains(error.cause?.code ?? 0) {
            opened = try disk.openIfPresent(journalPath, flags: O_RDONLY | Disk.journalFlags)
            markReadOnly("IsoJournal is not allowed to change it")
            addNotice("IsoJournal cannot change \(journalPath): \(error.cause?.plainWords ?? "permission was denied"). "
                      + "Your journal is open for viewing only.")
        }
        guard let fd = opened else {
            // No journal.jsonl: a new journal (created by the first record), or a joined folder
            // whose other machines' logs arrived before their header file did.
            if hasDeviceLogFiles() { try switchToDeviceLogs(disk: disk) }
            return
        }
        defer { disk.closeQuietly(fd) }

        let status = try disk.fstat(fd, file: journalPath)
        guard status.kind == .regular else { throw .notAFile(file: journalPath) }
        if status.permissions & 0o077 != 0 {
            let fixed = !isReadOnly && (try? fileSystem.fchmod(fd, mode: 0o600)) != nil
            addNotice(Self.looseNotice(journalPath, status.permissions, fixed: fixed))
        }

        seedFromWorkingSet(fd: fd, status: status, disk: disk)
        var caught = try catchUp(fd: fd, disk: disk)
        if caught.schemaVersion == JournalHeader.deviceLogsVersion {
            try switchToDeviceLogs(disk: disk)
            return
        }
        if !caught.tail.isEmpty {
            if !isReadOnly && caught.schemaVersion <= JournalHeader.currentSchemaVersion {
                do {
                    try setAsideTail(&caught, fd: fd, disk: disk)
                } catch {
                    markReadOnly("its unfinished last line could not be set aside")
                    addNotice("The last line of your journal is unfinished (probably cut off by a crash), and "
                              + "IsoJournal could not move it aside: \(error.cause?.plainWords ?? error.message). "
                              + "Nothing has been changed; your journal is open for viewing only until this is fixed.")
                }
            } else {
                addNotice(Self.unfinishedTailNotice(caught.tail.count))
            }
        }
        adopt(caught)
    }

    /// Creates the folder 0700 (parents as `mkdir -p` would), or tightens an existing one.
    func prepareFolder(disk: Disk) throws(StoreError) {
        if let folder = try disk.statIfPresent(directory) {
            guard folder.kind == .directory else {
                throw .folderUnusable(path: directory, cause: SystemError(ENOTDIR, call: "mkdir"))
            }
            // Whoever owns the folder, or can write in it, can swap the journal for anything:
            // such a folder is refused, not quietly adopted (tightening it would not undo a swap).
            if let problem = Self.unsafeFolderProblem(directory, folder) { throw problem }
            if folder.permissions & 0o077 != 0 {
                let fixed = (try? fileSystem.chmod(directory, mode: 0o700)) != nil
                addNotice(Self.looseNotice(directory, folder.permissions, fixed: fixed))
            }
            return
        }
        do throws(SystemError) {
            var prefix = directory.hasPrefix("/") ? "/" : ""
            let parts = directory.split(separator: "/")
            for (index, part) in parts.enumerated() {
                prefix += (prefix.isEmpty || prefix == "/" ? "" : "/") + part
                let isLast = index == parts.count - 1
                do {
                    try fileSystem.mkdir(prefix, mode: isLast ? 0o700 : 0o755)
                } catch where error.code == EEXIST {
                    continue // made by someone else meanwhile, or a parent that exists
                }
            }
            guard try fileSystem.stat(directory).kind == .directory else { throw SystemError(ENOTDIR, call: "mkdir") }
            // The umask may have removed bits but never adds any; set 0700 exactly anyway.
            try fileSystem.chmod(directory, mode: 0o700)
        } catch {
            throw .folderUnusable(path: directory, cause: error)
        }
    }

    /// A `journal.jsonl.tmp-*` left by a crash during creation holds a plaintext copy: remove it.
    /// Done under the lock, so it is never a file another copy is still writing.
    func removeStaleTempFiles() {
        guard let names = try? fileSystem.listDirectory(directory) else { return }
        for name in names where name.hasPrefix(DataDirectory.tempPrefix) {
            try? fileSystem.unlink(layout.file(name))
        }
    }

    /// Reads what the file holds beyond `position`: only the new bytes when the same file just
    /// grew, all of it when it was replaced, shortened or rewritten in place.
    /// A working set that cannot take what was appended (see `WorkingSetWindow.admits`) is
    /// dropped and the whole file read (`fromStart`).
    func catchUp(fd: Int32?, disk: Disk, fromStart: Bool = false) throws(StoreError) -> CatchUp {
        let current = JournalHeader.currentSchemaVersion
        guard let fd else { return CatchUp(journal: Journal(), position: nil, schemaVersion: JournalHeader.singleFileVersion) }
        let status = try disk.fstat(fd, file: journalPath)
        guard status.kind == .regular else { throw .notAFile(file: journalPath) }

        var start: FilePosition?
        if !fromStart, let position, position.isSameFile(as: status), status.size >= position.length,
           try disk.read(fd, count: position.lastLine.count, at: position.length - position.lastLine.count,
                         file: journalPath) == position.lastLine {
            start = position
            if status.size == position.length {
                return CatchUp(journal: journal, position: position, schemaVersion: position.schemaVersion)
            }
        }

        let from = start?.length ?? 0
        let bytes = try disk.readToEnd(fd, from: from, sizeHint: status.size, file: journalPath)
        let read: JournalReader.Result
        do {
            read = try JournalReader.read(bytes, firstLine: (start?.lineCount ?? 0) + 1, startsWithHeader: start == nil,
                                          schemaVersion: start?.schemaVersion ?? current)
        } catch {
            let version = start?.schemaVersion ?? error.schemaVersion ?? current
            if version > current { throw .newerVersion(file: journalPath, schemaVersion: version) }
            throw .damaged(file: journalPath, line: error.line, detail: error.detail)
        }

        var caughtUp = start == nil ? Journal() : journal
        for entry in read.entries { caughtUp.apply(entry) }
        if caughtUp.window?.isBroken == true { return try catchUp(fd: fd, disk: disk, fromStart: true) }
        let schemaVersion = read.header?.schemaVersion ?? start?.schemaVersion ?? current
        let position = FilePosition(device: status.device, inode: status.inode,
                                    length: from + read.completeLength,
                                    lineCount: (start?.lineCount ?? 0) + read.lineCount,
                                    lastLine: read.completeLength > 0 ? read.lastLine : (start?.lastLine ?? []),
                                    schemaVersion: schemaVersion)
        return CatchUp(journal: caughtUp, position: position, schemaVersion: schemaVersion, tail: read.tail)
    }

    /// Under the lock: moves the torn tail to a side file and cuts the journal after its last line.
    func setAsideTail(_ caught: inout CatchUp, fd: Int32, disk: Disk) throws(StoreError) {
        guard let position = caught.position, !caught.tail.isEmpty else { return }
        let count = caught.tail.count
        let sidePath = try TornTail.setAside(caught.tail, journalFD: fd, keepLength: position.length,
                                             layout: layout, disk: disk, now: clock())
        caught.tail = []
        addNotice("The last line of your journal was unfinished, probably cut off by a crash or power loss "
                  + "while something was being saved. That unfinished part (\(count) byte\(count == 1 ? "" : "s")) "
                  + "was moved to \(sidePath). Everything before it is open and unchanged.")
    }

    /// A folder owned by someone else, or writable by group or others, or nil when it is safe.
    static func unsafeFolderProblem(_ path: String, _ folder: FileStatus) -> StoreError? {
        if folder.owner != UInt32(geteuid()) { return .folderNotYours(path: path, owner: folder.owner) }
        if folder.permissions & 0o022 != 0 { return .folderWritableByOthers(path: path, permissions: folder.permissions) }
        return nil
    }

    static func looseNotice(_ path: String, _ permissions: UInt32, fixed: Bool) -> String {
        let wanted = path.hasSuffix(DataDirectory.journalName) ? "600" : "700"
        let what = wanted == "700" ? "Your journal folder" : "Your journal file"
        let now = String(permissions, radix: 8)
        if fixed {
            return "\(what) \(path) could be read by other people on this computer (permissions \(now)). "
                + "IsoJournal has made it private (\(wanted))."
        }
        return "\(what) \(path) can be read by other people on this computer (permissions \(now)). "
            + "IsoJournal did not change this; to make it private, run: chmod \(wanted) '\(path)'"
    }

    static func unfinishedTailNotice(_ count: Int) -> String {
        "The end of your journal (\(count) byte\(count == 1 ? "" : "s")) looks unfinished: it may be "
            + "being saved right now, or was cut off by a crash. It was not read; everything before it is shown."
    }
}
