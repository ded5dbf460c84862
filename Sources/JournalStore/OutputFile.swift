import Glibc

/// A file IsoJournal writes for someone else: a report, a calendar, a snapshot.
///
/// Such a file must never cost the journal anything, so writing one:
/// - refuses any place inside the journal folder (its real path, so a symlinked folder or
///   `../journal/x` is caught too): `report -o journal.jsonl` would otherwise replace the history;
/// - refuses to replace an existing file unless asked (`replacing`), and never follows a
///   symbolic link at the destination (the link itself would be replaced, not its target);
/// - writes a private temporary file (0600) beside the destination, syncs it, renames it into
///   place and syncs the folder, so a full disk or a crash leaves the old file as it was.
public enum OutputFile {
    public static func write(_ bytes: [UInt8], to path: String, journalFolder: String, replacing: Bool,
                             fileSystem: any FileSystem = PosixFileSystem()) throws(OutputFileError) {
        let place = try OutputPlace(path)
        if let folder = RealPath.of(place.folder), let journal = RealPath.of(journalFolder),
           RealPath.is(folder, inside: journal) {
            throw .insideJournalFolder(path: path)
        }
        try checkDestination(path, replacing: replacing, fileSystem: fileSystem)

        let disk = Disk(fileSystem: fileSystem, activity: .saving)
        let tempPath = place.temporarySibling()
        do throws(StoreError) {
            let fd = try disk.open(tempPath, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode: 0o600)
            do throws(StoreError) {
                try disk.fchmod(fd, mode: 0o600, file: tempPath) // exactly 0600, whatever the umask
                try disk.writeAll(fd, bytes, file: tempPath)
                try disk.fsync(fd, file: tempPath)
            } catch {
                disk.closeQuietly(fd)
                throw error
            }
            do { try fileSystem.close(fd) } catch { throw disk.failure(tempPath, error) }
            try disk.rename(tempPath, to: path, file: path)
        } catch {
            try? fileSystem.unlink(tempPath)
            throw .notWritten(path: path, cause: error.cause ?? SystemError(EIO, call: "write"))
        }
        // The new file is in place; without this sync a power cut could bring the old one back.
        do throws(StoreError) {
            try disk.fsyncDirectory(place.folder, file: place.folder)
        } catch {
            throw .notSynced(path: path, cause: error.cause ?? SystemError(EIO, call: "fsync"))
        }
    }

    /// Nothing there, or (when replacing) a regular file. Never a link, a folder, a device or a pipe.
    static func checkDestination(_ path: String, replacing: Bool, fileSystem: any FileSystem) throws(OutputFileError) {
        let status: FileStatus
        do {
            status = try fileSystem.lstat(path)
        } catch where error.code == ENOENT {
            return
        } catch {
            throw .notWritten(path: path, cause: error)
        }
        switch status.kind {
        case .symbolicLink: throw .symbolicLink(path: path)
        case .regular: if !replacing { throw .alreadyExists(path: path) }
        case .directory, .other: throw .notAFile(path: path)
        }
    }
}

/// Why an output file was not written, in words for the person who asked for it.
public enum OutputFileError: Error, Equatable, Sendable {
    case insideJournalFolder(path: String)
    case alreadyExists(path: String)
    case symbolicLink(path: String)
    case notAFile(path: String)
    case notWritten(path: String, cause: SystemError)
    case notSynced(path: String, cause: SystemError)

    /// `path` is shown through `show`, so a hostile name cannot drive the terminal.
    public func message(show: (String) -> String = { $0 }) -> String {
        switch self {
        case .insideJournalFolder(let path):
            return "Not written: \(show(path)) is inside the journal folder, where it could replace your journal. "
                + "Choose a file elsewhere."
        case .alreadyExists(let path):
            return "Not written: \(show(path)) already exists. Add --force to replace it, or choose another name."
        case .symbolicLink(let path):
            return "Not written: \(show(path)) is a symbolic link. Choose the file it points to, or another name."
        case .notAFile(let path):
            return "Not written: \(show(path)) is not a regular file (a folder or a device). "
                + "Choose a file name, or -o - for standard output."
        case let .notWritten(path, cause):
            return "Could not write \(show(path)): \(cause.plainWords). Nothing was changed there."
        case let .notSynced(path, cause):
            return "Wrote \(show(path)), but could not make sure it is on the disk: \(cause.plainWords). "
                + "Check the disk before relying on it."
        }
    }
}

/// Where an output goes: its folder and its name.
struct OutputPlace {
    let folder: String
    let name: String

    init(_ path: String) throws(OutputFileError) {
        guard let slash = path.lastIndex(of: "/") else {
            folder = "."
            name = path
            try Self.checkName(path)
            return
        }
        let before = String(path[..<slash])
        folder = before.isEmpty ? "/" : before
        name = String(path[path.index(after: slash)...])
        try Self.checkName(path)
    }

    private static func checkName(_ path: String) throws(OutputFileError) {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        if name.isEmpty || name == "." || name == ".." { throw .notAFile(path: path) }
    }

    /// `.visit.html.tmp-<random>` in the same folder, so the rename never crosses disks.
    func temporarySibling() -> String {
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        let base = folder == "/" ? "" : folder
        return base + "/." + name + ".tmp-" + random
    }
}

/// Real paths: every symbolic link and `..` resolved, so two spellings of one folder compare equal.
enum RealPath {
    static func of(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func `is`(_ path: String, inside folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }
}
