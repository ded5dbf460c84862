/// The short way people write a plan: "20+20" (20 mg morning and evening every day),
/// "40" (one 40 mg dose), "40/40+40" (alternate days: 40 mg, then 40 + 40 mg).
public enum DosePattern {
    /// Parses a pattern into a cycle of days, each with mg per slot; nil if malformed.
    /// Amounts must be positive numbers up to 200 mg; at most `slotCount` per day.
    public static func parse(_ text: String, slotCount: Int) -> [[Double]]? {
        let days = text.replacingOccurrences(of: " ", with: "").lowercased()
            .replacingOccurrences(of: "mg", with: "").split(separator: "/", omittingEmptySubsequences: false)
        guard !days.isEmpty, days.count <= 7 else { return nil }
        var cycle: [[Double]] = []
        for day in days {
            let parts = day.split(separator: "+", omittingEmptySubsequences: false)
            guard !parts.isEmpty, parts.count <= slotCount else { return nil }
            var amounts: [Double] = []
            for part in parts {
                guard let mg = Double(part), mg.isFinite, mg > 0, mg <= 200 else { return nil }
                amounts.append(mg)
            }
            cycle.append(amounts + Array(repeating: 0, count: slotCount - amounts.count))
        }
        return cycle
    }

    /// The pattern text for a cycle ("20+20", "40/40+40").
    public static func text(_ cycle: [[Double]]) -> String {
        cycle.map { day in day.filter { $0 > 0 }.map(MilligramText.format).joined(separator: "+") }.joined(separator: "/")
    }
}
