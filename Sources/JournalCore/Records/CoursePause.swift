/// A time the prescriber stopped the drug. Planned intakes inside a pause are not expected
/// and are not counted as missed.
public struct CoursePause: Equatable, Codable, Sendable {
    public var startDate: LocalDate
    /// The last paused day; nil while the pause goes on.
    public var endDate: LocalDate?
    public var reason: String?

    public init(startDate: LocalDate, endDate: LocalDate? = nil, reason: String? = nil) {
        self.startDate = startDate
        self.endDate = endDate
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey { case startDate, endDate, reason }

    public static func entryID(startDate: LocalDate) -> EntryID { EntryID("pause-\(startDate.iso)") }

    public func contains(_ day: LocalDate) -> Bool {
        day >= startDate && (endDate.map { day <= $0 } ?? true)
    }
}
