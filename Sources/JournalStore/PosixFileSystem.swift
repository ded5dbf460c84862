import Glibc

/// The real file system, one system call per method.
public struct PosixFileSystem: FileSystem, Sendable {
    public init() {}

    public func open(_ path: String, flags: Int32, mode: UInt32) throws(SystemError) -> Int32 {
        let fd = Glibc.open(path, flags, mode_t(mode))
        guard fd >= 0 else { throw SystemError(errno, call: "open") }
        return fd
    }

    public func close(_ fd: Int32) throws(SystemError) {
        guard Glibc.close(fd) == 0 else { throw SystemError(errno, call: "close") }
    }

    public func read(_ fd: Int32, count: Int, at offset: Int) throws(SystemError) -> [UInt8] {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: max(count, 0)) { buffer, initialized in
            let n = pread(fd, buffer.baseAddress, count, off_t(offset))
            if n < 0 { failure = errno; initialized = 0 } else { initialized = n }
        }
        if failure != 0 { throw SystemError(failure, call: "read") }
        return bytes
    }

    public func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemError) -> Int {
        let n = Glibc.write(fd, bytes.baseAddress, bytes.count)
        guard n >= 0 else { throw SystemError(errno, call: "write") }
        return n
    }

    public func fsync(_ fd: Int32) throws(SystemError) {
        guard Glibc.fsync(fd) == 0 else { throw SystemError(errno, call: "fsync") }
    }

    public func ftruncate(_ fd: Int32, size: Int) throws(SystemError) {
        guard Glibc.ftruncate(fd, off_t(size)) == 0 else { throw SystemError(errno, call: "ftruncate") }
    }

    public func fstat(_ fd: Int32) throws(SystemError) -> FileStatus {
        var info = Glibc.stat()
        guard Glibc.fstat(fd, &info) == 0 else { throw SystemError(errno, call: "fstat") }
        return FileStatus(info)
    }

    public func stat(_ path: String) throws(SystemError) -> FileStatus {
        var info = Glibc.stat()
        guard statPath(path, &info) == 0 else { throw SystemError(errno, call: "stat") }
        return FileStatus(info)
    }

    public func lstat(_ path: String) throws(SystemError) -> FileStatus {
        var info = Glibc.stat()
        guard Glibc.lstat(path, &info) == 0 else { throw SystemError(errno, call: "lstat") }
        return FileStatus(info)
    }

    public func fchmod(_ fd: Int32, mode: UInt32) throws(SystemError) {
        guard Glibc.fchmod(fd, mode_t(mode)) == 0 else { throw SystemError(errno, call: "fchmod") }
    }

    public func chmod(_ path: String, mode: UInt32) throws(SystemError) {
        guard Glibc.chmod(path, mode_t(mode)) == 0 else { throw SystemError(errno, call: "chmod") }
    }

    public func mkdir(_ path: String, mode: UInt32) throws(SystemError) {
        guard Glibc.mkdir(path, mode_t(mode)) == 0 else { throw SystemError(errno, call: "mkdir") }
    }

    public func rename(_ from: String, to: String) throws(SystemError) {
        guard Glibc.rename(from, to) == 0 else { throw SystemError(errno, call: "rename") }
    }

    public func unlink(_ path: String) throws(SystemError) {
        guard Glibc.unlink(path) == 0 else { throw SystemError(errno, call: "unlink") }
    }

    public func listDirectory(_ path: String) throws(SystemError) -> [String] {
        guard let dir = opendir(path) else { throw SystemError(errno, call: "opendir") }
        defer { closedir(dir) }
        var names: [String] = []
        while true {
            errno = 0
            guard let item = readdir(dir) else {
                if errno != 0 { throw SystemError(errno, call: "readdir") }
                return names
            }
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    public func tryLockExclusive(_ fd: Int32) throws(SystemError) -> Bool {
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
        let code = errno
        if code == EWOULDBLOCK || code == EAGAIN { return false }
        throw SystemError(code, call: "flock")
    }

    public func unlock(_ fd: Int32) throws(SystemError) {
        guard flock(fd, LOCK_UN) == 0 else { throw SystemError(errno, call: "flock") }
    }
}

extension FileStatus {
    init(_ info: Glibc.stat) {
        let type = info.st_mode & S_IFMT
        let kind: Kind = type == S_IFREG ? .regular : type == S_IFDIR ? .directory : type == S_IFLNK ? .symbolicLink : .other
        self.init(kind: kind,
                  device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int(info.st_size),
                  permissions: UInt32(info.st_mode & 0o7777), owner: UInt32(info.st_uid))
    }
}

/// At file scope `stat(_:_:)` names the C function (inside the struct it would be the method).
private func statPath(_ path: String, _ info: inout Glibc.stat) -> Int32 { stat(path, &info) }
