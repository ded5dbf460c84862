import ArgumentParser
import Foundation
import JournalStore

/// `--data-dir`, shared by every command, and opening the store it names.
struct DataDirectoryOption: ParsableArguments {
    @Option(name: .customLong("data-dir"),
            help: ArgumentHelp("Where the journal lives (default: $ISOJOURNAL_DATA_DIR, else $XDG_DATA_HOME/isojournal, else ~/.local/share/isojournal).",
                               valueName: "dir"))
    var dataDirectory: String?

    /// Opens the store, or ends the command with a plain message (exit code 1).
    func openStore(mode: JournalStore.Mode) throws(CommandFailure) -> JournalStore {
        do {
            let directory = try DataDirectory.resolve(explicit: dataDirectory, environment: ProcessInfo.processInfo.environment)
            return try JournalStore(directory: directory, mode: mode, clock: { Date() })
        } catch {
            throw CommandFailure.runtime(error.message)
        }
    }
}
