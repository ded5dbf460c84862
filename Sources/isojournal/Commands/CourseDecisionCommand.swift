import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal course decision`: what the prescriber decided after a hold (or during a pause).
struct CourseDecisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision",
        abstract: "Record your prescriber's decision after a stop alert put the course on hold: continue, pause or stop.",
        discussion: """
            The course goes on hold by itself when a stop-level event is recorded (a positive pregnancy test,
            a red flag, thoughts of self-harm, a lab result flagged 'contact promptly'); no dose is prompted
            until the decision is recorded. It can also end a pause early (continue).
            Examples:
              isojournal course decision continue --by "Dr Rao by phone"
              isojournal course decision pause --from 2026-12-01 --to 2026-12-07 --note "repeat liver tests"
              isojournal course decision stop --by "Dr Rao"        (the course ends on the last dose taken)
            """
    )

    @Argument(help: ArgumentHelp("What was decided.", valueName: "continue|pause|stop"), completion: Completions.decisions) var outcome: String
    @Option(help: "Who decided (e.g. \"Dr Rao by phone\").") var by: String?
    @Option(help: ArgumentHelp("When the prescriber decided (default now).", valueName: "YYYY-MM-DD HH:MM")) var at: String?
    @Option(help: ArgumentHelp("Pause: the first paused day (default the day of the decision).", valueName: "YYYY-MM-DD")) var from: String?
    @Option(help: ArgumentHelp("Pause: the last paused day (leave out: until further notice).", valueName: "YYYY-MM-DD")) var to: String?
    @Option(help: "What the prescriber said, in your words.") var note: String?
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let zone = TimeZone.current
            let now = Date()
            guard let chosen = PrescriberDecision.Outcome.allCases.first(where: { $0.words == outcome.lowercased() }) else {
                throw CommandFailure.badInput("'\(outcome)' is not a decision: use continue, pause or stop.")
            }
            if chosen != .pause, from != nil || to != nil {
                throw CommandFailure.badInput("--from and --to go with a pause only.")
            }
            var request = PrescriberDecisionAction.Request(outcome: chosen, decidedBy: by, decidedAt: now, note: note)
            if let at { request.decidedAt = try CommandTime.parse(at, option: "--at", zone: zone) }
            request.pauseFrom = try DayArgument.parseBound(from, option: "--from")
            request.pauseTo = try DayArgument.parseBound(to, option: "--to")
            let store = try location.openStore(mode: .readWrite)
            let final = request
            let journal = try store.transactionOrFail { journal in
                do throws(PrescriberDecisionProblem) {
                    return try PrescriberDecisionAction.changes(for: final, in: journal, now: now, zone: zone)
                } catch {
                    throw CommandFailure.badInput(error.message(in: zone))
                }
            }
            let state = journal.courseRecords?.state(at: now, zone: zone)
            var lines = ["Prescriber's decision recorded: \(chosen.words)."]
            switch state {
            case .active?: lines.append("Doses are expected again from the next planned intake.")
            case .paused(let pause)?: lines.append("Paused from \(pause.startDate.iso)" + (pause.endDate.map { " to \($0.iso)." } ?? " until further notice."))
            case .finished(let last)?: lines.append("Course finished: last dose \(last.iso). The after-course countdowns have started (isojournal remind).")
            case .onHold?: lines.append("Another stop event is still waiting for a decision.")
            default: break
            }
            lines.forEach { say($0) }
        }
    }
}
