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
        let fd = try disk.open(path, flags: O_RDONLY | O_CREAT | O_CLOEXEC, mode: 0o600)
        // The lock file is empty, so its mode protects nothing; keep it tidy but never fail over it.
        if let status = try? disk.fileSystem.fstat(fd), status.permissions != 0o600 {
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
