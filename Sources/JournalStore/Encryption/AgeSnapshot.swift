/// Encrypted snapshots: today's snapshot bytes inside an age v1 passphrase file, so a
/// caregiver can open one with IsoJournal or with any `age` client (`age -d`).
extension Snapshot {
    /// A snapshot file as read from disk, before it is opened: plain or age-encrypted.
    public struct File: Sendable, Equatable {
        public let path: String
        let bytes: [UInt8]
        /// An age file: opening it needs the passphrase.
        public var isEncrypted: Bool { Age.isAgeFile(bytes) }
    }

    /// The snapshot file at `path`, read whole (never following a link, never waiting on a
    /// pipe). An encrypted file's header is checked here, so a damaged one or one asking for
    /// an unreasonable work factor is refused before anyone is asked for a passphrase.
    public static func readFile(path: String, fileSystem: any FileSystem = PosixFileSystem()) throws(SnapshotError) -> File {
        guard let bytes = try readRegularFile(path, fileSystem: fileSystem) else { throw .cannotRead(file: path) }
        let file = File(path: path, bytes: bytes)
        if file.isEncrypted {
            do throws(AgeError) {
                _ = try Age.workFactor(of: bytes)
            } catch {
                throw .encryptionRefused(file: path, reason: error.reason)
            }
        }
        return file
    }

    /// The checked contents of `file`, decrypting it first when it is encrypted. Nothing
    /// partial is returned: a wrong passphrase or any changed byte throws.
    public static func open(_ file: File, passphrase: [UInt8]?) throws(SnapshotError) -> Contents {
        guard file.isEncrypted else { return try read(file.bytes, file: file.path) }
        guard let passphrase else { throw .needsPassphrase(file: file.path) }
        let plain: [UInt8]
        do throws(AgeError) {
            plain = try Age.decrypt(file.bytes, passphrase: passphrase)
        } catch .wrongPassphrase {
            throw .wrongPassphrase(file: file.path)
        } catch {
            throw .encryptionRefused(file: file.path, reason: error.reason)
        }
        return try read(plain, file: file.path)
    }

    /// `snapshot` (the bytes `make` returns) encrypted to `passphrase` as an age v1 file.
    /// Fails only when the work factor's memory cannot be had.
    public static func encrypt(_ snapshot: [UInt8], passphrase: [UInt8], logN: Int = Age.defaultLogN) throws(AgeError) -> [UInt8] {
        try Age.encrypt(snapshot, passphrase: passphrase, logN: logN)
    }
}
