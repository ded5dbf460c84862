import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal remind`: what is due, for cron, status bars and notifications.
struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Print what is due, overdue or coming. Exit code 0: nothing due now; 1: something is due or overdue; 2: error.",
        discussion: """
            Reminders are worked out from the journal each time, so a missed notification is never lost.
            Examples:
              isojournal remind
              isojournal remind --within 3d --json
              isojournal remind --notify            (from cron: each newly due reminder once, via notify-send)
              isojournal remind snooze dose-2026-11-26-evening --for 30m
            """,
        subcommands: [RemindListCommand.self, RemindSnoozeCommand.self, RemindDismissCommand.self],
        defaultSubcommand: RemindListCommand.self
    )
}

struct RemindListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Print the reminders (the default).")

    @Option(help: ArgumentHelp("Pretend it is this moment (for planning and tests).", valueName: "YYYY-MM-DD HH:MM")) var at: String?
    @Option(help: ArgumentHelp("How far ahead: 30m, 12h, 3d (default 24h).", valueName: "span")) var within: String = "24h"
    @Flag(help: "Print JSON for scripts.") var json = false
    @Flag(help: "Send each newly due reminder once as a desktop notification (notify-send).") var notify = false
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        let dueCount = try countingFailures()
        if dueCount > 0 { throw ExitCode(1) }
    }

    /// Runs the command; returns how many reminders are due or overdue now.
    private func countingFailures() throws -> Int {
        var due = 0
        try reportingFailures(everyFailureExits: 2) {
            let zone = TimeZone.current
            let now = try at.map { try CommandTime.parse($0, option: "--at", zone: zone) } ?? Date()
            let horizon = try CommandTime.span(within, option: "--within")
            let store = try location.openStore(mode: notify ? .readWrite : .readOnly)
            let reminders = ReminderEngine.reminders(journal: store.journal, now: now, timeZone: zone, horizon: horizon)
            due = reminders.filter(\.urgency.isDue).count
            if notify { try sendNotifications(reminders.filter(\.urgency.isDue), store: store, now: now) }
            if json {
                let rows = reminders.map {
                    ReminderRow(id: $0.id, kind: $0.kind.rawValue, due: Timestamp.offsetText($0.due, in: zone),
                                urgency: $0.urgency.label, message: $0.message)
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
        return due
    }

    private func sendNotifications(_ due: [Reminder], store: JournalStore, now: Date) throws {
        let states = ReminderEngine.states(in: store.journal)
        let fresh = due.filter { states[$0.id]?.notifiedAt == nil }
        guard !fresh.isEmpty else { return }
        guard let notifier = DesktopNotifier.find() else {
            FileHandle.standardError.write(Data("isojournal: notify-send was not found (Debian: apt-get install libnotify-bin); printing only.\n".utf8))
            return
        }
        var sent: [JournalChange] = []
        for reminder in fresh where notifier.send(title: "IsoJournal", body: reminder.message) {
            var state = states[reminder.id] ?? ReminderState(reminder: reminder.id)
            state.notifiedAt = now
            sent.append(.put(ReminderState.entryID(reminder: reminder.id), day: Timestamp.localDate(of: now, in: .current),
                             body: .reminderState(state)))
        }
        if !sent.isEmpty { _ = try store.transactionOrFail { _ in sent } }
    }
}

struct ReminderRow: Encodable {
    let id, kind, due, urgency, message: String
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
            let store = try location.openStore(mode: .readWrite)
            try KnownReminder.check(id, in: store.journal, now: now)
            var state = ReminderEngine.states(in: store.journal)[id] ?? ReminderState(reminder: id)
            state.snoozedUntil = until
            let final = state
            _ = try store.transactionOrFail { _ in
                [.put(ReminderState.entryID(reminder: id), day: Timestamp.localDate(of: now, in: .current), body: .reminderState(final))]
            }
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
            let store = try location.openStore(mode: .readWrite)
            try KnownReminder.check(id, in: store.journal, now: Date())
            var state = ReminderEngine.states(in: store.journal)[id] ?? ReminderState(reminder: id)
            state.dismissed = true
            let final = state
            _ = try store.transactionOrFail { _ in
                [.put(ReminderState.entryID(reminder: id), day: Timestamp.localDate(of: Date(), in: .current), body: .reminderState(final))]
            }
            say("Dismissed \(id)." + (id.hasPrefix("dose-") ? " The dose is still not recorded as taken." : ""))
        }
    }
}
