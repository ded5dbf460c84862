import Foundation
import JournalCore

/// Line 1 of the journal: what the file is and which format version wrote it.
///
/// `{"format":"isojournal","schemaVersion":1,"createdAt":"2026-11-26T22:10:05Z"}`
/// Keys this version does not know are ignored, so a newer minor version may add some.
public struct JournalHeader: Equatable, Sendable {
    public static let formatName = "isojournal"
    /// The highest format version this IsoJournal reads and writes. A file with a higher one
    /// is opened read-only.
    public static let currentSchemaVersion = 2
    /// Version 1: the whole journal in `journal.jsonl` (one machine).
    public static let singleFileVersion = 1
    /// Version 2: one log per machine (`journal.<device>.jsonl`); `journal.jsonl` holds only a
    /// header saying so, which also makes a version-1 IsoJournal refuse to write.
    public static let deviceLogsVersion = 2

    public var schemaVersion: Int
    public var createdAt: Date?
    /// Version 2: the machine whose log this is (absent in `journal.jsonl`).
    public var device: String?

    public init(schemaVersion: Int = JournalHeader.singleFileVersion, createdAt: Date?, device: String? = nil) {
        self.schemaVersion = schemaVersion
        self.createdAt = createdAt
        self.device = device
    }

    public func encodeLine() -> [UInt8] {
        var json = JSONText()
        json.add("format", string: Self.formatName)
        json.add("schemaVersion", int: schemaVersion)
        if let createdAt { json.add("createdAt", string: Timestamp.utcText(createdAt)) }
        if schemaVersion == Self.deviceLogsVersion {
            if let device { json.add("device", string: device) } else { json.add("layout", string: "device-logs") }
        }
        return json.line()
    }

    public static func decodeLine(_ line: Data) throws(EntryCodec.Problem) -> JournalHeader {
        let fields: HeaderFields
        do {
            fields = try decoder.decode(HeaderFields.self, from: line)
        } catch {
            throw EntryCodec.Problem(EntryCodec.explain(error, line: line))
        }
        guard fields.format == formatName else {
            throw EntryCodec.Problem("it is not an IsoJournal journal (its \"format\" is \"\(fields.format)\")")
        }
        guard fields.schemaVersion >= 1 else {
            throw EntryCodec.Problem("its format version \(fields.schemaVersion) is not one IsoJournal ever wrote")
        }
        // A creation time that cannot be read is not worth refusing the journal for.
        return JournalHeader(schemaVersion: fields.schemaVersion, createdAt: fields.createdAt.flatMap { Timestamp.parse($0) },
                             device: fields.device)
    }

    private static let decoder = JSONDecoder()
}

private struct HeaderFields: Decodable {
    var format: String
    var schemaVersion: Int
    var createdAt: String?
    var device: String?
}
