import ArgumentParser
import JournalCore

/// The days a report or an export covers: --from/--to, --month or --course (one of them).
/// Shared so `report` and `export fhir` read and refuse them alike.
struct ReportPeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First day.", valueName: "YYYY-MM-DD")) var from: String?
    @Option(help: ArgumentHelp("Last day.", valueName: "YYYY-MM-DD")) var to: String?
    @Option(help: ArgumentHelp("Course month N (30-day blocks from the course start).", valueName: "N")) var month: Int?
    @Option(help: ArgumentHelp("The whole course N (1 is the first; isojournal status lists them).", valueName: "N")) var course: Int?

    /// What was asked, or nil when none of the options was given (the command's default applies).
    func asked() throws -> ReportPeriod? {
        let first = try DayArgument.parseBound(from, option: "--from")
        let last = try DayArgument.parseBound(to, option: "--to")
        if let first, let last, first > last { throw CommandFailure.badInput("--from \(first.iso) is after --to \(last.iso).") }
        let asked = [month != nil, course != nil, first != nil || last != nil].filter { $0 }.count
        guard asked <= 1 else { throw CommandFailure.badInput("Give one of --month, --course or --from/--to.") }
        if let month { return .courseMonth(month) }
        if let course { return .course(course) }
        if first != nil || last != nil { return .days(from: first, to: last) }
        return nil
    }
}
