import Foundation

/// What happened to one planned intake: taken (how much, with food or not) or skipped.
/// Only the person says a dose was taken: nothing else ever writes "taken".
public struct DoseIntake: Equatable, Codable, Sendable {
    public enum Status: String, Codable, Sendable { case taken, skipped }

    /// The intake slot's name ("morning", "evening").
    public var slot: String
    public var status: Status
    /// mg taken; nil when skipped.
    public var milligrams: Double?
    public var withFood: Bool?
    /// Set when the dose was recorded while no dose was expected ("on-hold", "paused"): it is
    /// kept and counted in the total, never refused, with the hold noted.
    public var recordedWhile: String?

    public init(slot: String, status: Status, milligrams: Double?, withFood: Bool?, recordedWhile: String? = nil) {
        self.slot = slot
        self.status = status
        self.milligrams = milligrams
        self.withFood = withFood
        self.recordedWhile = recordedWhile
    }

    enum CodingKeys: String, CodingKey { case slot, status, milligrams, withFood, recordedWhile }

    /// One record per slot per day: a second log of the same slot is a correction.
    public static func entryID(day: LocalDate, slot: String) -> EntryID { EntryID("dose-\(day.iso)-\(slot)") }

    public var takenMilligrams: Double { status == .taken ? (milligrams ?? 0) : 0 }
}

extension DoseIntake {
    /// The change that records this intake for `day`, taken (or skipped) at `time` in `timeZone`.
    public func change(day: LocalDate, at time: Date?, timeZone: TimeZone) -> JournalChange {
        .put(id: Self.entryID(day: day, slot: slot), day: day, occurredAt: time,
             occurredOffsetSeconds: time.map { timeZone.secondsFromGMT(for: $0) }, body: .dose(self), reason: nil)
    }
}
