import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal settings`: programme rules, contraception names, the crisis line.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or change programme settings: rule set, contraception methods, crisis line, mood-check interval, patient name.",
        discussion: """
            Examples:
              isojournal settings --contraception "IUD,condoms"
              isojournal settings --rule-set generic           (no national programme)
              isojournal settings --rule-set auto              (the rules in force by date)
              isojournal settings --ipledge-2026-from 2027-01-01
              isojournal settings --crisis-line "Samaritans 116 123"
              isojournal settings --patient-name "Maya"          (on the visit report; "" removes it)
            """
    )

    @Option(help: ArgumentHelp("us-ipledge-2021, us-ipledge-2026, generic, or auto.", valueName: "id"), completion: Completions.ruleSets) var ruleSet: String?
    @Option(name: .customLong("ipledge-2026-from"), help: ArgumentHelp("When the 2026 iPLEDGE change took effect for you.", valueName: "YYYY-MM-DD"))
    var ipledge2026From: String?
    @Option(help: ArgumentHelp("Which two forms of contraception do you use (for those who can get pregnant)? Comma-separated; "
                               + "the monthly checklist names its two contraception items after them.", valueName: "a,b"))
    var contraception: String?
    @Option(help: "The crisis line shown with mood-check guidance.") var crisisLine: String?
    @Option(help: "Days between mood checks.") var moodInterval: Int?
    @Option(help: ArgumentHelp("Your name as you want it on the visit report and a caregiver's screens (\"\" removes it).", valueName: "name"))
    var patientName: String?
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let rules = ProgrammeRules.shipped
            let changing = ruleSet != nil || ipledge2026From != nil || contraception != nil || crisisLine != nil || moodInterval != nil
                || patientName != nil
            let store = try location.openStore(mode: changing ? .readWrite : .readOnly)
            var settings = store.journal.programmeSettings
            if let ruleSet {
                if ruleSet == "auto" { settings.ruleSetID = nil }
                else if rules.ruleSet(id: ruleSet) != nil { settings.ruleSetID = ruleSet }
                else { throw CommandFailure.badInput("--rule-set '\(ruleSet)': use " + (rules.ruleSets.map(\.id) + ["auto"]).joined(separator: ", ") + ".") }
            }
            if let ipledge2026From {
                guard let date = LocalDate(iso: ipledge2026From) else { throw CommandFailure.badInput("--ipledge-2026-from '\(ipledge2026From)' is not a date (YYYY-MM-DD).") }
                settings.effectiveFromOverrides["us-ipledge-2026"] = date
            }
            if let contraception {
                let methods = contraception.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard methods.count <= 2 else { throw CommandFailure.badInput("--contraception takes two methods, comma-separated.") }
                settings.contraceptionMethods = methods
            }
            if let crisisLine { settings.crisisLine = crisisLine }
            if let moodInterval {
                guard (7...90).contains(moodInterval) else { throw CommandFailure.badInput("--mood-interval: between 7 and 90 days.") }
                settings.moodCheckIntervalDays = moodInterval
            }
            if let patientName {
                let trimmed = patientName.trimmingCharacters(in: .whitespacesAndNewlines)
                guard trimmed.count <= 60, !trimmed.contains(where: \.isNewline) else {
                    throw CommandFailure.badInput("--patient-name: one line of at most 60 characters.")
                }
                settings.patientName = trimmed.isEmpty ? nil : trimmed
            }
            if changing {
                let final = settings
                _ = try store.transactionOrFail { journal in
                    [.put(ProgrammeSettings.entryID, day: journal.courseRecords?.settings.startDate ?? Timestamp.localDate(of: Date(), in: .current),
                          body: .programmeSettings(final))]
                }
            }
            let today = Timestamp.localDate(of: Date(), in: .current)
            say("Rule set: " + (settings.ruleSetID ?? "by date (today: \(rules.ruleSet(on: today, settings: settings).id))"))
            for set in rules.ruleSets {
                let from = settings.effectiveFromOverrides[set.id] ?? set.effectiveFrom
                say("  \(set.id): \(set.name)" + (from.map { ", in force from \($0.iso)" } ?? ""))
            }
            say("Contraception: " + (settings.contraceptionMethods.isEmpty ? "(not named)" : settings.contraceptionMethods.joined(separator: " + ")))
            say("Crisis line: " + settings.crisisLine)
            say("Patient name: " + (settings.patientName ?? "(not set; reports and a caregiver's screens say \"The patient\")"))
            say("Mood check every \(settings.moodCheckIntervalDays ?? rules.moodCheck.intervalDays) days")
        }
    }
}
