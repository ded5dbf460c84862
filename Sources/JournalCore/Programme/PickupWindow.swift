/// A prescription window: Day 1 is the day it opens (the pregnancy-test specimen date, or
/// the office visit), and it closes at the end of Day `length`.
public struct PickupWindow: Equatable, Sendable {
    public let opens: LocalDate
    public let length: Int

    public init(opens: LocalDate, length: Int) {
        self.opens = opens
        self.length = length
    }

    /// The last day a pickup counts: Day 1 + length − 1 (a 7-day window from the 1st closes on the 7th).
    public var closes: LocalDate { opens.adding(days: length - 1) }

    /// 1...length inside the window, nil outside it.
    public func dayNumber(on day: LocalDate) -> Int? {
        let number = opens.days(until: day) + 1
        return (1...length).contains(number) ? number : nil
    }

    public func contains(_ day: LocalDate) -> Bool { dayNumber(on: day) != nil }
}
