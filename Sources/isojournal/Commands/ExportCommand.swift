import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal export …`: files for other programs.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write files for other programs and people: a calendar (ics), a read-only snapshot or a FHIR R4 bundle.",
        subcommands: [ExportCalendarCommand.self, ExportSnapshotCommand.self, ExportFHIRCommand.self]
    )
}

struct ExportCalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "An iCalendar (.ics) file: intakes, appointments, the prescription window and after-course dates, with alarms.",
        discussion: "Re-importing a newer file updates the same events (stable UIDs). Example: isojournal export ics -o ~/isojournal.ics --days 60"
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (default, or -: standard output). Never inside the journal folder.", valueName: "file"), completion: .file()) var output: String?
    @Flag(help: "Replace the -o file if it already exists.") var force = false
    @Option(help: "How many days ahead (1–366).") var days: Int = 30
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            guard (1...366).contains(days) else { throw CommandFailure.badInput("--days: from 1 to 366.") }
            let store = try location.openStore(mode: .readOnly)
            let text = CalendarExport.ics(journal: store.journal, now: Date(), timeZone: .current, days: days)
            guard let written = try OutputDestination.deliver(Array(text.utf8), to: output, force: force, readOnScreen: false,
                                                              journalFolder: store.directory) else { return }
            say("Wrote \(TerminalText.line(written)).")
        }
    }
}
