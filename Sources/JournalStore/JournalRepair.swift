import Foundation
import Glibc
import JournalCore

/// `isojournal check` and `isojournal repair`: find out what is wrong with a journal folder
/// without changing anything, and repair a damaged journal without ever destroying it.
///
/// A repair, always under the lock:
/// 1. copies the damaged journal, byte for byte, to `journal.jsonl.damaged-<UTC time>` (0600,
///    synced) — the original is never lost;
/// 2. writes a new journal to a `journal.jsonl.tmp-…` file: the header (a fresh one if line 1
///    was unreadable) and every line that still reads, byte for byte, in order; syncs it;
/// 3. renames it over `journal.jsonl` and syncs the folder.
/// A crash at any point leaves either the old or the new journal in place (and perhaps the
/// copy, or a temporary file that the next start removes).
public enum JournalRepair {
    /// The folder as found: the journal's examination plus anything else worth saying.
    public struct Finding: Sendable {
        public enum State: Equatable, Sendable {
            /// There is no journal file yet.
            case missing
            /// Something other than a file is where the journal should be.
            case notAFile
            /// The journal was read (see `examination`).
            case examined
        }

        public let directory: String
        public let journalPath: String
        public let state: State
        public let examination: JournalExamination?
        /// Loose permissions, leftovers from crashes, earlier repairs: worth knowing, not damage.
        public let remarks: [String]

        /// Nothing that needs repairing (a missing journal, or one whose complete lines all read).
        public var isSound: Bool {
            switch state {
            case .missing: return true
            case .notAFile: return false
            case .examined: return examination.map { $0.isSound && !$0.isNewerVersion } ?? false
            }
        }
    }

    /// What `repair --yes` did.
    public struct Outcome: Sendable {
        /// Where the damaged journal was kept; nil when nothing needed repairing.
        public let keptCopy: String?
        /// Lines written to the new journal after the header.
        public let keptLines: Int
        public let leftOut: [JournalExamination.BadLine]
        public let unfinishedBytesLeftOut: Int
        /// What opening the repaired journal had to say (a torn end set aside, permissions).
        public let notices: [String]
    }

    /// Why a repair was not done, or not finished.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case store(StoreError)
        /// Repairing would not help or is not safe; `reason` says what to do instead.
        case notRepairable(file: String, reason: String)
        /// A file-system call failed. `journalReplaced` says whether the new journal is in place.
        case interrupted(file: String, cause: SystemError, keptCopy: String?, journalReplaced: Bool)

        public var message: String {
            switch self {
            case .store(let error):
                return error.message
            case let .notRepairable(file, reason):
                return "IsoJournal cannot repair \(file): \(reason)"
            case let .interrupted(file, cause, copy, replaced):
                let state = replaced
                    ? "The repaired journal is in place, but the folder could not be synced."
                    : "Your journal has not been changed."
                let kept = copy.map { " A copy of the damaged journal was kept as \($0)." } ?? ""
                return "The repair could not be finished: \(cause.plainWords) (\(file)). \(state)\(kept) \(cause.advice)"
            }
        }

