import Glibc

extension Snapshot {
    /// The whole file at `path`, opened the way the journal is: a symbolic link is not followed
    /// and opening never waits, so a named pipe, a device or a socket given as the snapshot is
    /// refused at once instead of hanging the command; anything but a regular file is refused.
    /// nil when nothing is there.
    static func readRegularFile(_ path: String, fileSystem: any FileSystem) throws(SnapshotError) -> [UInt8]? {
        let disk = Disk(fileSystem: fileSystem, activity: .loading)
        let special = "a named pipe, a device or a socket"
        var isFolder = false
        do throws(StoreError) {
            guard let fd = try disk.openIfPresent(path, flags: O_RDONLY | Disk.journalFlags) else { return nil }
            defer { disk.closeQuietly(fd) }
            let status = try disk.fstat(fd, file: path)
            if status.kind == .regular { return try disk.readToEnd(fd, from: 0, sizeHint: status.size, file: path) }
            isFolder = status.kind == .directory
        } catch .notAFile {
            throw .notAFile(file: path, what: special) // a socket cannot even be opened (ENXIO)
        } catch .symbolicLink {
            throw .symbolicLink(file: path)
        } catch {
            throw .cannotRead(file: path)
        }
        throw .notAFile(file: path, what: isFolder ? "a folder" : special)
    }
}
