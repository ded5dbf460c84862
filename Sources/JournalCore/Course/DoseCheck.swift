import Foundation

/// Checks a dose someone is about to record, before anything is written. It never judges
/// the prescription: it catches typos and the impossible, and asks about the unusual.
public enum DoseCheck {
    public enum Verdict: Equatable, Sendable {
        case fine
        /// Plausible but unusual: ask "are you sure?" before saving.
        case confirm(String)
        /// Impossible or clearly a typo: refuse, with the reason.
        case refuse(String)
    }

    /// More than this many mg per kg in one day is far beyond any isotretinoin plan (labels: up to 2).
    public static let maximumMgPerKgPerDay = 2.0

    /// - Parameters:
    ///   - milligrams: the amount being recorded as taken.
    ///   - otherTakenToday: mg already recorded as taken at the day's other slots.
    ///   - planned: mg the plan has for this slot (nil if none).
    ///   - weightKilograms: the weight in force that day, if known.
    ///   - takenAt/now: a dose cannot be taken in the future.
    public static func check(milligrams: Double, otherTakenToday: Double, planned: Double?, weightKilograms: Double?,
                             takenAt: Date, now: Date) -> Verdict {
        guard milligrams.isFinite, milligrams > 0 else {
            return .refuse("A dose must be more than 0 mg. To record a dose you did not take, mark it skipped.")
        }
        guard takenAt <= now.addingTimeInterval(60) else {
            return .refuse("That time is in the future; record a dose once it is taken.")
        }
        if let kg = weightKilograms, kg > 0, (milligrams + otherTakenToday) / kg > maximumMgPerKgPerDay {
            let perKg = (milligrams + otherTakenToday) / kg
            return .refuse("\(MilligramText.format(milligrams + otherTakenToday)) mg in one day is \(String(format: "%.1f", perKg)) mg/kg, "
                + "far above any isotretinoin plan (over \(MilligramText.format(maximumMgPerKgPerDay)) mg/kg a day). Check the amount.")
        }
        if milligrams > 200 {
            return .refuse("\(MilligramText.format(milligrams)) mg in one dose is far above any isotretinoin plan. Check the amount.")
        }
        if let planned, planned > 0, abs(milligrams - planned) / planned > 0.25 {
            return .confirm("The plan for this dose is \(MilligramText.format(planned)) mg, not \(MilligramText.format(milligrams)) mg.")
        }
        if planned == nil || planned == 0 {
            return .confirm("The plan has no dose at this time.")
        }
        return .fine
    }
}
