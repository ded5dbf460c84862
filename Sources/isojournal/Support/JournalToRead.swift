import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// Where a read command (show, status, labs, checklist, remind, report) reads the journal
/// from: the journal folder (`--data-dir`, or the default) or a snapshot file (`--snapshot`).
///
/// Every read command goes through `load()`, so all of them check a snapshot the same way
/// `view --snapshot` does, and all of them refuse a missing or empty journal: a caregiver
/// who points at the wrong folder must get an error naming it, never an empty report that
/// reads like an all-clear.
struct JournalToRead: ParsableArguments {
    @OptionGroup var location: DataDirectoryOption

    @Option(help: ArgumentHelp("Read a snapshot file made by `isojournal export snapshot` (plain or --encrypt) instead of the journal folder.",
                               valueName: "file"), completion: .file())
    var snapshot: String?


    /// The data folder this command reads (or would read): files it writes must never land
    /// inside it, even when it reads a snapshot. Empty when no folder can be named.
    var journalFolder: String {
        (try? DataDirectory.resolve(explicit: location.dataDirectory, environment: ProcessInfo.processInfo.environment)) ?? ""
    }

    /// The journal, checked to hold records, with what the person should know about it.
    struct Loaded {
        let journal: Journal
        /// Printed on standard error by `load`; kept for callers that show them elsewhere.
        let notices: [String]
    }

    /// Reads the journal or the snapshot, or ends the command with a message naming the
    /// folder or file and what is wrong (exit code 1; 2 when both places were given).
    /// Nothing is created or written.
    func load(scope: JournalStore.Scope = .whole) throws(CommandFailure) -> Loaded {
        let loaded: Loaded
        if let snapshot {
            loaded = try Self.readSnapshot(snapshot, location: location, passphrase: location.passphrase.source())
        } else {
            loaded = try Self.readFolder(location, scope: scope)
        }
        for notice in loaded.notices { StandardOutput.warn(notice) }
        return loaded
    }

    private static func readSnapshot(_ file: String, location: DataDirectoryOption,
                                     passphrase: PassphraseSource) throws(CommandFailure) -> Loaded {
        guard location.dataDirectory == nil else {
            throw CommandFailure.badInput("--snapshot and --data-dir: give one or the other.")
        }
        let opened = try openSnapshot(file, passphrase: passphrase)
        let contents = opened.contents
        guard !contents.journal.revisions.isEmpty else {
            throw CommandFailure.runtime("The snapshot \(file) holds no records: it was made from an empty journal. "
                                         + "Ask for a fresh snapshot once something is logged.")
        }
        let made = contents.createdAt.map { " made " + Timestamp.offsetText($0, in: .current).prefix(16).replacingOccurrences(of: "T", with: " ") } ?? ""
        return Loaded(journal: contents.journal,
                      notices: ["Read from the \(opened.passphrase == nil ? "" : "encrypted ")snapshot \(file)\(made); its SHA-256 check matched. It shows nothing saved after it was made."])
    }

    private static func readFolder(_ location: DataDirectoryOption, scope: JournalStore.Scope) throws(CommandFailure) -> Loaded {
        let store = try location.openStore(mode: .readOnly, scope: scope)
        guard store.hasDeviceLogs || FileManager.default.fileExists(atPath: store.journalPath) else {
            throw CommandFailure.runtime("There is no journal in \(store.directory) (no \(store.journalPath)). "
                                         + "Check the folder, pass it with --data-dir, or read a snapshot with --snapshot FILE.")
        }
        guard !store.journal.revisions.isEmpty else {
            throw CommandFailure.runtime("The journal in \(store.directory) holds no records yet: there is nothing to show or report.")
        }
        return Loaded(journal: store.journal, notices: store.notices)
    }

    /// Opens a snapshot file, plain or age-encrypted (told apart by its first line). An
    /// encrypted one gets its passphrase from `passphrase`: five tries at the terminal, one
    /// from a command. Returns the passphrase that worked and the file as read, so a reload
    /// needs no second prompt (and no second scrypt while the file is unchanged).
    static func openSnapshot(_ file: String, passphrase: PassphraseSource) throws(CommandFailure)
        -> (contents: Snapshot.Contents, passphrase: [UInt8]?, file: Snapshot.File) {
        let read: Snapshot.File
        do throws(SnapshotError) {
            read = try Snapshot.readFile(path: file)
            if !read.isEncrypted { return (try Snapshot.open(read, passphrase: nil), nil, read) }
        } catch {
            throw CommandFailure.runtime(error.message)
        }
        return try passphrase.open(file) { (typed: [UInt8]) throws(CommandFailure) -> (Snapshot.Contents, [UInt8]?, Snapshot.File)? in
            do throws(SnapshotError) {
                return (try Snapshot.open(read, passphrase: typed), typed, read)
            } catch .wrongPassphrase {
                return nil
            } catch {
                throw CommandFailure.runtime(error.message)
            }
        }
    }
}
