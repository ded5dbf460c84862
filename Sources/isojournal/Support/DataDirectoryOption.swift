import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `--data-dir`, shared by every command, and opening the store it names.
struct DataDirectoryOption: ParsableArguments {
    @Option(name: .customLong("data-dir"),
            help: ArgumentHelp("Where the journal lives (default: $ISOJOURNAL_DATA_DIR, else $XDG_DATA_HOME/isojournal, else ~/.local/share/isojournal).",
                               valueName: "dir"), completion: .directory)
    var dataDirectory: String?

    /// An encrypted journal's (or snapshot's) passphrase: asked at the terminal, or from a command.
    @OptionGroup var passphrase: PassphraseOptions

    /// Opens the store, or ends the command with a plain message (exit code 1).
    ///
    /// Opening for writing may have done something the person should know about (permissions
    /// tightened, an unfinished line set aside after a crash): those notices are printed on
    /// standard error, unless `showsNotices` says the caller shows them itself (the screens).
    /// `scope: .workingSet` (the first screen, `remind`, `status`, `log`) may start from the
    /// working-set cache instead of reading every year of the journal.
    func openStore(mode: JournalStore.Mode, showsNotices: Bool = false, scope: JournalStore.Scope = .whole) throws(CommandFailure) -> JournalStore {
        let store: JournalStore
        let environment = ProcessInfo.processInfo.environment
        let directory: String
        do { directory = try DataDirectory.resolve(explicit: dataDirectory, environment: environment) } catch {
            throw CommandFailure.runtime(error.message)
        }
        let key = try unlockKey(in: directory)
        // ISOJOURNAL_NO_CACHE=1 reads the whole journal every time (to compare, or to rule the cache out).
        let scope = environment["ISOJOURNAL_NO_CACHE"].map { !$0.isEmpty && $0 != "0" } == true ? .whole : scope
        do {
            store = try JournalStore(directory: directory, mode: mode, clock: { Date() },
                                     device: mode == .readWrite ? try Self.thisMachine(for: directory, environment: environment) : nil,
                                     key: key, scope: scope)
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

    /// The data key of an encrypted journal (one with a `journal.key`), unlocked with the
    /// passphrase; nil when the journal is not encrypted. Five tries at the terminal.
    func unlockKey(in directory: String) throws(CommandFailure) -> DataKey? {
        let keyPath = DataDirectory(path: directory).file(JournalKey.fileName)
        guard let keyFile = FileManager.default.contents(atPath: keyPath) else { return nil }
        // Unlocked by an earlier command of this session, and still kept (see `KeyCache`).
        if Self.keyCacheSeconds > 0, let keyID = try? JournalKey.keyID(of: Array(keyFile)),
           let kept = KeyCache.recall(keyID: keyID) {
            return kept
        }
        let key = try passphrase.source().open("the journal in \(TerminalText.line(directory))") { (bytes: [UInt8]) throws(CommandFailure) -> DataKey? in
            do throws(KeyError) {
                return try JournalKey.unlock(Array(keyFile), passphrase: String(decoding: bytes, as: UTF8.self))
            } catch {
                if case .wrongPassphrase = error { return nil }
                throw CommandFailure.runtime(error.message) // a damaged key file: asking again would not help
            }
        }
        KeyCache.remember(key, seconds: Self.keyCacheSeconds)
        return key
    }

    /// How long an unlocked key is kept: `ISOJOURNAL_KEY_CACHE_SECONDS`, else 15 minutes.
    static var keyCacheSeconds: Int {
        ProcessInfo.processInfo.environment["ISOJOURNAL_KEY_CACHE_SECONDS"].flatMap { Int($0) }.map { max(0, $0) }
            ?? KeyCache.defaultSeconds
    }

    /// The data folder and this machine (made if need be), for commands that convert the folder.
    func folderAndDevice() throws(CommandFailure) -> (String, LocalDevice) {
        let environment = ProcessInfo.processInfo.environment
        do {
            let directory = try DataDirectory.resolve(explicit: dataDirectory, environment: environment)
            guard let device = try Self.thisMachine(for: directory, environment: environment, create: true) else {
                throw CommandFailure.runtime("IsoJournal has nowhere to keep this machine's device id: set HOME or XDG_STATE_HOME.")
            }
            guard !device.readOnly else {
                throw CommandFailure.runtime("This machine is set to view journals only (isojournal sync read-only off changes that).")
            }
            return (directory, device)
        } catch let error as StoreError {
            throw CommandFailure.runtime(error.message)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure.runtime("\(error)")
        }
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

extension JournalStore {
    /// `readWhole`, or the command ends with the store's message.
    func readWholeOrFail() throws(CommandFailure) {
        do throws(StoreError) { try readWhole() } catch { throw CommandFailure.runtime(error.message) }
    }
}
