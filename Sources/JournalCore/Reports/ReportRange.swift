/// The days a report covers, and what to call them ("course month 3").
public struct ReportRange: Equatable, Sendable {
    public let from: LocalDate
    public let to: LocalDate
    /// How the range was chosen, in words for the title: "course month 3", "course 1"; nil
    /// for days given by hand.
    public let name: String?

    public init(from: LocalDate, to: LocalDate, name: String? = nil) {
        self.from = min(from, to)
        self.to = max(from, to)
        self.name = name
    }

    public static let courseMonthDays = 30

    /// `from`/`to` as given; a missing end is filled in: the start 30 days before the end,
    /// the end today (or the start, if that is later).
    public static func resolve(from: LocalDate?, to: LocalDate?, today: LocalDate) -> ReportRange {
        let end = to ?? (from.map { max($0, today) } ?? today)
        let start = from ?? end.adding(days: -(courseMonthDays - 1))
        return ReportRange(from: start, to: end)
    }

    /// Course month `month` (30-day blocks from the start date, as the checklist counts them).
    public static func courseMonth(_ month: Int, startDate: LocalDate) -> ReportRange {
        let first = startDate.adding(days: (month - 1) * courseMonthDays)
        return ReportRange(from: first, to: first.adding(days: courseMonthDays - 1), name: "course month \(month)")
    }

    public var dayCount: Int { from.days(until: to) + 1 }
}

/// What a report was asked to cover: the current course month unless the person says otherwise.
/// A visit happens once a course month, so the default matches the checklist's month exactly
/// (a "last 30 days" range would split one month's ticks across two reports).
public enum ReportPeriod: Equatable, Sendable {
    case currentCourseMonth
    case courseMonth(Int)
    case course(Int)
    case days(from: LocalDate?, to: LocalDate?)

    /// Why a period cannot be reported on this journal, in the patient's words.
    public struct Problem: Error, Equatable, Sendable {
        public let message: String
    }

    /// The days to report, for a journal with one course (or none).
    public func range(course: CourseSettings?, today: LocalDate) -> Result<ReportRange, Problem> {
        range(courses: course.map { [$0] } ?? [], today: today)
    }

    /// The days to report. Course months count in the latest course; `--course N` names any
    /// course, first to last. Without a course, the current course month is the last 30 days.
    public func range(courses: [CourseSettings], today: LocalDate) -> Result<ReportRange, Problem> {
        let course = courses.last
        switch self {
        case let .days(from, to):
            return .success(ReportRange.resolve(from: from, to: to, today: today))
        case .currentCourseMonth:
            guard let course, course.startDate <= today else { return .success(ReportRange.resolve(from: nil, to: nil, today: today)) }
            let month = MonthlyChecklist.currentMonth(startDate: course.startDate, today: today)
            return .success(ReportRange.courseMonth(month, startDate: course.startDate))
        case .courseMonth(let month):
            guard let course else { return .failure(Problem(message: "--month counts course months, and no course is set up in this journal.")) }
            let current = MonthlyChecklist.currentMonth(startDate: course.startDate, today: today)
            guard month >= 1, month <= current else {
                return .failure(Problem(message: "--month \(month): the course started \(course.startDate.iso), so course months 1 to \(current) have begun."))
            }
            return .success(ReportRange.courseMonth(month, startDate: course.startDate))
        case .course(let number):
            guard !courses.isEmpty else { return .failure(Problem(message: "--course: no course is set up in this journal.")) }
            guard courses.indices.contains(number - 1) else {
                let list = courses.enumerated().map { "\($0.offset + 1) (started \($0.element.startDate.iso))" }.joined(separator: ", ")
                return .failure(Problem(message: "--course \(number): this journal holds \(courses.count == 1 ? "one course" : "\(courses.count) courses"): \(list)."))
            }
            let course = courses[number - 1]
            // A course ends at its last dose, or the day before the next one starts, or today.
            let nextStart = courses.indices.contains(number) ? courses[number].startDate.adding(days: -1) : today
            let end = min(course.lastDoseDate ?? nextStart, nextStart, today)
            return .success(ReportRange(from: course.startDate, to: max(end, course.startDate), name: "course \(number)"))
        }
    }
}
