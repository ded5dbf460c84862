import Foundation

/// A reminder the person snoozed or dismissed. It changes only what is shown: a dismissed
/// dose reminder is still a missing dose in the record.
public struct ReminderState: Equatable, Codable, Sendable {
    /// The reminder's stable id.
    public var reminder: String
    public var snoozedUntil: Date?
    public var dismissed: Bool
    /// When `isojournal remind --notify` last sent it as a desktop notification.
    public var notifiedAt: Date?
    /// How urgent it was then ("due now", "overdue", "stop"): a change of urgency sends it again.
    public var notifiedUrgency: String?
    /// For a stop alert: when the person said they had seen it (notifications stop repeating;
    /// the alert itself stays until the prescriber's decision is recorded).
    public var acknowledgedAt: Date?

    public init(reminder: String, snoozedUntil: Date? = nil, dismissed: Bool = false, notifiedAt: Date? = nil,
                notifiedUrgency: String? = nil, acknowledgedAt: Date? = nil) {
        self.reminder = reminder
        self.snoozedUntil = snoozedUntil
        self.dismissed = dismissed
        self.notifiedAt = notifiedAt
        self.notifiedUrgency = notifiedUrgency
        self.acknowledgedAt = acknowledgedAt
    }

    enum CodingKeys: String, CodingKey { case reminder, snoozedUntil, dismissed, notifiedAt, notifiedUrgency, acknowledgedAt }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reminder = try c.decode(String.self, forKey: .reminder)
        dismissed = try c.decodeIfPresent(Bool.self, forKey: .dismissed) ?? false
        snoozedUntil = try Self.time(c, .snoozedUntil)
        notifiedAt = try Self.time(c, .notifiedAt)
        notifiedUrgency = try c.decodeIfPresent(String.self, forKey: .notifiedUrgency)
        acknowledgedAt = try Self.time(c, .acknowledgedAt)
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
        try c.encodeIfPresent(notifiedUrgency, forKey: .notifiedUrgency)
        try c.encodeIfPresent(acknowledgedAt.map(Timestamp.utcText), forKey: .acknowledgedAt)
    }

    public static func entryID(reminder: String) -> EntryID { EntryID("reminder-\(reminder)") }

    /// Whether it hides the reminder at `now`.
    public func hides(at now: Date) -> Bool { dismissed || (snoozedUntil.map { now < $0 } ?? false) }
}

/// When a reminder is sent as a desktop notification: once when it falls due, again when its
/// urgency changes (due now → overdue) or a snooze ends, and a stop alert on every run until
/// it is acknowledged. Pure, so the cron path and the tests agree.
public enum NotificationPolicy {
    public static func shouldSend(_ reminder: Reminder, state: ReminderState?, now: Date) -> Bool {
        guard reminder.urgency.isDue else { return false }
        guard let state, let notified = state.notifiedAt else { return true }
        // Times are kept to the second: an acknowledgement in the same second as a new event does not cover it.
        if reminder.kind == .stopAlert { return (state.acknowledgedAt.map { $0 <= reminder.due }) ?? true }
        if state.notifiedUrgency != reminder.urgency.label { return true }
        if let until = state.snoozedUntil, notified < until, now >= until { return true }
        return false
    }
}
