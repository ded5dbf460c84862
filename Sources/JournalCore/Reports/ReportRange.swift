/// The days a report covers. By default the last course month: the 30 days ending today
/// (a course month is a 30-day block), so a monthly visit sees everything since the last.
public struct ReportRange: Equatable, Sendable {
    public let from: LocalDate
    public let to: LocalDate

    public init(from: LocalDate, to: LocalDate) {
        self.from = min(from, to)
        self.to = max(from, to)
    }

    public static let courseMonthDays = 30

    /// `from`/`to` as given; a missing end is filled in from the default range.
    public static func resolve(from: LocalDate?, to: LocalDate?, today: LocalDate) -> ReportRange {
        let end = to ?? (from.map { max($0, today) } ?? today)
        let start = from ?? end.adding(days: -(courseMonthDays - 1))
        return ReportRange(from: start, to: end)
    }

    public var dayCount: Int { from.days(until: to) + 1 }
}
