import Foundation
import JournalCore

/// Line 1 of the journal: what the file is and which format version wrote it.
///
/// `{"format":"isojournal","schemaVersion":1,"createdAt":"2026-11-26T22:10:05Z"}`
/// Keys this version does not know are ignored, so a newer minor version may add some.
public struct JournalHeader: Equatable, Sendable {
    public static let formatName = "isojournal"
    /// The format version this IsoJournal writes. A file with a higher one is opened read-only.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var createdAt: Date?

    public init(schemaVersion: Int = JournalHeader.currentSchemaVersion, createdAt: Date?) {
        self.schemaVersion = schemaVersion
        self.createdAt = createdAt
    }

    public func encodeLine() -> [UInt8] {
        var json = JSONText()
        json.add("format", string: Self.formatName)
        json.add("schemaVersion", int: schemaVersion)
        if let createdAt { json.add("createdAt", string: Timestamp.utcText(createdAt)) }
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
        return JournalHeader(schemaVersion: fields.schemaVersion, createdAt: fields.createdAt.flatMap { Timestamp.parse($0) })
    }

    private static let decoder = JSONDecoder()
}

private struct HeaderFields: Decodable {
    var format: String
    var schemaVersion: Int
    var createdAt: String?
}
