import Foundation

/// The stable name of one record across all its revisions.
///
/// Records that are "one per day and thing" (a symptom's grade for a day, a red-flag answer
/// for a day) have ids derived from what they are about, so two copies of the program that
/// log the same thing amend one record instead of creating two.
public struct EntryID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: EntryID, b: EntryID) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// One revision of one record, exactly as it is written as a line of the journal.
///
/// The journal is append-only: correcting a record writes a new revision with the same id;
/// removing it writes a retraction. Earlier revisions stay in the file, so the history of
/// every record can be shown (what was recorded when, and what changed).
public struct Entry: Equatable, Sendable {
    public var id: EntryID
    /// 1 for the first version of a record, then 2, 3, ...
    public var revision: Int
    /// When this revision was written (UTC).
    public var recordedAt: Date
    /// The calendar day the record is about, in the patient's own calendar.
    public var day: LocalDate
    /// The exact moment it happened, with the wall-clock offset it happened at, when that matters.
    public var occurredAt: Date?
    public var occurredOffsetSeconds: Int?
    /// The content; nil for a retraction.
    public var body: EntryBody?
    /// Why a record was retracted or corrected, as the person said it.
    public var reason: String?
    /// Which machine wrote it and what it knew then; nil for a line of a single-file
    /// (version 1) journal, written before the journal had devices.
    public var origin: EntryOrigin?

    public init(id: EntryID, revision: Int, recordedAt: Date, day: LocalDate, occurredAt: Date? = nil,
                occurredOffsetSeconds: Int? = nil, body: EntryBody?, reason: String? = nil, origin: EntryOrigin? = nil) {
        self.id = id
        self.revision = revision
        self.recordedAt = recordedAt
        self.day = day
        self.occurredAt = occurredAt
        self.occurredOffsetSeconds = occurredOffsetSeconds
        self.body = body
        self.reason = reason
        self.origin = origin
    }

    public var isRetraction: Bool { body == nil }
    public var kind: EntryKind? { body?.kind }
}

/// What a screen or a command asks the store to record. The store, holding the lock and
/// knowing the latest revision, turns it into an `Entry`.
public enum JournalChange: Equatable, Sendable {
    /// Write `body` as the newest revision of record `id` (a new record if the id is unused).
    case put(id: EntryID, day: LocalDate, occurredAt: Date?, occurredOffsetSeconds: Int?, body: EntryBody, reason: String?)
    /// Withdraw record `id`; its earlier revisions stay in the history.
    case retract(id: EntryID, day: LocalDate, reason: String?)

    public var id: EntryID {
        switch self {
        case .put(let id, _, _, _, _, _), .retract(let id, _, _): return id
        }
    }

    public static func put(_ id: EntryID, day: LocalDate, body: EntryBody, reason: String? = nil) -> JournalChange {
        .put(id: id, day: day, occurredAt: nil, occurredOffsetSeconds: nil, body: body, reason: reason)
    }

    /// The entry this change becomes, given the record's latest revision number (0 if new).
    public func entry(after latestRevision: Int, recordedAt: Date) -> Entry {
        switch self {
        case let .put(id, day, occurredAt, offset, body, reason):
            return Entry(id: id, revision: latestRevision + 1, recordedAt: recordedAt, day: day,
                         occurredAt: occurredAt, occurredOffsetSeconds: offset, body: body, reason: reason)
        case let .retract(id, day, reason):
            return Entry(id: id, revision: latestRevision + 1, recordedAt: recordedAt, day: day, body: nil, reason: reason)
        }
    }
}
