/// The numbers a record can hold and still describe something real.
///
/// A journal is read by code that does arithmetic on every number (mg/kg, percentages, chart
/// heights), and Swift stops the program when a number too large for an integer is converted
/// to one. So a number no person could have entered — `1e308` mg, a weight of `1e20` kg, a
/// revision near 2⁶³ — is damage: input refuses it, and the reader reports the line instead of
/// handing it on. The ranges are wide on purpose: anything a person might really type passes.
public enum PlausibleNumbers {
    /// One intake. The label's highest dose is 2 mg/kg a day; 1,000 mg would be 2 mg/kg at 500 kg.
    public static let doseMilligrams = 0.0...1_000.0
    /// Body weight as stored (input is stricter: `WeightMeasurement.plausibleKilograms`).
    public static let kilograms = 1.0...1_000.0
    /// A weight as typed, in kg or lb.
    public static let enteredWeight = 1.0...2_500.0
    public static let targetMgPerKg = 1.0...1_000.0
    /// A lab value or limit in any of its units.
    public static let labValue = -1_000_000.0...1_000_000.0
    /// Revisions are counted up one by one; a number near the largest integer could not be.
    public static let revision = 1...1_000_000_000
    public static let grade = 0...3
    public static let minuteOfDay = 0..<1_440
    public static let courseMonth = 0...1_000

    /// Why `entry`'s numbers cannot be real, or nil when they can.
    public static func problem(in entry: Entry) -> String? {
        guard revision.contains(entry.revision) else { return "its revision \(entry.revision) is not a possible count" }
        guard let body = entry.body else { return nil }
        switch body {
        case .symptom(let rating):
            return grade.contains(rating.grade) ? nil : "its grade \(rating.grade) is not 0, 1, 2 or 3"
        case .course(let settings):
            if !targetMgPerKg.contains(settings.targetMgPerKg) { return "its target \(settings.targetMgPerKg) mg/kg is not possible" }
            if settings.intakeSlots.contains(where: { !minuteOfDay.contains($0.minuteOfDay) }) { return "an intake time is not within the day" }
            if let start = settings.startMinuteOfDay, !minuteOfDay.contains(start) { return "the start time is not within the day" }
            return nil
        case .doseStep(let step):
            if step.cycle.joined().contains(where: { !doseMilligrams.contains($0) }) { return "a planned dose is not a possible number of mg" }
            return nil
        case .weight(let weight):
            if !kilograms.contains(weight.kilograms) || !enteredWeight.contains(weight.enteredValue) {
                return "its weight is not a possible body weight"
            }
            return nil
        case .dose(let intake):
            if let mg = intake.milligrams, !doseMilligrams.contains(mg) { return "its dose \(mg) mg is not a possible number of mg" }
            return nil
        case .labAppointment(let appointment):
            if let minute = appointment.minuteOfDay, !minuteOfDay.contains(minute) { return "its appointment time is not within the day" }
            return nil
        case .labResult(let result):
            if [result.value, result.upperLimitOfNormal].contains(where: { $0.map { !labValue.contains($0) } ?? false }) {
                return "its lab value is not a possible number"
            }
            return nil
        case .labFlagSettings(let settings):
            return settings.limits.values.allSatisfy({ labValue.contains($0) }) ? nil : "a lab limit is not a possible number"
        case .checklistTick(let tick):
            return courseMonth.contains(tick.month) ? nil : "its course month \(tick.month) is not possible"
        case .checklistItem(let item):
            return courseMonth.contains(item.month) ? nil : "its course month \(item.month) is not possible"
        case .moodCheck(let check):
            return check.answers.allSatisfy({ grade.contains($0) }) ? nil : "a mood answer is not 0, 1, 2 or 3"
        case .programmeSettings(let settings):
            if !minuteOfDay.contains(settings.symptomReminderMinute) { return "its reminder time is not within the day" }
            if !(0...1_440).contains(settings.doseGraceMinutes) { return "its dose grace time is not possible" }
            if let days = settings.moodCheckIntervalDays, !(0...3_660).contains(days) { return "its mood check interval is not possible" }
            return nil
        default:
            return nil
        }
    }
}
