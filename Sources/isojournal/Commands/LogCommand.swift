import ArgumentParser
import Foundation
import JournalCore
import JournalStore
import TerminalBackend

/// `isojournal log …`: quick entries from the shell.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Record something from the shell without opening the journal.",
        subcommands: [LogSymptomCommand.self, LogRedFlagCommand.self, LogDoseCommand.self, LogWeightCommand.self, LogMedicineCommand.self, LogLabCommand.self, LogMoodCommand.self]
    )
}

struct LogSymptomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "symptom",
        abstract: "Grade one symptom for a day on the 0–3 scale.",
        discussion: """
            Grades: 0 none, 1 noticeable, 2 limits some activities, 3 limits self-care.
            Symptoms: \(SymptomCatalogue.shipped.symptoms.map(\.slug).joined(separator: ", ")).
            Logging a symptom that already has a grade for that day replaces it; the earlier grade \
            stays in the record's history.
            Example: isojournal log symptom chapped-lips 2 --note "cracked corners"
            """
    )

    @Argument(help: "The symptom, e.g. chapped-lips, dry-skin, headache.", completion: Completions.symptoms)
    var name: String

    @Argument(help: "How much it limited the day: 0, 1, 2 or 3.")
    var grade: String

    @Option(help: "A note in your own words (required for 'other').")
    var note: String?

    @Option(name: .customLong("date"), help: ArgumentHelp("The day it is about (default today).", valueName: "YYYY-MM-DD"))
    var date: String?

    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let catalogue = SymptomCatalogue.shipped
            guard let symptom = catalogue.symptom(slug: name.lowercased()) else {
                let suggestion = catalogue.nearestSlug(to: name).map { " Did you mean '\($0)'?" } ?? ""
                throw CommandFailure.badInput("Unknown symptom '\(name)'.\(suggestion) Valid names: "
                    + catalogue.symptoms.map(\.slug).joined(separator: ", ") + ".")
            }
            guard let value = Int(grade), SymptomRating.grades.contains(value) else {
                throw CommandFailure.badInput("Grade '\(grade)' is not 0, 1, 2 or 3 (0 none, 1 noticeable, 2 limits some activities, 3 limits self-care).")
            }
            let trimmedNote = note?.trimmingCharacters(in: .whitespacesAndNewlines)
            let finalNote = (trimmedNote?.isEmpty ?? true) ? nil : trimmedNote
            if SymptomRating(symptom: symptom.slug, grade: value, note: finalNote).problem(symptom) == .needsDescription {
                throw CommandFailure.badInput("Say what '\(symptom.slug)' is with --note \"…\".")
            }
            let now = Date()
            let day = try DayArgument.parse(date, today: Timestamp.localDate(of: now, in: .current))

            ProcessSignals.prepare()
            let store = try location.openStore(mode: .readWrite, scope: .workingSet)
            let rating = SymptomRating(symptom: symptom.slug, grade: value, note: finalNote)
            let id = SymptomRating.entryID(day: day, symptom: symptom.slug)
            let journal: Journal
            do throws(StoreError) {
                journal = try store.record([.put(id, day: day, body: .symptom(rating))])
            } catch {
                throw CommandFailure.runtime(error.message)
            }
            store.saveWorkingSet()
            let revision = journal.revisionNumber(of: id)
            say("Saved: \(symptom.name) \(value) (\(catalogue.label(forGrade: value))) for \(day.iso)"
                + (revision > 1 ? ", replacing the earlier grade (kept in history)." : "."))
        }
    }
}
