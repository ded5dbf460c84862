/// One step of the prescribed plan: from `startDate` on (until the next step), the mg to
/// take at each intake slot. `cycle` repeats day by day, so alternating-day plans
/// (40 mg one day, 80 mg the next) are a two-day cycle.
public struct DoseStep: Equatable, Codable, Sendable {
    public var startDate: LocalDate
    /// cycle[day][slot] in mg; 0 means no intake at that slot.
    public var cycle: [[Double]]

    public init(startDate: LocalDate, cycle: [[Double]]) {
        self.startDate = startDate
        self.cycle = cycle
    }

    enum CodingKeys: String, CodingKey { case startDate, cycle }

    public static func entryID(startDate: LocalDate) -> EntryID { EntryID("plan-\(startDate.iso)") }

    /// The planned mg for each slot on `day` (which must be on or after `startDate`).
    public func plannedMilligrams(on day: LocalDate) -> [Double] {
        guard !cycle.isEmpty else { return [] }
        let index = ((startDate.days(until: day) % cycle.count) + cycle.count) % cycle.count
        return cycle[index]
    }

    /// Mean mg per day over one cycle.
    public var averageDailyMilligrams: Double {
        guard !cycle.isEmpty else { return 0 }
        return cycle.map { $0.reduce(0, +) }.reduce(0, +) / Double(cycle.count)
    }

    /// "20 + 20 mg", or "40 mg / 40 + 40 mg" for a cycle.
    public var summary: String {
        cycle.map { day in
            let doses = day.filter { $0 > 0 }
            return doses.isEmpty ? "none" : doses.map(MilligramText.format).joined(separator: " + ") + " mg"
        }.joined(separator: " / ")
    }
}

/// Numbers of milligrams and kilograms as people write them: no ".0", at most one decimal.
public enum MilligramText {
    public static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        guard rounded.isFinite else { return String(value) }
        return NumberText.plain(rounded) ?? String(rounded)
    }
}
