import ArgumentParser
import Foundation
import JournalStore

/// `--data-dir`, shared by every command, and opening the store it names.
struct DataDirectoryOption: ParsableArguments {
    @Option(name: .customLong("data-dir"),
            help: ArgumentHelp("Where the journal lives (default: $ISOJOURNAL_DATA_DIR, else $XDG_DATA_HOME/isojournal, else ~/.local/share/isojournal).",
                               valueName: "dir"), completion: .directory)
    var dataDirectory: String?

    /// Opens the store, or ends the command with a plain message (exit code 1).
    ///
    /// Opening for writing may have done something the person should know about (permissions
    /// tightened, an unfinished line set aside after a crash): those notices are printed on
    /// standard error, unless `showsNotices` says the caller shows them itself (the screens).
    func openStore(mode: JournalStore.Mode, showsNotices: Bool = false) throws(CommandFailure) -> JournalStore {
        let store: JournalStore
        do {
            let environment = ProcessInfo.processInfo.environment
            let directory = try DataDirectory.resolve(explicit: dataDirectory, environment: environment)
            store = try JournalStore(directory: directory, mode: mode, clock: { Date() },
                                     device: mode == .readWrite ? try Self.thisMachine(for: directory, environment: environment) : nil)
        } catch {
            throw CommandFailure.runtime(error.message)
        }
        if mode == .readWrite && !showsNotices {
            for notice in store.takeNotices() {
                StandardOutput.warn(notice)
            }
        }
        return store
    }

    /// This machine's device, when the journal is kept on several machines (made the first
    /// time it is needed); nil for a one-machine journal, which needs none.
    static func thisMachine(for directory: String, environment: [String: String],
                            create: Bool = false) throws(StoreError) -> LocalDevice? {
        guard let folder = LocalDevice.stateFolder(environment: environment) else { return nil }
        if let device = try LocalDevice.load(folder: folder) { return device }
        guard create || JournalStore.isKeptOnSeveralMachines(directory: directory) else { return nil }
        return try LocalDevice.loadOrCreate(folder: folder)
    }
}
