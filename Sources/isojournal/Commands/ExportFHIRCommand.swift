import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal export fhir`: the journal as a coded FHIR R4 Bundle for a clinic's systems.
struct ExportFHIRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fhir",
        abstract: "A FHIR R4 Bundle (JSON) for a clinic's systems: doses, plan, labs, symptoms, red flags, mood checks, weights.",
        discussion: """
            Lab results carry LOINC codes and UCUM units (in the unit they were entered in), symptom grades \
            and mood checks are survey Observations, doses are patient-reported MedicationStatements. Resource \
            ids come from the journal's record ids, so exporting again and loading it again updates the same \
            resources. Every code, and what has none, is listed with its source in Resources/fhir-codes.json. \
            The whole journal unless --from/--to, --month or --course say otherwise. --transaction makes a \
            bundle of PUT requests to POST to a FHIR server's base URL. Examples:
              isojournal export fhir -o journal.fhir.json
              isojournal export fhir --month 2 --transaction -o month2.json
            """
    )

    @OptionGroup var period: ReportPeriodOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file, readable only by you (default, or -: standard output). Never inside the journal folder.", valueName: "file"))
    var output: String?
    @Flag(help: "Replace the -o file if it already exists.") var force = false
    @Flag(help: "A transaction bundle (PUT requests) instead of a collection.") var transaction = false
    @OptionGroup var source: JournalToRead

    func run() throws {
        try reportingFailures {
            let now = Date()
            let today = Timestamp.localDate(of: now, in: .current)
            let asked = try period.asked()
            let journal: Journal
            // A missing journal or a damaged snapshot is the wrong thing to export from: exit 2
            // like any other refused input, and nothing is written.
            do throws(CommandFailure) { journal = try source.load().journal } catch { throw CommandFailure.badInput(error.message) }
            let range: ReportRange
            // By default the whole journal: a clinic loads the record, not one month of it.
            switch (asked ?? .days(from: journal.daysWithEntries.first ?? today, to: today))
                .range(courses: journal.courses.map(\.settings), today: today) {
            case .success(let found): range = found
            case .failure(let problem): throw CommandFailure.badInput(problem.message)
            }
            let exported: FHIRExport.Exported
            switch FHIRExport.bundle(journal: journal, range: range, generatedAt: now, type: transaction ? .transaction : .collection) {
            case .success(let found): exported = found
            case .failure(let problem): throw CommandFailure.badInput(problem.message)
            }
            guard let written = try OutputDestination.deliver(Array(exported.bundle.text.utf8), to: output, force: force, readOnScreen: false,
                                                              journalFolder: source.journalFolder) else { return }
            let counts = exported.counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            say("Wrote \(TerminalText.line(written)): FHIR R4 Bundle (\(transaction ? "transaction" : "collection")), \(counts), \(range.from.iso) to \(range.to.iso).")
        }
    }
}
