/// A result the rules could not judge (ALT/AST without the lab's upper limit) asks for the
/// limit once a day for 30 days from the specimen day: a value nobody judged must not pass
/// as normal, and the limit is printed on the same report the value came from.
extension ReminderContext {
    func missingLabLimits() -> [Reminder] {
        journal.labRecords.notJudged.filter { $0.day <= today && $0.day >= today.adding(days: -29) }.map { dated in
            Reminder(id: "lab-limit-\(dated.id.rawValue)", kind: .labLimit, due: at(today, 9 * 60), urgency: .today,
                     message: "\(dated.result.test.name) \(dated.result.valueText) of \(dated.day.iso) not judged — add the lab's upper limit: "
                        + LabJudgement.howToAddLimit(dated.result, day: dated.day))
        }
    }
}
