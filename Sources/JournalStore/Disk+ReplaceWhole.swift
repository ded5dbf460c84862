import Glibc

extension Disk {
    /// Replaces `path` by `bytes` so a crash leaves the old file or the new one, never a mix: a
    /// new private file (0600) beside it, synced, renamed over it, the folder synced. For small
    /// files rewritten whole (`journal.key`, a file being sealed or opened, this machine's
    /// device file); the journal itself is only ever appended to.
    static func replaceWhole(_ bytes: [UInt8], at path: String, folder: String) throws(StoreError) {
        let disk = Disk(fileSystem: PosixFileSystem(), activity: .saving)
        let temp = path + ".tmp-" + String(UInt64.random(in: .min ... .max), radix: 16)
        let fd = try disk.open(temp, flags: O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode: 0o600, file: path)
        var isOpen = true
        do {
            try disk.fchmod(fd, mode: 0o600, file: path)
            try disk.writeAll(fd, bytes, file: path)
            try disk.fsync(fd, file: path)
            disk.closeQuietly(fd)
            isOpen = false
            try disk.rename(temp, to: path, file: path)
            try disk.fsyncDirectory(folder, file: path)
        } catch {
            if isOpen { disk.closeQuietly(fd) }
            try? PosixFileSystem().unlink(temp)
            throw error
        }
    }
}
