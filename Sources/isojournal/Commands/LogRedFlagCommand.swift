import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal log red-flag`: a yes to one of the red-flag questions, from the shell. The
/// notice is printed before anything is saved, and the course goes on hold.
struct LogRedFlagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "red-flag",
        abstract: "Record a red flag (a yes to one of the daily log's red-flag questions): the course goes on hold.",
        discussion: """
            Red flags: \(RedFlagCatalogue.shipped.flags.map(\.id).joined(separator: ", ")).
            (late-period, unprotected-sex and stopped-contraception are for those who can get pregnant.)
            Example: isojournal log red-flag hearing
            """
    )

    @Argument(help: "The red flag, e.g. raised-pressure-headache, hearing, late-period.", completion: Completions.redFlags) var flag: String
    @Option(name: .customLong("date"), help: ArgumentHelp("The day it is about (default today).", valueName: "YYYY-MM-DD")) var date: String?
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let now = Date()
            let day = try DayArgument.parse(date, today: Timestamp.localDate(of: now, in: .current))
            let store = try location.openStore(mode: .readWrite)
            let catalogue = RedFlagCatalogue.shipped
            let asked = catalogue.flags(for: store.journal.courseRecords?.settings.patientCategory)
            guard asked.contains(where: { $0.id == flag }) else {
                throw CommandFailure.badInput("Unknown red flag '\(flag)'. Red flags: " + asked.map(\.id).joined(separator: ", ") + ".")
            }
            let paragraphs = catalogue.noticeParagraphs(for: flag, crisisLine: store.journal.programmeSettings.crisisLine)
            // Read first, then saved: the record says what was shown and when.
            paragraphs.forEach { say($0) }
            let report = RedFlagReport(flag: flag, noticeShown: paragraphs.joined(separator: "\n"), acknowledgedAt: now)
            _ = try store.transactionOrFail { _ in
                [.put(RedFlagReport.entryID(day: day, flag: flag), day: day, body: .redFlag(report))]
            }
            say("Saved: red flag '\(flag)' on \(day.iso). The course is on hold: no dose is prompted until you record your "
                + "prescriber's decision (isojournal course decision continue|pause|stop).")
        }
    }
}
