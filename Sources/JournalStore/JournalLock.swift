import Glibc

/// The exclusive lock on `journal.lock`, held around every load-modify-save.
///
/// A separate file that is never renamed: a lock on the journal itself would be lost when the
/// journal is replaced. `flock` dies with its holder, so a killed copy never blocks the next.
struct JournalLock {
    private let fd: Int32
    let path: String

    /// Polls every 10 ms until the lock is free or `timeout` has passed (then `.busy`).
    static func acquire(path: String, disk: Disk, timeout: Duration) throws(StoreError) -> JournalLock {
        // Read-only is enough for flock, and works on a lock file we may not write.
        let fd: Int32
        do {
            fd = try disk.fileSystem.open(path, flags: O_RDONLY | O_CREAT | Disk.journalFlags, mode: 0o600)
        } catch where error.code == ELOOP {
            throw .symbolicLink(file: path)
        } catch where error.code == EISDIR || error.code == ENXIO {
            throw .notAFile(file: path)
        } catch {
            throw disk.failure(path, error)
        }
        let status: FileStatus
        do throws(StoreError) {
            status = try disk.fstat(fd, file: path)
        } catch {
            disk.closeQuietly(fd)
            throw error
        }
        guard status.kind == .regular else {
            disk.closeQuietly(fd)
            throw .notAFile(file: path)
        }
        // The lock file is empty, so its mode protects nothing; keep it tidy but never fail over it.
        if status.permissions != 0o600 {
            try? disk.fileSystem.fchmod(fd, mode: 0o600)
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        do throws(StoreError) {
            while try !disk.tryLock(fd, file: path) {
                guard clock.now < deadline else { throw StoreError.busy(file: path) }
                usleep(10_000)
            }
        } catch {
            disk.closeQuietly(fd)
            throw error
        }
        return JournalLock(fd: fd, path: path)
    }

    /// Closing the descriptor releases the lock even if the unlock call fails.
    func release(disk: Disk) {
        try? disk.fileSystem.unlock(fd)
        disk.closeQuietly(fd)
    }
}
