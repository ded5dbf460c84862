/// The few file-system calls the store makes, behind a protocol so tests can make any one of
/// them fail (disk full, I/O error) and check that the journal survives.
///
/// The calls mirror POSIX: descriptors are `Int32`, modes are permission bits, and every
/// failure carries the `errno` it came with. Implementations do not retry anything (not even
/// `EINTR`); the store decides what is safe to retry.
public protocol FileSystem {
    /// `open(2)`. `mode` matters only when `flags` contains `O_CREAT`.
    func open(_ path: String, flags: Int32, mode: UInt32) throws(SystemError) -> Int32
    /// `close(2)`. Like Linux, the descriptor is gone afterwards even if this throws.
    func close(_ fd: Int32) throws(SystemError)
    /// `pread(2)`: up to `count` bytes from `offset`; an empty result means end of file.
    func read(_ fd: Int32, count: Int, at offset: Int) throws(SystemError) -> [UInt8]
    /// `write(2)`: returns how many bytes were written, which may be fewer than asked.
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemError) -> Int
    func fsync(_ fd: Int32) throws(SystemError)
    func ftruncate(_ fd: Int32, size: Int) throws(SystemError)
    func fstat(_ fd: Int32) throws(SystemError) -> FileStatus
    func stat(_ path: String) throws(SystemError) -> FileStatus
    /// `lstat(2)`: like `stat`, but a symbolic link is described itself, not followed.
    func lstat(_ path: String) throws(SystemError) -> FileStatus
    func fchmod(_ fd: Int32, mode: UInt32) throws(SystemError)
    func chmod(_ path: String, mode: UInt32) throws(SystemError)
    func mkdir(_ path: String, mode: UInt32) throws(SystemError)
    func rename(_ from: String, to: String) throws(SystemError)
    func unlink(_ path: String) throws(SystemError)
    /// Names in a directory, without "." and "..".
    func listDirectory(_ path: String) throws(SystemError) -> [String]
    /// `flock(LOCK_EX | LOCK_NB)`: true if the lock was taken, false if someone else holds it.
    func tryLockExclusive(_ fd: Int32) throws(SystemError) -> Bool
    func unlock(_ fd: Int32) throws(SystemError)
}

/// What `stat` says about a file, reduced to what the store uses.
public struct FileStatus: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case regular, directory, symbolicLink, other }

    public var kind: Kind
    public var device: UInt64
    public var inode: UInt64
    public var size: Int
    /// Permission bits only, e.g. 0o600.
    public var permissions: UInt32
    /// The owner's user id.
    public var owner: UInt32

    public init(kind: Kind, device: UInt64, inode: UInt64, size: Int, permissions: UInt32, owner: UInt32 = 0) {
        self.kind = kind
        self.device = device
        self.inode = inode
        self.size = size
        self.permissions = permissions
        self.owner = owner
    }

    /// Same file on disk (a rename over it gives a new inode).
    func isSameFile(as other: FileStatus) -> Bool { device == other.device && inode == other.inode }
}
