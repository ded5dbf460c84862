/// The countdowns that start when the course is marked finished: a pregnancy test a month
/// after the last dose, contraception until then, no blood donation until then, and no
/// second course before a two-month break. Dates from the rule data.
public struct AfterCourseCountdown: Equatable, Sendable {
    public let id: String
    public let text: String
    public let date: LocalDate
    public let source: String
    /// Days from today to `date`; 0 or less means the date has come.
    public let daysLeft: Int
    /// For the one-month pregnancy test: a negative test on or after the date was recorded.
    public let isDone: Bool

    public static func countdowns(journal: Journal, today: LocalDate, rules: ProgrammeRules = .shipped) -> [AfterCourseCountdown] {
        guard let settings = journal.courseRecords?.settings, let lastDose = settings.lastDoseDate else { return [] }
        let tests = journal.labRecords.pregnancyTests
        return rules.afterCourse.filter { $0.categories.contains(settings.patientCategory.rawValue) }.map { rule in
            let date = lastDose.adding(months: rule.months)
            let done = rule.id == "pregnancy-test-after" && tests.contains { $0.day >= date && $0.result.outcome == .negative }
            return AfterCourseCountdown(id: rule.id, text: rule.text, date: date, source: rule.source,
                                        daysLeft: today.days(until: date), isDone: done)
        }
    }
}
