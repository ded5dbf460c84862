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

    /// Why `entry`'s numbers cannot be real, or nil when they can (each kind checks its own:
    /// `RecordPayload.implausibility`).
    public static func problem(in entry: Entry) -> String? {
        guard revision.contains(entry.revision) else { return "its revision \(entry.revision) is not a possible count" }
        if let origin = entry.origin {
            guard revision.contains(origin.sequence) else { return "its sequence number \(origin.sequence) is not a possible count" }
            guard (0...revision.upperBound).contains(origin.knownRevisions) else {
                return "its count of known revisions \(origin.knownRevisions) is not possible"
            }
        }
        return entry.body?.payload?.implausibility
    }
}
