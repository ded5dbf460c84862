import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal export snapshot -o FILE`: a read-only copy for a caregiver on another machine.
struct ExportSnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "A read-only snapshot of the journal to share; `isojournal view --snapshot FILE` opens it.",
        discussion: """
            The file holds the journal's lines and a SHA-256 checksum of them, so a copy that was changed \
            or damaged on the way is refused when opened. It is an integrity check, not a signature. \
            The file is private (mode 600): send it the way you would send any medical record. \
            With --encrypt the snapshot is sealed with a passphrase in the age format (age-encryption.org/v1, \
            scrypt work factor 2^18): `isojournal view --snapshot FILE` or any age client (`age -d FILE`) \
            opens it with the same passphrase, and a changed byte is refused. The passphrase is asked twice \
            at the terminal, or taken from --passphrase-command.
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the snapshot to this file (- for standard output). Never inside the journal folder.", valueName: "file"), completion: .file()) var output: String
    @Flag(help: "Replace the -o file if it already exists.") var force = false
    @Flag(help: "Encrypt the snapshot with a passphrase (age format: `age -d` opens it too).") var encrypt = false
    /// For the tests only (hidden): a cheaper scrypt work factor, so a debug build does not
    /// spend seconds per file. Never below 10; files always say theirs, so readers cope.
    @Option(name: .customLong("scrypt-log2"), help: ArgumentHelp(visibility: .private)) var scryptLog2: Int = Age.defaultLogN
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            guard (10...Age.maximumLogN).contains(scryptLog2) else {
                throw CommandFailure.badInput("--scrypt-log2 must be from 10 to \(Age.maximumLogN).")
            }
            if encrypt, output == "-", isatty(STDOUT_FILENO) == 1 {
                throw CommandFailure.badInput("An encrypted snapshot is binary: write it to a file with -o FILE, or pipe it.")
            }
            let store = try location.openStore(mode: .readOnly)
            for notice in store.notices { StandardOutput.warn(notice) }
            var bytes: [UInt8]
            do {
                if let merged = try store.mergedJournalBytes(createdAt: Date()) {
                    bytes = Snapshot.make(journalBytes: merged, createdAt: Date())
                } else {
                    bytes = try Snapshot.make(journalPath: store.journalPath, createdAt: Date())
                }
            } catch let error as StoreError {
                throw CommandFailure.runtime(error.message)
            } catch let error as SnapshotError {
                throw CommandFailure.runtime(error.message)
            }
            if encrypt {
                // Asked after the journal is read (a damaged journal needs no passphrase) and
                // before anything is written: a refused passphrase leaves no file behind.
                let secret = try location.passphrase.source().newPassphrase(for: output == "-" ? "the encrypted snapshot" : TerminalText.line(output))
                do throws(AgeError) {
                    bytes = try Snapshot.encrypt(bytes, passphrase: secret, logN: scryptLog2)
                } catch {
                    throw CommandFailure.runtime("The snapshot was not written: there was not enough memory for its scrypt work factor.")
                }
            }
            guard let written = try OutputDestination.deliver(bytes, to: output, force: force, readOnScreen: false,
                                                              journalFolder: store.directory) else { return }
            let count = store.journal.currentRecordCount
            let shown = TerminalText.line(written)
            let sealed = encrypt ? ", encrypted (age; `age -d` opens it too)" : ""
            say("Wrote \(shown): \(count) record\(count == 1 ? "" : "s"), \(bytes.count) bytes\(sealed). Open it with: isojournal view --snapshot \(shown)")
        }
    }
}