        public var description: String { message }
    }

    // MARK: - Check

    /// Reads the folder without changing anything: no lock, nothing created.
    public static func check(directory: String, fileSystem: any FileSystem = PosixFileSystem()) throws(StoreError) -> Finding {
        let layout = DataDirectory(path: directory)
        let disk = Disk(fileSystem: fileSystem, activity: .loading)
        var remarks: [String] = []
        guard let folder = try disk.statIfPresent(layout.path) else {
            return Finding(directory: layout.path, journalPath: layout.journalPath, state: .missing,
                           examination: nil, remarks: [])
        }
        guard folder.kind == .directory else {
            throw .folderUnusable(path: layout.path, cause: SystemError(ENOTDIR, call: "open"))
        }
        if folder.permissions & 0o077 != 0 {
            remarks.append(JournalStore.looseNotice(layout.path, folder.permissions, fixed: false))
        }
        remarks += leftovers(in: layout, fileSystem: fileSystem)

        let state: Finding.State
        var examination: JournalExamination?
        if let status = try disk.statIfPresent(layout.journalPath) {
            if status.kind != .regular {
                state = .notAFile
            } else {
                if status.permissions & 0o077 != 0 {
                    remarks.insert(JournalStore.looseNotice(layout.journalPath, status.permissions, fixed: false), at: 0)
                }
                examination = JournalExamination(try readAll(layout.journalPath, disk: disk) ?? [])
                state = .examined
            }
        } else {
            state = .missing
        }
        return Finding(directory: layout.path, journalPath: layout.journalPath, state: state,
                       examination: examination, remarks: remarks)
    }

    /// Torn ends set aside, temporary files and copies kept by earlier repairs.
    static func leftovers(in layout: DataDirectory, fileSystem: any FileSystem) -> [String] {
        let names = ((try? fileSystem.listDirectory(layout.path)) ?? []).sorted()
        var remarks: [String] = []
        for name in names {
            let path = layout.file(name)
            if name.hasPrefix(DataDirectory.tornPrefix) {
                remarks.append("\(path) holds an unfinished line set aside after a crash. "
                               + "Look at it, and delete it when you no longer need it.")
            } else if name.hasPrefix(DataDirectory.tempPrefix) {
                remarks.append("\(path) was left by an interrupted save. IsoJournal removes it the next time "
                               + "it opens the journal for writing.")
            } else if name.hasPrefix(DataDirectory.damagedPrefix) {
                remarks.append("\(path) is a damaged journal kept by an earlier repair. "
                               + "Delete it when you are sure nothing in it is missing from your journal.")
            }
        }
        return remarks
    }

    // MARK: - Repair

    /// Repairs a damaged journal as described above; only call it after the person has seen
    /// `check`'s finding and agreed. A journal with nothing wrong but an unfinished end is
    /// simply opened for writing, which sets that end aside as usual.
    public static func repair(directory: String, fileSystem: any FileSystem = PosixFileSystem(),
                              clock: @escaping () -> Date = { Date() },
                              lockTimeout: Duration = .seconds(3)) throws(Failure) -> Outcome {
        // As when saving: past `ulimit -f` a write fails with EFBIG instead of killing the process.
        signal(SIGXFSZ, SIG_IGN)
        let layout = DataDirectory(path: directory)
        let disk = Disk(fileSystem: fileSystem, activity: .saving)
        let journalPath = layout.journalPath
        let finding: Finding
        do { finding = try check(directory: directory, fileSystem: fileSystem) } catch { throw .store(error) }
        switch finding.state {
        case .missing:
            return Outcome(keptCopy: nil, keptLines: 0, leftOut: [], unfinishedBytesLeftOut: 0, notices: [])
        case .notAFile:
            throw .notRepairable(file: journalPath, reason: "something other than a file (such as a folder or a named pipe) is there. "
                                 + "Move it away, then IsoJournal starts a new journal.")
        case .examined:
            break
        }

        let done = try repairUnderLock(layout: layout, disk: disk, clock: clock, lockTimeout: lockTimeout)

        // Opening for writing sets aside an unfinished end and tightens permissions, as always.
        let store: JournalStore
        do throws(StoreError) {
            store = try JournalStore(directory: directory, mode: .readWrite, fileSystem: fileSystem,
                                     clock: clock, lockTimeout: lockTimeout)
        } catch {
            throw .store(error)
        }
        return Outcome(keptCopy: done.keptCopy, keptLines: done.keptLines, leftOut: done.leftOut,
                       unfinishedBytesLeftOut: done.unfinishedBytesLeftOut, notices: store.notices)
    }

    /// Holds the lock, reads the journal again (this is the file that is repaired) and, if it
    /// is damaged, keeps a copy and replaces it. `notices` is left empty.
    static func repairUnderLock(layout: DataDirectory, disk: Disk, clock: () -> Date,
                                lockTimeout: Duration) throws(Failure) -> Outcome {
        let journalPath = layout.journalPath
        let nothing = Outcome(keptCopy: nil, keptLines: 0, leftOut: [], unfinishedBytesLeftOut: 0, notices: [])
        let lock: JournalLock
        do { lock = try JournalLock.acquire(path: layout.lockPath, disk: disk, timeout: lockTimeout) } catch { throw .store(error) }
        defer { lock.release(disk: disk) }

        let read: [UInt8]?
        do { read = try readAll(journalPath, disk: Disk(fileSystem: disk.fileSystem, activity: .loading)) } catch { throw .store(error) }
        guard let original = read else { return nothing }
        let examination = JournalExamination(original)
        if examination.isNewerVersion {
            throw .notRepairable(file: journalPath, reason: "it was written by a newer version of IsoJournal "
                                 + "(format version \(examination.header?.schemaVersion ?? 0)). Update IsoJournal instead; "
                                 + "the file has not been changed.")
        }
        guard !examination.isSound else { return nothing }
        let now = clock()
        let keptCopy = try keepCopy(of: original, layout: layout, disk: disk, now: now)
        let repaired = examination.repairedBytes(from: original, now: now)
        // The new journal must read completely, or it is not written.
        guard (try? JournalReader.read(repaired, firstLine: 1, startsWithHeader: true))?.tail.isEmpty == true else {
            throw .notRepairable(file: journalPath, reason: "the repaired journal would not read back. "
                                 + "Your journal has not been changed; a copy was kept as \(keptCopy).")
        }
        try replaceJournal(with: repaired, layout: layout, disk: disk, keptCopy: keptCopy)
        return Outcome(keptCopy: keptCopy, keptLines: examination.readableEntryLines, leftOut: examination.badLines,
                       unfinishedBytesLeftOut: examination.unfinishedBytes, notices: [])
    }

    /// Step 1: the damaged journal, byte for byte, in a new file beside it. Written under a
    /// temporary name first, so a copy that could not be finished is never mistaken for a
    /// whole one (a leftover temporary file is removed by the next start).
    static func keepCopy(of bytes: [UInt8], layout: DataDirectory, disk: Disk, now: Date) throws(Failure) -> String {
        var attempt = 1
        var path = layout.damagedPath(at: now, attempt: attempt)
        do throws(StoreError) {
            while try disk.statIfPresent(path) != nil && attempt < 100 {
                attempt += 1
                path = layout.damagedPath(at: now, attempt: attempt)
            }
        } catch {
            throw .interrupted(file: path, cause: error.cause ?? SystemError(EIO, call: "stat"), keptCopy: nil, journalReplaced: false)
        }
        let tempPath = layout.newTempPath()
        var fd: Int32 = -1
        do throws(StoreError) {
            fd = try disk.open(tempPath, flags: O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode: 0o600, file: path)
            try disk.fchmod(fd, mode: 0o600, file: path)
            try disk.writeAll(fd, bytes, file: path)
            try disk.fsync(fd, file: path)
            disk.closeQuietly(fd)
            fd = -1
            try disk.rename(tempPath, to: path, file: path)
            try disk.fsyncDirectory(layout.path, file: path)
        } catch {
            if fd >= 0 { disk.closeQuietly(fd) }
            try? disk.fileSystem.unlink(tempPath)
            throw .interrupted(file: path, cause: error.cause ?? SystemError(EIO, call: "write"), keptCopy: nil,
                               journalReplaced: false)
        }
        return path
    }

    /// Steps 2 and 3: a new file, synced, renamed over the journal; then the folder synced.
    static func replaceJournal(with bytes: [UInt8], layout: DataDirectory, disk: Disk, keptCopy: String?) throws(Failure) {
        let journalPath = layout.journalPath
        let tempPath = layout.newTempPath()
        var replaced = false
        var fd: Int32 = -1
        do throws(StoreError) {
            fd = try disk.open(tempPath, flags: O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode: 0o600, file: journalPath)
            try disk.fchmod(fd, mode: 0o600, file: journalPath)
            try disk.writeAll(fd, bytes, file: journalPath)
            try disk.fsync(fd, file: journalPath)
            disk.closeQuietly(fd)
            fd = -1
            try disk.rename(tempPath, to: journalPath, file: journalPath)
            replaced = true
            try disk.fsyncDirectory(layout.path, file: journalPath)
        } catch {
            if fd >= 0 { disk.closeQuietly(fd) }
            if !replaced { try? disk.fileSystem.unlink(tempPath) }
            throw .interrupted(file: journalPath, cause: error.cause ?? SystemError(EIO, call: "write"),
                               keptCopy: keptCopy, journalReplaced: replaced)
        }
    }

    /// nil when the file does not exist (any more).
    static func readAll(_ path: String, disk: Disk) throws(StoreError) -> [UInt8]? {
        guard let fd = try disk.openIfPresent(path, flags: O_RDONLY | Disk.journalFlags) else { return nil }
        defer { disk.closeQuietly(fd) }
        let status = try disk.fstat(fd, file: path)
        guard status.kind == .regular else { throw .notAFile(file: path) }
        return try disk.readToEnd(fd, from: 0, sizeHint: status.size, file: path)
    }
}

extension DataDirectory {
    static let damagedPrefix = "journal.jsonl.damaged-"

    /// `journal.jsonl.damaged-20261126T221005Z`, with "-2", "-3"... when that second is taken.
    func damagedPath(at time: Date, attempt: Int) -> String {
        let stamp = Timestamp.utcText(time).filter { $0 != "-" && $0 != ":" }
        return file(Self.damagedPrefix + stamp + (attempt > 1 ? "-\(attempt)" : ""))
    }
}
