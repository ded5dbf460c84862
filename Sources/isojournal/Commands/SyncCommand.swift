import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal sync …`: one journal on several machines through a file-sync tool.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Keep one journal on several machines through Syncthing, Nextcloud, Dropbox or any file-sync tool.",
        discussion: """
            Run `isojournal sync setup` once on the first machine, then share the journal folder with your \
            sync tool. Each machine writes only its own log in the folder, so the sync tool never has to merge \
            a file; every machine reads all of them. Example:
              isojournal sync setup
              isojournal sync name "laptop"
              isojournal sync status
            """,
        subcommands: [SyncSetupCommand.self, SyncStatusCommand.self, SyncTidyCommand.self, SyncConfirmCommand.self,
                      SyncNameCommand.self, SyncReadOnlyCommand.self],
        defaultSubcommand: SyncStatusCommand.self
    )
}

/// `isojournal sync setup`: converts a one-file journal to one log per machine.
struct SyncSetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Prepare the journal folder for several machines (keeps the original file until you remove it).",
        discussion: """
            The journal's lines move into this machine's own log, unchanged; the original journal.jsonl is kept \
            beside it as journal.jsonl.v1-<time>. An older IsoJournal opening the folder afterwards shows it for \
            viewing only instead of writing where nobody reads. Run it on one machine only: the others join by \
            syncing the folder and using it.
            """
    )
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let environment = ProcessInfo.processInfo.environment
            let directory: String
            do { directory = try DataDirectory.resolve(explicit: location.dataDirectory, environment: environment) } catch let error as StoreError {
                throw CommandFailure.runtime(error.message)
            }
            let upgrade: LayoutUpgrade
            do {
                guard let device = try DataDirectoryOption.thisMachine(for: directory, environment: environment, create: true) else {
                    throw CommandFailure.runtime("IsoJournal has nowhere to keep this machine's device id: set HOME or XDG_STATE_HOME.")
                }
                let store = try JournalStore(directory: directory, mode: .readWrite, device: device)
                for notice in store.takeNotices() { StandardOutput.warn(notice) }
                if store.hasDeviceLogs {
                    say("This journal is already kept on several machines. This machine is device \(device.id).")
                    return
                }
                upgrade = try store.convertToDeviceLogs()
                say("This journal is now kept as one log per machine. This machine is device \(device.id); "
                    + "its log is \(TerminalText.line(upgrade.ownLog)) (\(upgrade.revisionsCarried) revision\(upgrade.revisionsCarried == 1 ? "" : "s") carried over).")
            } catch let error as StoreError {
                throw CommandFailure.runtime(error.message)
            }
            if let kept = upgrade.originalKeptAt {
                say("The original journal is kept, unchanged, as \(TerminalText.line(kept)); delete it once you are sure everything is there.")
            }
            say("Next: name this machine (isojournal sync name laptop), then share the folder \(TerminalText.line(directory)) "
                + "with your sync tool. On each other machine, point IsoJournal at the synced folder (--data-dir or ISOJOURNAL_DATA_DIR).")
        }
    }
}

/// `isojournal sync status`: devices, their last entries, conflict copies, clock skew.
struct SyncStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Which machines wrote to the journal, their last entries, conflict copies and clock trouble found."
    )
    @Flag(help: "Print JSON instead of text.") var json = false
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let store = try location.openStore(mode: .readOnly)
            for notice in store.notices { StandardOutput.warn(notice) }
            guard let overview = store.syncOverview else {
                if json { try say(json: SyncStatusJSON(keptOnSeveralMachines: false)) } else {
                    say("This journal is kept on this machine only (one file). To use it on several machines: isojournal sync setup")
                }
                return
            }
            let environment = ProcessInfo.processInfo.environment
            let thisMachine = (try? LocalDevice.stateFolder(environment: environment).flatMap { try LocalDevice.load(folder: $0) }) ?? nil
            let report = SyncStatusReport(overview: overview, journal: store.journal, thisMachine: thisMachine, now: Date())
            if json { try say(json: report.json) } else { report.lines.forEach(say) }
        }
    }
}

/// `isojournal sync tidy`: folds conflict copies into this machine's log and removes them.
struct SyncTidyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tidy",
        abstract: "Fold the sync tool's conflict copies into the journal and remove them (asks first; --yes to do it).",
        discussion: """
            Their entries are already shown; tidying copies the ones found only in a conflict copy into this \
            machine's log, synced, and then deletes the copies. Nothing is counted twice, before or after.
            """
    )
    @Flag(help: "Do it without asking.") var yes = false
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let store = try location.openStore(mode: .readWrite)
            guard let overview = store.syncOverview else {
                say("This journal is kept on this machine only: there are no conflict copies to tidy.")
                return
            }
            guard !overview.conflictCopies.isEmpty else {
                say("No conflict copies: nothing to tidy.")
                return
            }
            for copy in overview.conflictCopies {
                say("  \(TerminalText.line(copy.file)) (\(copy.tool)): \(copy.linesOnlyHere) line\(copy.linesOnlyHere == 1 ? "" : "s") found only there")
            }
            if !yes {
                guard isatty(0) == 1 else {
                    say("Nothing has been changed. To fold these in and remove them, run: isojournal sync tidy --yes")
                    return
                }
                FileHandle.standardOutput.write(Data("Fold these into this machine's log and remove them? [y/N] ".utf8))
                guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                    say("Nothing has been changed.")
                    return
                }
            }
            do {
                let done = try store.tidyConflictCopies()
                say("Carried \(done.linesCarried) line\(done.linesCarried == 1 ? "" : "s") into this machine's log and removed "
                    + "\(done.copiesRemoved) conflict cop\(done.copiesRemoved == 1 ? "y" : "ies").")
            } catch let error as StoreError {
                throw CommandFailure.runtime(error.message)
            }
        }
    }
}

/// `isojournal sync confirm ID`: settles a record changed on two machines.
struct SyncConfirmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Settle a record changed on two machines: keep the version shown, or the one from another device.",
        discussion: """
            `isojournal sync status` lists such records. Both versions stay in the record's history either way.
            Example: isojournal sync confirm dose-2026-11-30-morning --use bbbb00000002
            """
    )
    @Argument(help: ArgumentHelp("The record's id.", valueName: "id")) var id: String
    @Option(help: ArgumentHelp("Keep this device's version instead of the one shown (a device id or name).", valueName: "device"))
    var use: String?
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let store = try location.openStore(mode: .readWrite)
            let chooser = use
            var chosenFrom = ""
            _ = try store.transactionOrFail { journal in
                do {
                    let decision = try TwoDeviceConfirmation.change(for: EntryID(id), choosing: chooser, in: journal)
                    chosenFrom = decision.from
                    return [decision.change]
                } catch let refusal as TwoDeviceConfirmation.Refusal {
                    throw CommandFailure.badInput(refusal.description)
                }
            }
            say("Confirmed \(TerminalText.line(id)): the version from \(TerminalText.line(chosenFrom)) stands; both stay in its history.")
        }
    }
}

/// `isojournal sync name NAME`: names this machine in the journal.
struct SyncNameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "name",
        abstract: "Give this machine a name shown instead of its device id (\"laptop\", \"Mum's computer\")."
    )
    @Argument(help: ArgumentHelp("The name.", valueName: "name")) var name: String
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, trimmed.count <= 80, !trimmed.contains(where: \.isNewline) else {
                throw CommandFailure.badInput("The name must be one line of 1 to 80 characters.")
            }
            let store = try location.openStore(mode: .readWrite)
            guard store.hasDeviceLogs, let device = store.localDevice else {
                throw CommandFailure.runtime("This journal is kept on this machine only, so there is nothing to name. "
                                             + "To use it on several machines: isojournal sync setup")
            }
            let today = Timestamp.localDate(of: Date(), in: .current)
            _ = try store.transactionOrFail { _ in
                [.put(DeviceName.entryID(device: device.id), day: today, body: .deviceName(DeviceName(device: device.id, name: trimmed)))]
            }
            say("This machine (device \(device.id)) is now called \u{201C}\(TerminalText.line(trimmed))\u{201D}.")
        }
    }
}

/// `isojournal sync read-only on|off`: a caregiver's machine that only ever views.
struct SyncReadOnlyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read-only",
        abstract: "Make this machine view the journal only (on), e.g. a caregiver's copy of a synced folder, or undo it (off).",
        discussion: "With it on, IsoJournal on this machine never writes a log of its own, whatever command is run."
    )
    @Argument(help: ArgumentHelp("on or off.", valueName: "on|off")) var setting: String

    func run() throws {
        try reportingFailures {
            guard ["on", "off"].contains(setting) else { throw CommandFailure.badInput("Say on or off.") }
            guard let folder = LocalDevice.stateFolder(environment: ProcessInfo.processInfo.environment) else {
                throw CommandFailure.runtime("IsoJournal has nowhere to keep this setting: set HOME or XDG_STATE_HOME.")
            }
            do {
                var device = try LocalDevice.loadOrCreate(folder: folder)
                device.readOnly = setting == "on"
                try device.save(folder: folder)
                say(device.readOnly
                    ? "This machine (device \(device.id)) now only views journals kept on several machines; it writes nothing."
                    : "This machine (device \(device.id)) may write to journals kept on several machines again.")
            } catch let error as StoreError {
                throw CommandFailure.runtime(error.message)
            }
        }
    }
}
