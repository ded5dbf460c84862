import Glibc

/// The file-system calls as the store uses them: each failure becomes a `StoreError` that
/// names the file, worded for loading ("could not read") or saving ("NOT saved").
struct Disk {
    enum Activity { case loading, saving }

    let fileSystem: any FileSystem
    let activity: Activity

    func failure(_ file: String, _ cause: SystemError) -> StoreError {
        switch activity {
        case .loading: return .cannotRead(file: file, cause: cause)
        case .saving: return .notSaved(file: file, cause: cause)
        }
    }

    func open(_ path: String, flags: Int32, mode: UInt32 = 0o600, file: String? = nil) throws(StoreError) -> Int32 {
        do { return try fileSystem.open(path, flags: flags, mode: mode) } catch { throw failure(file ?? path, error) }
    }

    /// How the journal and its lock are always opened: a symbolic link is refused rather than
    /// followed (a planted link must not make IsoJournal read, chmod or write another file), and
    /// opening never waits (a named pipe in the journal's place would otherwise hang every
    /// command); the caller then refuses anything that is not a regular file.
    static let journalFlags = O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC

    /// nil when the file does not exist.
    func openIfPresent(_ path: String, flags: Int32) throws(StoreError) -> Int32? {
        do {
            return try fileSystem.open(path, flags: flags, mode: 0o600)
        } catch where error.code == ENOENT {
            return nil
        } catch where error.code == EISDIR || error.code == ENXIO {
            throw .notAFile(file: path)
        } catch where error.code == ELOOP && flags & O_NOFOLLOW != 0 {
            throw .symbolicLink(file: path)
        } catch {
            throw failure(path, error)
        }
    }

    /// For descriptors whose data is already safe (or given up on): Linux frees the
    /// descriptor even when close reports an error, and there is nothing useful to retry.
    func closeQuietly(_ fd: Int32) {
        try? fileSystem.close(fd)
    }

    func read(_ fd: Int32, count: Int, at offset: Int, file: String) throws(StoreError) -> [UInt8] {
        var interruptions = 0
        while true {
            do {
                return try fileSystem.read(fd, count: count, at: offset)
            } catch where error.code == EINTR && interruptions < 100 {
                interruptions += 1
            } catch {
                throw failure(file, error)
            }
        }
    }

    /// Everything from `offset` to the end of the file (which may have grown since `fstat`).
    func readToEnd(_ fd: Int32, from offset: Int, sizeHint: Int, file: String) throws(StoreError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = max(sizeHint - offset, 0) + 1 // one more byte, so a file that did not grow needs two reads
        while true {
            let piece = try read(fd, count: max(chunk, 1), at: offset + bytes.count, file: file)
            if piece.isEmpty { return bytes }
            if bytes.isEmpty { bytes = piece } else { bytes += piece }
            chunk = 1 << 16
        }
    }

    /// Writes every byte, continuing after short writes and interruptions.
    func writeAll(_ fd: Int32, _ bytes: [UInt8], file: String) throws(StoreError) {
        var written = 0
        var interruptions = 0
        while written < bytes.count {
            do throws(SystemError) {
                let outcome = bytes.withUnsafeBytes { buffer -> Result<Int, SystemError> in
                    do throws(SystemError) {
                        return .success(try fileSystem.write(fd, UnsafeRawBufferPointer(rebasing: buffer[written...])))
                    } catch {
                        return .failure(error)
                    }
                }
                let n = try outcome.get()
                // write(2) returns 0 only when nothing can be written; treat it as an error, not a spin.
                guard n > 0 else { throw SystemError(EIO, call: "write") }
                written += n
            } catch where error.code == EINTR && interruptions < 100 {
                interruptions += 1
            } catch {
                throw failure(file, error)
            }
        }
    }

    func fsync(_ fd: Int32, file: String) throws(StoreError) {
        do { try fileSystem.fsync(fd) } catch { throw failure(file, error) }
    }

    func ftruncate(_ fd: Int32, size: Int, file: String) throws(StoreError) {
        do { try fileSystem.ftruncate(fd, size: size) } catch { throw failure(file, error) }
    }

    func fstat(_ fd: Int32, file: String) throws(StoreError) -> FileStatus {
        do { return try fileSystem.fstat(fd) } catch { throw failure(file, error) }
    }

    /// nil when nothing is at `path`.
    func statIfPresent(_ path: String) throws(StoreError) -> FileStatus? {
        do {
            return try fileSystem.stat(path)
        } catch where error.code == ENOENT {
            return nil
        } catch {
            throw failure(path, error)
        }
    }

    func fchmod(_ fd: Int32, mode: UInt32, file: String) throws(StoreError) {
        do { try fileSystem.fchmod(fd, mode: mode) } catch { throw failure(file, error) }
    }

    func rename(_ from: String, to: String, file: String) throws(StoreError) {
        do { try fileSystem.rename(from, to: to) } catch { throw failure(file, error) }
    }

    /// Makes a rename or a new file in `directory` itself survive a crash.
    func fsyncDirectory(_ directory: String, file: String) throws(StoreError) {
        let fd = try open(directory, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC, file: file)
        defer { closeQuietly(fd) }
        try fsync(fd, file: file)
    }

    func tryLock(_ fd: Int32, file: String) throws(StoreError) -> Bool {
        do { return try fileSystem.tryLockExclusive(fd) } catch { throw failure(file, error) }
    }
}
