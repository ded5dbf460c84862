/// One test's values over time in one unit, and how far the latest moved from the first
/// (the baseline, normally drawn before the course started).
public struct LabTrend: Equatable, Sendable {
    public struct Point: Equatable, Sendable {
        public let day: LocalDate
        /// In the trend's unit.
        public let value: Double
        /// What was entered, when it was another unit.
        public let entered: (value: Double, unit: LabUnit)?
        public let highestFlag: LabFlag?

        public static func == (a: Point, b: Point) -> Bool {
            a.day == b.day && a.value == b.value && a.highestFlag == b.highestFlag
                && a.entered?.value == b.entered?.value && a.entered?.unit == b.entered?.unit
        }
    }

    public let test: LabTest
    public let unit: LabUnit
    /// Oldest first.
    public let points: [Point]

    /// The test's measured results, converted to `unit`. Pregnancy tests have no trend.
    public init?(test: LabTest, results: [DatedLabResult], unit: LabUnit) {
        guard test.hasValue, test.units.contains(unit) else { return nil }
        self.test = test
        self.unit = unit
        points = results.filter { $0.result.test == test }.sorted { $0.day < $1.day }.compactMap { dated in
            guard let value = dated.result.value(in: unit), let entered = dated.result.value,
                  let enteredUnit = dated.result.unit else { return nil }
            return Point(day: dated.day, value: value, entered: enteredUnit == unit ? nil : (entered, enteredUnit),
                         highestFlag: dated.highestFlag)
        }
    }

    public var baseline: Point? { points.first }
    public var latest: Point? { points.last }

    /// Latest minus baseline, in the trend's unit; nil with fewer than two values.
    public var changeFromBaseline: Double? {
        guard points.count >= 2, let first = baseline, let last = latest else { return nil }
        return last.value - first.value
    }

    /// The change as a percentage of the baseline.
    public var percentChangeFromBaseline: Double? {
        guard let change = changeFromBaseline, let first = baseline, first.value > 0 else { return nil }
        return change / first.value * 100
    }

    /// "+451 mg/dL (+460%)", "−0.4 mmol/L (−12%)", "no change".
    public static func changeText(_ change: Double, percent: Double?, unit: LabUnit, converted: Bool = false) -> String {
        let magnitude = LabValueText.format(abs(change), unit, converted: converted)
        if magnitude == "0" { return "no change" }
        let sign = change > 0 ? "+" : "−"
        let percentText = percent.map { " (\(sign)\(Int(clamping: abs($0).rounded()))%)" } ?? ""
        return sign + magnitude + " " + unit.rawValue + percentText
    }
}
