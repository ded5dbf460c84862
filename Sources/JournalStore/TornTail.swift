import Foundation
import Glibc

/// Bytes after the journal's last "\n": an append cut off by a crash, a kill or a full disk.
/// They were never acknowledged as saved, but they are the person's words, so they are
/// copied to a side file before the journal is cut back to its last complete line.
enum TornTail {
    /// Copies `tail` to `journal.torn-<time>` (0600, synced), then truncates the journal to
    /// `keepLength` and syncs it. Returns the side file's path.
    static func setAside(_ tail: ArraySlice<UInt8>, journalFD: Int32, keepLength: Int,
                         layout: DataDirectory, disk: Disk, now: Date) throws(StoreError) -> String {
        let journal = layout.journalPath
        var attempt = 1
        var sidePath = layout.tornPath(at: now, attempt: attempt)
        var sideFD: Int32
        while true {
            do {
                sideFD = try disk.fileSystem.open(sidePath, flags: O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode: 0o600)
                break
            } catch where error.code == EEXIST && attempt < 100 {
                attempt += 1
                sidePath = layout.tornPath(at: now, attempt: attempt)
            } catch {
                throw disk.failure(sidePath, error)
            }
        }
        var isOpen = true
        do {
            try disk.fchmod(sideFD, mode: 0o600, file: sidePath)
            try disk.writeAll(sideFD, Array(tail), file: sidePath)
            try disk.fsync(sideFD, file: sidePath)
            disk.closeQuietly(sideFD)
            isOpen = false
            try disk.fsyncDirectory(layout.path, file: sidePath)
        } catch {
            // Nothing has been cut yet: drop the incomplete copy and leave the journal as it is.
            if isOpen { disk.closeQuietly(sideFD) }
            try? disk.fileSystem.unlink(sidePath)
            throw error
        }
        // From here the copy is safe; keep it even if cutting the journal fails.
        try disk.ftruncate(journalFD, size: keepLength, file: journal)
        try disk.fsync(journalFD, file: journal)
        return sidePath
    }
}
