/// The countdowns that start when the course is marked finished, as the label has them: a
/// pregnancy test at the end of the course and another one month after the last dose,
/// contraception until then, no blood donation until then, and no second course before a
/// two-month break. Dates and which tests count come from the rule data.
public struct AfterCourseCountdown: Equatable, Sendable {
    public let id: String
    public let text: String
    public let date: LocalDate
    public let source: String
    /// Days from today to `date`; 0 or less means the date has come.
    public let daysLeft: Int
    /// For a pregnancy test: a negative test in its span was recorded.
    public let isDone: Bool
    /// Whether it is one of the after-course pregnancy tests (it stays until done).
    public let isPregnancyTest: Bool

    public static func countdowns(journal: Journal, today: LocalDate, rules: ProgrammeRules = .shipped) -> [AfterCourseCountdown] {
        guard let settings = journal.courseRecords?.settings, let lastDose = settings.lastDoseDate else { return [] }
        let applying = rules.afterCourse.filter { $0.categories.contains(settings.patientCategory.rawValue) }
        let spans = testSpans(applying, lastDose: lastDose)
        let negatives = journal.labRecords.pregnancyTests.filter { $0.result.outcome == .negative }.map(\.day)
        return applying.map { rule in
            let date = lastDose.adding(months: rule.months)
            let done = spans[rule.id].map { span in
                negatives.contains { test in span.from <= test && (span.until.map { test < $0 } ?? true) }
            } ?? false
            return AfterCourseCountdown(id: rule.id, text: rule.text, date: date, source: rule.source,
                                        daysLeft: today.days(until: date), isDone: done, isPregnancyTest: rule.pregnancyTest == true)
        }
    }

    /// Each test countdown's span: from its date + `countsFromDays` up to (not including) the
    /// next test's first day. End of course (last dose − 7 days) .. one month after (last dose + 1 month) ..
    static func testSpans(_ rules: [ProgrammeRules.AfterCourseRule], lastDose: LocalDate) -> [String: (from: LocalDate, until: LocalDate?)] {
        let starts = rules.filter { $0.pregnancyTest == true }
            .map { ($0.id, lastDose.adding(months: $0.months).adding(days: $0.countsFromDays ?? 0)) }
            .sorted { $0.1 < $1.1 }
        var spans: [String: (from: LocalDate, until: LocalDate?)] = [:]
        for (index, (id, from)) in starts.enumerated() {
            spans[id] = (from, index + 1 < starts.count ? starts[index + 1].1 : nil)
        }
        return spans
    }
}
