/// Everything that can go wrong with the journal files, each with a message written for the
/// person keeping the journal. Every message names the file or folder concerned.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Neither a folder was given nor `HOME` is set, so there is nowhere to keep the journal.
    case noDataFolder
    /// The journal folder could not be created or used.
    case folderUnusable(path: String, cause: SystemError)
    /// A file could not be opened or read while loading the journal.
    case cannotRead(file: String, cause: SystemError)
    /// Something other than a file (a folder, a device, a named pipe) is where the journal should be.
    case notAFile(file: String)
    /// A symbolic link is where the journal or its lock should be; it was not followed.
    case symbolicLink(file: String)
    /// The journal folder belongs to another user: anyone who owns it can swap the files in it.
    case folderNotYours(path: String, owner: UInt32)
    /// Other people can create, replace or delete files in the journal folder.
    case folderWritableByOthers(path: String, permissions: UInt32)
    /// A complete line could not be read. The file has not been changed.
    case damaged(file: String, line: Int, detail: String)
    /// A newer IsoJournal wrote a file this version cannot read. The file has not been changed.
    case newerVersion(file: String, schemaVersion: Int)
    /// Another copy of IsoJournal held the lock for longer than the store waits.
    case busy(file: String)
    /// The journal is open for viewing only; nothing was written.
    case readOnly(file: String, reason: String)
    /// Writing failed; the journal file is as it was before, and the entry is still in memory.
    case notSaved(file: String, cause: SystemError)
    /// A change this version cannot write (see `EntryCodec.encodeLine`); nothing was written.
    case invalidChange(id: String, detail: String)
    /// This machine's device file (see `LocalDevice`) could not be read or written.
    case cannotUseDevice(path: String, detail: String)
    /// The journal is encrypted and was opened without its key.
    case locked(path: String)

    public var message: String {
        switch self {
        case .noDataFolder:
            return "IsoJournal does not know where to keep your journal: HOME is not set. "
                + "Set ISOJOURNAL_DATA_DIR to a folder, or pass one on the command line."
        case let .folderUnusable(path, cause):
            return "IsoJournal cannot use the journal folder \(path): \(cause.plainWords)."
        case let .cannotRead(file, cause):
            return "IsoJournal could not open or read \(file): \(cause.plainWords). The file has not been changed."
        case let .notAFile(file):
            return "\(file) should be your journal file, but something else (such as a folder or a named pipe) is there. "
                + "IsoJournal has not changed it; move it away or choose another journal folder."
        case let .symbolicLink(file):
            return "\(file) is a symbolic link. IsoJournal never follows links in the journal folder, so nothing was "
                + "read, changed or created through it. Put the real file in its place (or remove the link), "
                + "or choose another journal folder with --data-dir."
        case let .folderNotYours(path, owner):
            return "The journal folder \(path) belongs to another user (user id \(owner)), who could read or replace "
                + "your journal. IsoJournal will not keep a journal there. Use a folder of your own (--data-dir), "
                + "or if it should be yours: sudo chown \"$(id -u)\" '\(path)' && chmod 700 '\(path)'"
        case let .folderWritableByOthers(path, permissions):
            return "Other people can add, replace or delete files in the journal folder \(path) (permissions "
                + "\(String(permissions, radix: 8))). IsoJournal will not write there until it is private. "
                + "To fix it, run: chmod 700 '\(path)'"
        case let .damaged(file, line, detail):
            return "Your journal file \(file) is damaged at line \(line): \(detail). "
                + "IsoJournal has not changed the file, and will not write to it until it is repaired. "
                + "Run `isojournal check` to see every damaged line, and `isojournal repair` to see how it can be "
                + "repaired (the damaged file is kept)."
        case let .newerVersion(file, version):
            return "Your journal file \(file) was written by a newer version of IsoJournal (format version "
                + "\(version)), and this version cannot read it. The file has not been changed. Update IsoJournal to open it."
        case let .busy(file):
            return "Another copy of IsoJournal is saving to \(file) and did not finish in time. "
                + "Nothing was changed. Please try again in a moment."
        case let .readOnly(file, reason):
            return "Nothing was saved: \(file) is open for viewing only, because \(reason)."
        case let .notSaved(file, cause):
            return "Your entry was NOT saved and is still on screen: \(cause.plainWords) (\(file)). \(cause.advice)"
        case let .invalidChange(id, detail):
            return "Your entry was NOT saved and is still on screen: record \(id) cannot be written because \(detail)."
        case let .locked(path):
            return "This journal is encrypted (\(path)): IsoJournal needs its passphrase to open it. Nothing was read or changed."
        case let .cannotUseDevice(path, detail):
            return "IsoJournal cannot use this machine's device file \(path): \(detail). Nothing was changed. "
                + "Move it away to give this machine a new device id (its entries so far stay in the journal)."
        }
    }

    public var description: String { message }

    /// The system error behind this one, if any.
    public var cause: SystemError? {
        switch self {
        case .folderUnusable(_, let cause), .cannotRead(_, let cause), .notSaved(_, let cause): return cause
        default: return nil
        }
    }
}
