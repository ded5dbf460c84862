import Foundation
import JournalCore

/// A read-only copy of the journal to hand to a caregiver on another machine.
///
/// ```
/// {"format":"isojournal-snapshot","snapshotVersion":1,"createdAt":"…Z","journalBytes":N,"sha256":"<64 hex>"}
/// <the journal file's complete lines, byte for byte: its header line, then every revision>
/// ```
/// The SHA-256 of the journal bytes lets a reader detect a snapshot that was changed or
/// damaged after it was written. It is an integrity check, not a signature: anyone who edits
/// the journal part can also recompute the checksum.
public enum Snapshot {
    public static let formatName = "isojournal-snapshot"
    public static let version = 1

    /// The snapshot of the journal at `journalPath` as it is durably on disk now (its complete
    /// lines). The journal part is checked to read before anything is written.
    public static func make(journalPath: String, createdAt: Date,
                            fileSystem: any FileSystem = PosixFileSystem()) throws(SnapshotError) -> [UInt8] {
        var journalBytes: [UInt8]
        if let bytes = try readRegularFile(journalPath, fileSystem: fileSystem) {
            journalBytes = bytes
            // Bytes after the last newline are a save in progress or a torn line: not part of the journal.
            journalBytes.removeSubrange((journalBytes.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)...)
            _ = try journal(from: journalBytes, file: journalPath)
        } else {
            journalBytes = JournalHeader(createdAt: createdAt).encodeLine()
        }
        return header(for: journalBytes, createdAt: createdAt) + journalBytes
    }

    static func header(for journalBytes: [UInt8], createdAt: Date) -> [UInt8] {
        var json = JSONText()
        json.add("format", string: formatName)
        json.add("snapshotVersion", int: version)
        json.add("createdAt", string: Timestamp.utcText(createdAt))
        json.add("journalBytes", int: journalBytes.count)
        json.add("sha256", string: Checksum.sha256Hex(journalBytes))
        return json.line()
    }

    /// What a snapshot file says about itself, once checked.
    public struct Contents: Sendable {
        public let createdAt: Date?
        public let journal: Journal
    }

    /// Reads and checks a plain snapshot file: its header, its length, its checksum, every line.
    /// An encrypted one is refused with `.needsPassphrase`; open those with `readFile` + `open`.
    public static func load(path: String, fileSystem: any FileSystem = PosixFileSystem()) throws(SnapshotError) -> Contents {
        try open(readFile(path: path, fileSystem: fileSystem), passphrase: nil)
    }

    public static func read(_ bytes: [UInt8], file: String) throws(SnapshotError) -> Contents {
        guard let newline = bytes.firstIndex(of: 0x0A) else { throw .notASnapshot(file: file) }
        let fields: SnapshotHeaderFields
        do {
            fields = try JSONDecoder().decode(SnapshotHeaderFields.self, from: Data(bytes[..<newline]))
        } catch {
            throw .notASnapshot(file: file)
        }
        guard fields.format == formatName else { throw .notASnapshot(file: file) }
        guard fields.snapshotVersion <= version else { throw .newerVersion(file: file, version: fields.snapshotVersion) }
        let journalBytes = Array(bytes[(newline + 1)...])
        guard journalBytes.count == fields.journalBytes, Checksum.sha256Hex(journalBytes) == fields.sha256.lowercased() else {
            throw .changed(file: file, expectedBytes: fields.journalBytes, actualBytes: journalBytes.count)
        }
        return Contents(createdAt: Timestamp.parse(fields.createdAt), journal: try journal(from: journalBytes, file: file))
    }

    private static func journal(from bytes: [UInt8], file: String) throws(SnapshotError) -> Journal {
        let read: JournalReader.Result
        do {
            read = try JournalReader.read(bytes, firstLine: 1, startsWithHeader: true)
        } catch {
            throw .journalDamaged(file: file, line: error.line, detail: error.detail)
        }
        var journal = Journal()
        for entry in read.entries { journal.apply(entry) }
        return journal
    }
}

private struct SnapshotHeaderFields: Decodable {
    var format: String
    var snapshotVersion: Int
    var createdAt: String
    var journalBytes: Int
    var sha256: String
}

/// Why a snapshot could not be made or opened, in words for the person holding it.
public enum SnapshotError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotRead(file: String)
    case notASnapshot(file: String)
    case newerVersion(file: String, version: Int)
    case changed(file: String, expectedBytes: Int, actualBytes: Int)
    case journalDamaged(file: String, line: Int, detail: String)
    /// Something other than a regular file is at the path (`what` it is); nothing was read.
    case notAFile(file: String, what: String)
    /// The path is a symbolic link; it was not followed.
    case symbolicLink(file: String)
    /// An age-encrypted snapshot and no passphrase to open it.
    case needsPassphrase(file: String)
    /// The passphrase does not open the encrypted snapshot (or its passphrase stanza was changed).
    case wrongPassphrase(file: String)
    /// An age file that cannot be opened for another reason: `reason` ends the sentence "FILE …".
    case encryptionRefused(file: String, reason: String)

    public var message: String {
        switch self {
        case .cannotRead(let file):
            return "IsoJournal could not read \(file): it is missing or not readable."
        case .notASnapshot(let file):
            return "\(file) is not an IsoJournal snapshot (its first line is not a snapshot header). "
                + "Make one with `isojournal export snapshot -o FILE`."
        case let .newerVersion(file, version):
            return "\(file) is a snapshot of version \(version), made by a newer IsoJournal. Update IsoJournal to open it."
        case let .changed(file, expected, actual):
            let size = expected == actual ? "" : " (it should hold \(expected) bytes of journal, it holds \(actual))"
            return "The snapshot \(file) was changed or damaged after it was made\(size): its SHA-256 check does not match. "
                + "It was not opened. Ask for a fresh snapshot."
        case let .journalDamaged(file, line, detail):
            return "The journal inside \(file) is damaged at line \(line): \(detail). It was not opened."
        case let .notAFile(file, what):
            return "\(file) is \(what), not a file, so it cannot be a snapshot: nothing was read from it. "
                + "Give the path of the snapshot file itself."
        case let .symbolicLink(file):
            return "\(file) is a symbolic link; IsoJournal does not follow it. Give the path of the snapshot file itself."
        case let .needsPassphrase(file):
            return "\(file) is an encrypted snapshot: it needs its passphrase to open."
        case let .wrongPassphrase(file):
            return "The passphrase does not open the encrypted snapshot \(file). Nothing was shown."
        case let .encryptionRefused(file, reason):
            return "The encrypted snapshot \(file) \(reason). It was not opened."
        }
    }

    public var description: String { message }
}
