/// The short way people write a plan: mg at each intake time joined by "+", days of a
/// repeating cycle joined by "/": "20+20" (20 mg morning and evening every day),
/// "40+0/40+40" (alternate days: 40 mg in the morning, then 40 + 40 mg).
///
/// A plan that can be read two ways is never guessed: with two or more intake times, every
/// day must give an amount for each time ("40/80" could be 40 + 0 or 20 + 20 a day).
public enum DosePattern {
    public enum Problem: Error, Equatable, Sendable {
        case malformed
        /// A day gives fewer amounts than there are intake times.
        case ambiguous(day: String)
        /// An amount `NumberInput` refused (a wrong unit, "1,200"), with its message.
        case number(String)
    }

    /// Parses a pattern into a cycle of days, each with mg per slot; nil if malformed or ambiguous.
    public static func parse(_ text: String, slotCount: Int) -> [[Double]]? {
        try? read(text, slotCount: slotCount).get()
    }

    /// Amounts are 0 (none at that time) to 200 mg, each read like every other number
    /// (`NumberInput`: "20", "20mg", "20 mg", "12,5"); at least one day has a dose.
    public static func read(_ text: String, slotCount: Int) -> Result<[[Double]], Problem> {
        let days = text.split(separator: "/", omittingEmptySubsequences: false)
        guard !days.isEmpty, days.count <= 7, slotCount >= 1 else { return .failure(.malformed) }
        var cycle: [[Double]] = []
        for day in days {
            let parts = day.split(separator: "+", omittingEmptySubsequences: false)
            guard !parts.isEmpty, parts.count <= slotCount else { return .failure(.malformed) }
            var amounts: [Double] = []
            for part in parts {
                let mg: Double
                do throws(NumberInput.Problem) {
                    mg = try NumberInput.read(String(part), field: "Dose", units: ["mg"]).value
                } catch {
                    return error.reason == .notANumber ? .failure(.malformed) : .failure(.number(error.message))
                }
                guard mg >= 0, mg <= 200 else { return .failure(.malformed) }
                amounts.append(mg)
            }
            guard amounts.count == slotCount else {
                return .failure(.ambiguous(day: day.replacingOccurrences(of: " ", with: "").lowercased().replacingOccurrences(of: "mg", with: "")))
            }
            cycle.append(amounts)
        }
        guard cycle.contains(where: { $0.contains { $0 > 0 } }) else { return .failure(.malformed) }
        return .success(cycle)
    }

    /// The pattern text for a cycle, every intake time written ("20+20", "40+0/40+40").
    public static func text(_ cycle: [[Double]]) -> String {
        cycle.map { day in day.map(MilligramText.format).joined(separator: "+") }.joined(separator: "/")
    }

    /// Every slot of every day in words, for confirmations:
    /// "day 1: morning 40 mg, evening none; day 2: morning 40 mg, evening 40 mg".
    public static func spelledOut(_ cycle: [[Double]], slots: [IntakeSlot]) -> String {
        func day(_ amounts: [Double]) -> String {
            slots.enumerated().map { index, slot in
                let mg = index < amounts.count ? amounts[index] : 0
                return "\(slot.name) " + (mg > 0 ? "\(MilligramText.format(mg)) mg" : "none")
            }.joined(separator: ", ")
        }
        guard cycle.count > 1 else { return "every day: " + (cycle.first.map(day) ?? "none") }
        return cycle.enumerated().map { "day \($0.offset + 1): " + day($0.element) }.joined(separator: "; ")
    }
}
