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
            The range is the last course month (the 30 days ending today) unless --from/--to say otherwise. \
            md and html: course, cumulative dose, adherence, symptoms, labs with flags, red flags and mood \
            alerts, this month's checklist, notes. html is one self-contained file that prints on one or two \
            pages. csv: one table with a kind column. json: the records with the journal file's field names. \
            Example: isojournal report --format html -o visit.html
            """
    )

    @Option(help: ArgumentHelp("First day.", valueName: "YYYY-MM-DD")) var from: String?
    @Option(help: ArgumentHelp("Last day.", valueName: "YYYY-MM-DD")) var to: String?
    @Option(help: "md, html, csv or json.") var format: Format = .md
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file, readable only by you (default, or -: standard output). Never inside the journal folder.", valueName: "file"))
    var output: String?
    @Flag(help: "Replace the -o file if it already exists.") var force = false
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let now = Date()
            let zone = TimeZone.current
            let first = try DayArgument.parseBound(from, option: "--from")
            let last = try DayArgument.parseBound(to, option: "--to")
            if let first, let last, first > last { throw CommandFailure.badInput("--from \(first.iso) is after --to \(last.iso).") }
            let range = ReportRange.resolve(from: first, to: last, today: Timestamp.localDate(of: now, in: zone))
            let store = try location.openStore(mode: .readOnly)
            for notice in store.notices { StandardOutput.warn(notice) }
            let text = Self.text(format, journal: store.journal, range: range, now: now, timeZone: zone)
            guard let written = try OutputDestination.deliver(Array(text.utf8), to: output, force: force, readOnScreen: format != .json,
                                                              journalFolder: store.directory) else { return }
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
