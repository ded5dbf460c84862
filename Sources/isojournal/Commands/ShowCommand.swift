import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal show`: what was logged, for people or for scripts.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print what was logged, day by day (or as JSON with --json)."
    )

    @Option(help: ArgumentHelp("First day to show.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("Last day to show.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Flag(help: "A JSON array of records, with the field names of the journal file (see FORMAT.md).")
    var json = false

    @OptionGroup var source: JournalToRead

    func run() throws {
        try reportingFailures {
            let first = try DayArgument.parseBound(from, option: "--from") ?? LocalDate(daysSinceEpoch: Int.min / 2 / 86_400)
            let last = try DayArgument.parseBound(to, option: "--to") ?? LocalDate(year: 9999, month: 12, day: 31)!
            guard first <= last else {
                throw CommandFailure.badInput("--from \(first.iso) is after --to \(last.iso).")
            }
            let journal = try source.load().journal
            let entries = journal.entries(from: first, to: last)
            if json {
                let lines = entries.map { String(decoding: EntryCodec.encodeLine($0), as: UTF8.self)
                    .trimmingCharacters(in: .newlines) }
                say(lines.isEmpty ? "[]" : "[\n" + lines.joined(separator: ",\n") + "\n]")
            } else {
                say(JournalText.days(entries, timeZone: .current, marked: Set(journal.recordsChangedOnTwoDevices)))
            }
        }
    }
}
