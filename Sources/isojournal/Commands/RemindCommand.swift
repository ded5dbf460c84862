import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal remind`: what is due, for cron, status bars and notifications.
struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Print what is due, overdue or coming. Exit code 0: nothing due now; 1: something is due or overdue; 2: error; 3: due, but a notification could not be delivered.",
        discussion: """
            Reminders are worked out from the journal each time, so a missed notification is never lost.
            Examples:
              isojournal remind
              isojournal remind --within 3d --json
              isojournal remind --notify            (from cron: each newly due reminder via notify-send; again when it turns
                                                     overdue or a snooze ends; a stop alert every time until acknowledged)
              isojournal remind snooze dose-2026-11-26-evening --for 30m
              isojournal remind ack hold-20261130101500   (stop repeating a stop alert's notification)
            A stop alert (the course is on hold) is listed first, always, and cannot be snoozed or dismissed:
            it stays until the prescriber's decision is recorded (isojournal course decision).
            """,
        subcommands: [RemindListCommand.self, RemindSnoozeCommand.self, RemindDismissCommand.self, RemindAcknowledgeCommand.self],
        defaultSubcommand: RemindListCommand.self
    )
}

struct RemindListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Print the reminders (the default).")

    @Option(help: ArgumentHelp("Pretend it is this moment (for planning and tests).", valueName: "YYYY-MM-DD HH:MM")) var at: String?
    @Option(help: ArgumentHelp("How far ahead: 30m, 12h, 3d (default 24h).", valueName: "span")) var within: String = "24h"
    @Flag(help: "Print JSON for scripts.") var json = false
    @Flag(help: "Send each newly due reminder once as a desktop notification (notify-send).") var notify = false
    @OptionGroup var source: JournalToRead

    func run() throws {
        let outcome = try countingFailures()
        if outcome.notificationFailed { throw ExitCode(3) }
        if outcome.due > 0 { throw ExitCode(1) }
    }

    /// Runs the command; returns how many reminders are due or overdue now, and whether a
    /// notification that should have gone out could not be delivered.
    private func countingFailures() throws -> (due: Int, notificationFailed: Bool) {
        var due = 0
        var notificationFailed = false
        try reportingFailures(everyFailureExits: 2) {
            let zone = TimeZone.current
            let now = try at.map { try CommandTime.parse($0, option: "--at", zone: zone) } ?? Date()
            let horizon = try CommandTime.span(within, option: "--within")
            // --notify records which reminders it sent, so it needs the journal folder itself.
            if notify, source.snapshot != nil {
                throw CommandFailure.badInput("--notify records what it sent in the journal, so it cannot read a snapshot.")
            }
            let store = notify ? try source.location.openStore(mode: .readWrite, scope: .workingSet) : nil
            var journal = try store.map(\.journal) ?? source.load(scope: .workingSet).journal
            if let window = journal.window, !window.isUsable(now: now, zone: zone) {
                // --at far from now: the working set does not reach there; read everything.
                if let store { try store.readWholeOrFail() }
                journal = try store.map(\.journal) ?? source.load().journal
            }
            let reminders = ReminderEngine.reminders(journal: journal, now: now, timeZone: zone, horizon: horizon)
            due = reminders.filter(\.urgency.isDue).count
            if let store {
                if let failure = try sendNotifications(reminders, store: store, now: now, zone: zone) {
                    StandardOutput.warn(failure.message)
                    notificationFailed = true
                }
            }
            if json {
                let rows = reminders.map {
                    ReminderRow(id: $0.id, kind: $0.kind.rawValue, due: Timestamp.offsetText($0.due, in: zone),
                                urgency: $0.urgency.label, message: $0.message, place: $0.place.rawValue,
                                command: $0.place.shellCommand)
                }
                try say(json: rows)
            } else if reminders.isEmpty {
                say("Nothing due.")
            } else {
                for reminder in reminders {
                    let when = Timestamp.offsetText(reminder.due, in: zone).prefix(16).replacingOccurrences(of: "T", with: " ")
                    say(reminder.urgency.label.uppercased().padding(toLength: 10, withPad: " ", startingAt: 0) + when + "  " + reminder.message)
                }
            }
        }
        return (due, notificationFailed)
    }

    /// Sends what the notification policy says is due to be sent, and records each one sent.
    /// Returns why nothing could be delivered, if that happened.
    private func sendNotifications(_ reminders: [Reminder], store: JournalStore, now: Date, zone: TimeZone) throws -> DesktopNotifier.Failure? {
        let states = ReminderEngine.states(in: store.journal)
        let toSend = reminders.filter { NotificationPolicy.shouldSend($0, state: states[$0.id], now: now) }
        guard !toSend.isEmpty else { return nil }
        let notifier: DesktopNotifier
        switch DesktopNotifier.find() {
        case .success(let found): notifier = found
        case .failure(let failure): return failure
        }
        var sent: [JournalChange] = []
        var failure: DesktopNotifier.Failure?
        for reminder in toSend {
            let title = reminder.kind == .stopAlert ? "IsoJournal: STOP — contact your prescriber" : "IsoJournal"
            if case .failure(let problem) = notifier.send(title: title, body: reminder.message, urgent: reminder.urgency <= .overdue) {
                failure = problem
                continue
            }
            var state = states[reminder.id] ?? ReminderState(reminder: reminder.id)
            state.notifiedAt = now
            state.notifiedUrgency = reminder.urgency.label
            sent.append(.put(ReminderState.entryID(reminder: reminder.id), day: Timestamp.localDate(of: now, in: zone),
                             body: .reminderState(state)))
        }
        if !sent.isEmpty {
            _ = try store.transactionOrFail { _ in sent }
            store.saveWorkingSet()
        }
        return failure
    }
}

struct ReminderRow: Encodable {
    let id, kind, due, urgency, message: String
    /// Where it is acted on, and the command that does it from the shell.
    let place, command: String
}

extension Reminder.Place {
    /// The shell's way to act on a reminder of this place (the full-screen program shows a key).
    var shellCommand: String {
        switch self {
        case .doses: return "isojournal log dose <mg>"
        case .logSymptoms: return "isojournal log symptom <symptom> <0-3>"
        case .weight: return "isojournal log weight <weight>"
        case .labs: return "isojournal labs, then isojournal lab mark|move or isojournal log lab"
        case .checklist: return "isojournal checklist, then isojournal checklist tick <item>"
        case .moodCheck: return "isojournal log mood"
        case .prescriberDecision: return "isojournal course decision continue|pause|stop"
        }
    }
}

struct RemindSnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "snooze", abstract: "Hide a reminder for a while (it comes back by itself).")

    @Argument(help: "The reminder's id (see remind --json).") var id: String
    @Option(name: .customLong("for"), help: ArgumentHelp("How long: 30m, 2h, 1d.", valueName: "span")) var duration: String = "1h"
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let now = Date()
            let until = now.addingTimeInterval(try CommandTime.span(duration, option: "--for"))
            try location.openStore(mode: .readWrite).act(.snooze(until: until), on: id, now: now)
            say("Snoozed \(id) until \(Timestamp.offsetText(until, in: .current).prefix(16).replacingOccurrences(of: "T", with: " ")).")
        }
    }
}

struct RemindDismissCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dismiss",
        abstract: "Stop showing a reminder. A dismissed dose reminder still leaves the dose unrecorded."
    )

    @Argument(help: "The reminder's id (see remind --json).") var id: String
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            try location.openStore(mode: .readWrite).act(.dismiss, on: id, now: Date())
            say("Dismissed \(id)." + (id.hasPrefix("dose-") ? " The dose is still not recorded as taken." : ""))
        }
    }
}

struct RemindAcknowledgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Acknowledge a stop alert: its desktop notification stops repeating (the alert stays until the decision is recorded)."
    )

    @Argument(help: "The stop alert's id (hold-…, see remind --json).") var id: String
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            try location.openStore(mode: .readWrite).act(.acknowledge, on: id, now: Date())
            say("Acknowledged \(id): its notification will not repeat. The course stays on hold until you record your prescriber's decision.")
        }
    }
}

extension JournalStore {
    /// Snooze, dismiss or acknowledge a reminder, judged inside the transaction against the
    /// journal as it stands on disk, so a state another copy saved meanwhile is kept.
    func act(_ action: ReminderActions.Action, on id: String, now: Date) throws {
        _ = try transactionOrFail { journal in
            switch ReminderActions.change(action, reminder: id, journal: journal, now: now, timeZone: .current) {
            case .success(let change): return [change]
            case .failure(let problem): throw CommandFailure.badInput(problem.message)
            }
        }
    }
}
