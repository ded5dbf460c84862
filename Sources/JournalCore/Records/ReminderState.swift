import Foundation

/// A reminder the person snoozed or dismissed. It changes only what is shown: a dismissed
/// dose reminder is still a missing dose in the record.
public struct ReminderState: Equatable, Codable, Sendable {
    /// The reminder's stable id.
    public var reminder: String
    public var snoozedUntil: Date?
    public var dismissed: Bool
    /// When `isojournal remind --notify` sent it as a desktop notification (sent once).
    public var notifiedAt: Date?

    public init(reminder: String, snoozedUntil: Date? = nil, dismissed: Bool = false, notifiedAt: Date? = nil) {
        self.reminder = reminder
        self.snoozedUntil = snoozedUntil
        self.dismissed = dismissed
        self.notifiedAt = notifiedAt
    }

    enum CodingKeys: String, CodingKey { case reminder, snoozedUntil, dismissed, notifiedAt }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reminder = try c.decode(String.self, forKey: .reminder)
        dismissed = try c.decodeIfPresent(Bool.self, forKey: .dismissed) ?? false
        snoozedUntil = try Self.time(c, .snoozedUntil)
        notifiedAt = try Self.time(c, .notifiedAt)
    }

    private static func time(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Date? {
        guard let text = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let date = Timestamp.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "not a time like 2026-11-26T22:10:05Z")
        }
        return date
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reminder, forKey: .reminder)
        try c.encodeIfPresent(snoozedUntil.map(Timestamp.utcText), forKey: .snoozedUntil)
        if dismissed { try c.encode(true, forKey: .dismissed) }
        try c.encodeIfPresent(notifiedAt.map(Timestamp.utcText), forKey: .notifiedAt)
    }

    public static func entryID(reminder: String) -> EntryID { EntryID("reminder-\(reminder)") }

    /// Whether it hides the reminder at `now`.
    public func hides(at now: Date) -> Bool { dismissed || (snoozedUntil.map { now < $0 } ?? false) }
}
