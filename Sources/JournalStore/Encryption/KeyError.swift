/// Why the key file could not be made, read or unlocked, in words for the person keeping the
/// journal. None of these changes any file: the key file is only ever written whole by the caller.
public enum KeyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The passphrase does not unlock this key file. (A key file rewritten on purpose with
    /// other parameters also ends here: without the passphrase, that cannot be told apart.)
    case wrongPassphrase
    /// An empty passphrase was given where a new one is being set.
    case emptyPassphrase
    /// The file is not a key file IsoJournal wrote, or it was changed after it was written.
    case damaged(detail: String)
    /// A newer IsoJournal wrote it (a later version, or a key derivation this version does not know).
    case newerVersion(detail: String)
    /// The scrypt work factor 2^logN is outside what IsoJournal makes or accepts: below it is
    /// too weak, above it one unlock could take minutes and gigabytes of memory.
    case workFactorOutOfRange(logN: Int)
    /// scrypt itself failed, which in practice means the memory it needs could not be had.
    case derivationFailed

    public var message: String {
        switch self {
        case .wrongPassphrase:
            return "That passphrase does not unlock this journal's key file (journal.key). Nothing was changed."
        case .emptyPassphrase:
            return "The passphrase is empty. Choose a passphrase of at least one character; nothing was changed."
        case let .damaged(detail):
            return "The journal's key file (journal.key) is damaged: \(detail). Nothing was changed. "
                + "Restore journal.key from another device or a backup; without it the encrypted journal cannot be read."
        case let .newerVersion(detail):
            return "The journal's key file (journal.key) was written by a newer version of IsoJournal (\(detail)). "
                + "Nothing was changed. Update IsoJournal to open this journal."
        case let .workFactorOutOfRange(logN):
            return "The scrypt work factor 2^\(logN) is outside what IsoJournal makes or accepts "
                + "(2^\(JournalKey.minimumLogN) to 2^\(JournalKey.maximumLogN)), so the key file was not made or "
                + "unlocked. Nothing was changed."
        case .derivationFailed:
            return "The passphrase could not be checked: the computer did not have the memory it needs "
                + "(scrypt). Close other programs and try again; nothing was changed."
        }
    }

    public var description: String { message }
}
