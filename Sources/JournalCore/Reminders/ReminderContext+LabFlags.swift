import Foundation

extension ReminderContext {
    /// One reminder per flagged lab result not yet acted on (see `UnactedLabFlags`), due now
    /// until a later result or a prescriber visit is recorded; it can be snoozed or dismissed
    /// like any other. It says what was seen, never what to do with the medicine.
    func unactedLabFlags() -> [Reminder] {
        UnactedLabFlags.results(in: journal, asOf: today).map { result in
            Reminder(id: "lab-flag-\(result.id.rawValue)", kind: .labFlag, due: at(result.day, 0), urgency: .dueNow,
                     message: "Flagged lab result: " + UnactedLabFlags.line(result) + ". Tell your prescriber if they have not seen it.")
        }
    }
}
