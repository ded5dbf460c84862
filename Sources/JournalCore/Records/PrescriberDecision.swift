import Foundation

/// What the prescriber decided after the course was put on hold (or while it is paused), as
/// the patient records it: continue, pause from–to, or stop. It ends the hold it resolves and
/// stays in the history with who decided, when, and the patient's note.
public struct PrescriberDecision: Equatable, Codable, Sendable {
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        /// Doses resume from the next planned intake after the decision.
        case continueCourse = "continue"
        /// No doses expected from `pauseFrom` to `pauseTo` (open-ended without it).
        case pause
        /// The course is finished on the day of the last dose taken.
        case stop

        public var words: String {
            switch self {
            case .continueCourse: return "continue"
            case .pause: return "pause"
            case .stop: return "stop"
            }
        }
    }

    public var outcome: Outcome
    /// Who decided, in the patient's words ("Dr Rao by phone").
    public var decidedBy: String?
    /// When the prescriber decided (not when it was typed in).
    public var decidedAt: Date
    public var pauseFrom: LocalDate?
    public var pauseTo: LocalDate?
    /// For `stop`: the day of the last dose taken, which starts the after-course countdowns.
    public var lastDoseDate: LocalDate?
    /// The stop events (record ids) this decision answers: those that put the course on hold.
    public var resolves: [EntryID]
    public var note: String?

    public init(outcome: Outcome, decidedBy: String?, decidedAt: Date, pauseFrom: LocalDate? = nil, pauseTo: LocalDate? = nil,
                lastDoseDate: LocalDate? = nil, resolves: [EntryID], note: String? = nil) {
        self.outcome = outcome
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.pauseFrom = pauseFrom
        self.pauseTo = pauseTo
        self.lastDoseDate = lastDoseDate
        self.resolves = resolves
        self.note = note
    }

    enum CodingKeys: String, CodingKey { case outcome, decidedBy, decidedAt, pauseFrom, pauseTo, lastDoseDate, resolves, note }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        outcome = try c.decode(Outcome.self, forKey: .outcome)
        decidedBy = try c.decodeIfPresent(String.self, forKey: .decidedBy)
        let text = try c.decode(String.self, forKey: .decidedAt)
        guard let instant = Timestamp.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: .decidedAt, in: c, debugDescription: "\"decidedAt\" is not a time like 2026-11-26T22:10:05Z")
        }
        decidedAt = instant
        pauseFrom = try c.decodeIfPresent(LocalDate.self, forKey: .pauseFrom)
        pauseTo = try c.decodeIfPresent(LocalDate.self, forKey: .pauseTo)
        lastDoseDate = try c.decodeIfPresent(LocalDate.self, forKey: .lastDoseDate)
        resolves = try c.decodeIfPresent([EntryID].self, forKey: .resolves) ?? []
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(outcome, forKey: .outcome)
        try c.encodeIfPresent(decidedBy, forKey: .decidedBy)
        try c.encode(Timestamp.utcText(decidedAt), forKey: .decidedAt)
        try c.encodeIfPresent(pauseFrom, forKey: .pauseFrom)
        try c.encodeIfPresent(pauseTo, forKey: .pauseTo)
        try c.encodeIfPresent(lastDoseDate, forKey: .lastDoseDate)
        try c.encode(resolves, forKey: .resolves)
        try c.encodeIfPresent(note, forKey: .note)
    }

    /// One record per decision, named by the moment it was made.
    public static func entryID(decidedAt: Date) -> EntryID {
        EntryID("decision-" + Timestamp.utcText(decidedAt).filter { $0.isNumber })
    }

    /// "continue", "pause 2026-12-01 to 2026-12-07", "stop (last dose 2026-11-29)".
    public var summary: String {
        switch outcome {
        case .continueCourse: return "continue"
        case .pause:
            return "pause from \(pauseFrom?.iso ?? "?")" + (pauseTo.map { " to \($0.iso)" } ?? " until further notice")
        case .stop: return "stop" + (lastDoseDate.map { " (last dose \($0.iso))" } ?? "")
        }
    }
}
