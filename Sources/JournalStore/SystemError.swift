import Glibc

/// A failed system call: which call, and the `errno` it set.
public struct SystemError: Error, Equatable, Sendable, CustomStringConvertible {
    public var code: Int32
    /// The call that failed, e.g. "write".
    public var call: String

    public init(_ code: Int32, call: String) {
        self.code = code
        self.call = call
    }

    /// The system's own wording, e.g. "No space left on device".
    public var systemText: String { String(cString: strerror(code)) }

    public var description: String { "\(call): \(systemText) (errno \(code))" }

    /// What went wrong, in words for the person using the journal.
    public var plainWords: String {
        switch code {
        case ENOSPC, EDQUOT: return "the disk is full"
        case EFBIG: return "the file has grown larger than this system allows"
        case EROFS: return "the disk is read-only"
        case EACCES, EPERM: return "permission was denied"
        case ENOENT: return "the file or folder does not exist"
        case ENOTDIR: return "part of the path is a file, not a folder"
        default: return "the system reported an error (\(systemText))"
        }
    }

    /// What the person can do about it.
    var advice: String {
        switch code {
        case ENOSPC, EDQUOT: return "Free some space on the disk, then save again."
        case EFBIG: return "Check the file size limit (ulimit -f), then save again."
        case EROFS: return "Move the journal to a disk that can be written, or remount it, then save again."
        case EACCES, EPERM: return "Check who owns the journal folder and its files, then save again."
        default: return "Check the disk, then save again."
        }
    }
}
