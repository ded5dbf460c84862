import ArgumentParser
import Foundation
import Glibc
import JournalCore
import JournalStore

/// `isojournal report`: the visit summary a prescriber reads, or the records for a spreadsheet.
struct ReportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, csv, json
    }

    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A report for a date range: a one-page visit summary (md, html) or the records (csv, json).",
        discussion: """
            The range is the current course month (30-day blocks from the start date, as the checklist counts \
            them) unless --month, --course or --from/--to say otherwise. md and html: the patient's name \
            (isojournal settings --patient-name), course, cumulative dose, adherence, flagged lab results not yet \
            acted on, symptoms, labs with flags, red flags and mood alerts, the month's checklist, notes. html is \
            one self-contained file that prints on one or two pages for a course month. csv: one table with a kind \
            column. json: the records with the journal file's field names. --snapshot reads a snapshot file instead \
            of the journal folder. Examples:
              isojournal report --format html -o visit.html
              isojournal report --month 2 --snapshot from-maya.isojournal-snapshot --format html -o month2.html
            """
    )

    @OptionGroup var period: ReportPeriodOptions
    @Option(help: "md, html, csv or json.") var format: Format = .md
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file, readable only by you (default, or -: standard output). Never inside the journal folder.", valueName: "file"), completion: .file())
    var output: String?
    @Flag(help: "Replace the -o file if it already exists.") var force = false
    @OptionGroup var source: JournalToRead

    func run() throws {
        try reportingFailures {
            let now = Date()
            let zone = TimeZone.current
            let asked = try period.asked() ?? .currentCourseMonth
            let journal = try source.load().journal
            let range: ReportRange
            switch asked.range(courses: journal.courses.map(\.settings), today: Timestamp.localDate(of: now, in: zone)) {
            case .success(let found): range = found
            case .failure(let problem): throw CommandFailure.badInput(problem.message)
            }
            let text = Self.text(format, journal: journal, range: range, now: now, timeZone: zone)
            guard let written = try OutputDestination.deliver(Array(text.utf8), to: output, force: force, readOnScreen: format != .json,
                                                              journalFolder: source.journalFolder) else { return }
            say("Wrote \(TerminalText.line(written)) (\(format.rawValue), \(range.from.iso) to \(range.to.iso)).")
        }
    }

    static func text(_ format: Format, journal: Journal, range: ReportRange, now: Date, timeZone: TimeZone) -> String {
        switch format {
        case .md: return MarkdownReport.text(VisitSummary(journal: journal, range: range, now: now, timeZone: timeZone))
        case .html: return HTMLReport.text(VisitSummary(journal: journal, range: range, now: now, timeZone: timeZone))
        case .csv: return CSVReport.text(journal: journal, range: range, timeZone: timeZone)
        case .json: return JSONReport.text(journal: journal, range: range, generatedAt: now) { EntryCodec.encodeLine($0) }
        }
    }
}
