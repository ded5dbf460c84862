import Foundation
import Glibc
import JournalCore

/// The journal on disk: loads it, keeps up with other copies of IsoJournal appending to it,
/// and appends new revisions durably. The only code that touches the journal's files.
///
/// Opening read-write takes the lock briefly to set aside a torn tail and remove stale
/// temporary files; every save takes it again (see `record`). Opening read-only takes no lock
/// and never creates or writes anything.
public final class JournalStore {
    public enum Mode: Sendable { case readWrite, readOnly }
    /// What the store reads on opening: the whole journal, or the working set recent screens
    /// and commands need (from the cache, when it checks out; see `JournalStore+WorkingSet`).
    public enum Scope: Sendable { case whole, workingSet }

    /// The data folder, e.g. "~/.local/share/isojournal".
    public let directory: String
    /// ".../journal.jsonl".
    public let journalPath: String
    public let mode: Mode
    public let scope: Scope
    /// The journal length the working-set cache on disk covers, as far as this store knows.
    var workingSetCovers: Int?
    /// The journal as the file holds it, as of the last open, save or reload.
    public internal(set) var journal = Journal()
    /// Things to tell the person (a repaired tail, loose permissions, a newer file), oldest first.
    public private(set) var notices: [String] = []
    /// Why nothing can be saved, when that is so.
    public private(set) var readOnlyReason: String?
    public var isReadOnly: Bool { readOnlyReason != nil }

    let layout: DataDirectory
    let fileSystem: any FileSystem
    let clock: () -> Date
    let lockTimeout: Duration
    /// How much of which file `journal` reflects; nil while there is no journal file.
    var position: FilePosition?
    /// This machine in a journal kept on several machines; nil where none was given (then a
    /// several-machines journal is open for viewing only).
    public let localDevice: LocalDevice?
    /// Set when the folder holds a several-machines journal (format version 2).
    var deviceLogs: DeviceLogs?
    /// An encrypted journal's data key, unlocked with the passphrase (see `JournalKey`).
    public let dataKey: DataKey?
    /// Whether the folder holds an encrypted journal (a `journal.key`).
    public var isEncrypted: Bool { access(layout.file(JournalKey.fileName), F_OK) == 0 }
    /// Whether the folder holds a several-machines journal (format version 2).
    public var hasDeviceLogs: Bool { deviceLogs != nil }
    /// Problems with other machines' files already told, so each is told once.
    var reportedDamage: Set<String> = []

    /// Opens (and in read-write mode, prepares) the journal in `directory`.
    /// A missing journal is an empty one; read-write mode creates it on the first `record`.
    public init(directory: String, mode: Mode = .readWrite, fileSystem: any FileSystem = PosixFileSystem(),
                clock: @escaping () -> Date = { Date() }, lockTimeout: Duration = .seconds(3),
                device: LocalDevice? = nil, key: DataKey? = nil, scope: Scope = .whole) throws(StoreError) {
        layout = DataDirectory(path: directory)
        self.directory = layout.path
        journalPath = layout.journalPath
        self.mode = mode
        self.scope = scope
        self.fileSystem = fileSystem
        self.clock = clock
        self.lockTimeout = lockTimeout
        localDevice = device
        dataKey = key
        if key == nil, access(layout.file(JournalKey.fileName), F_OK) == 0 {
            throw .locked(path: layout.file(JournalKey.fileName))
        }
        switch mode {
        case .readOnly:
            readOnlyReason = "it was opened in viewing mode"
            try openForViewing()
        case .readWrite:
            // Writing past `ulimit -f` would otherwise kill the process mid-write; with the
            // signal ignored the write fails with EFBIG and is reported like a full disk.
            signal(SIGXFSZ, SIG_IGN)
            try openForWriting()
        }
    }

    /// Returns the notices and forgets them, for a caller that shows each once.
    public func takeNotices() -> [String] {
        defer { notices = [] }
        return notices
    }

    /// Appends `changes` as new revisions and returns the updated journal.
    ///
    /// Under the lock: catch up with anything another copy appended, number each change after
    /// the record's latest revision, append all lines at once, fsync. Only then is `journal`
    /// updated. On failure the file is cut back to its previous length, `journal` is unchanged,
    /// and the error's message says the entry was not saved.
    @discardableResult
    public func record(_ changes: [JournalChange]) throws(StoreError) -> Journal {
        switch try commit({ _ in .success(changes) }) {
        case .success(let journal): return journal
        case .failure: return journal // `decide` above never fails
        }
    }

    /// Like `record`, but the changes are decided by `decide` under the lock, after catching up,
    /// so a command's decision is based on the newest journal (e.g. "amend today's entry").
    /// An error thrown by `decide` is rethrown unchanged, with nothing written.
    @discardableResult
    public func transaction(_ decide: (Journal) throws -> [JournalChange]) throws -> Journal {
        try commit { journal in Result { try decide(journal) } }.get()
    }

    /// Brings `journal` up to date with the file (only new bytes are read when it just grew).
    @discardableResult
    public func reload() throws(StoreError) -> Journal {
        let disk = Disk(fileSystem: fileSystem, activity: .loading)
        if deviceLogs != nil {
            try refreshDeviceLogs(disk: disk)
            return journal
        }
        if isReadOnly {
            let fd = try disk.openIfPresent(journalPath, flags: O_RDONLY | Disk.journalFlags)
            defer { if let fd { disk.closeQuietly(fd) } }
            let caught = try catchUp(fd: fd, disk: disk)
            adopt(caught)
        } else {
            let lock = try JournalLock.acquire(path: layout.lockPath, disk: disk, timeout: lockTimeout)
            defer { lock.release(disk: disk) }
            let fd = try disk.openIfPresent(journalPath, flags: O_RDWR | Disk.journalFlags)
            defer { if let fd { disk.closeQuietly(fd) } }
            var caught = try catchUp(fd: fd, disk: disk)
            if let fd, !caught.tail.isEmpty, caught.schemaVersion <= JournalHeader.currentSchemaVersion {
                try setAsideTail(&caught, fd: fd, disk: disk)
            }
            if caught.schemaVersion == JournalHeader.deviceLogsVersion || hasDeviceLogFiles() {
                // Another copy converted the folder to device logs meanwhile.
                try switchToDeviceLogs(disk: disk)
                return journal
            }
            adopt(caught)
        }
        return journal
    }

    func addNotice(_ text: String) { notices.append(text) }

    func markReadOnly(_ reason: String) {
        if readOnlyReason == nil || mode == .readOnly { readOnlyReason = reason }
    }

    /// Takes a caught-up state as the current one.
    func adopt(_ caught: CatchUp) {
        journal = caught.journal
        position = caught.position
        noticeIfNewer(caught.schemaVersion, what: "This journal was")
    }

    /// A file from a newer IsoJournal: viewing only, said once.
    func noticeIfNewer(_ version: Int, what: String) {
        guard version > JournalHeader.currentSchemaVersion, !(readOnlyReason ?? "").hasPrefix(Self.newerVersionReason) else { return }
        markReadOnly(Self.newerVersionReason)
        addNotice("\(what) written by a newer version of IsoJournal (format version "
                  + "\(version); this one knows \(JournalHeader.currentSchemaVersion)). "
                  + "It is open for viewing only and will not be changed. Update IsoJournal to add entries.")
    }

    static let newerVersionReason = "a newer version of IsoJournal wrote it"
}
