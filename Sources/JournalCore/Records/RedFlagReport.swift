import Foundation

/// A yes to one of the red-flag questions, and proof the urgent notice was shown.
public struct RedFlagReport: Equatable, Codable, Sendable {
    /// The red-flag catalogue id, e.g. "mood-self-harm".
    public var flag: String
    /// The notice text exactly as it was shown, so the record says what the person was told.
    public var noticeShown: String
    /// When the person closed the notice with the deliberate key.
    public var acknowledgedAt: Date?

    public init(flag: String, noticeShown: String, acknowledgedAt: Date?) {
        self.flag = flag
        self.noticeShown = noticeShown
        self.acknowledgedAt = acknowledgedAt
    }

    enum CodingKeys: String, CodingKey {
        case flag, noticeShown, acknowledgedAt
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        flag = try c.decode(String.self, forKey: .flag)
        noticeShown = try c.decode(String.self, forKey: .noticeShown)
        if let text = try c.decodeIfPresent(String.self, forKey: .acknowledgedAt) {
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(forKey: .acknowledgedAt, in: c, debugDescription: "bad time \(text)")
            }
            acknowledgedAt = date
        } else {
            acknowledgedAt = nil
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(flag, forKey: .flag)
        try c.encode(noticeShown, forKey: .noticeShown)
        try c.encodeIfPresent(acknowledgedAt.map(Timestamp.utcText), forKey: .acknowledgedAt)
    }

    public static func entryID(day: LocalDate, flag: String) -> EntryID {
        EntryID("red-flag-\(day.iso)-\(flag)")
    }
}
