import ArgumentParser
import Foundation
import JournalStore
import TerminalBackend

/// `isojournal view`: the journal for a caregiver, with no possibility of changing it.
struct ViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Look at the journal (or a snapshot) without any possibility of changing it.",
        discussion: """
            Takes no lock and writes nothing, so it works on a read-only disk and while the patient's \
            own copy is open. Press h for the history, b for labs, k for the checklist, R to reload \
            what the patient saved since. Example: isojournal view --snapshot journal.isojournal-snapshot \
            (an encrypted snapshot asks for its passphrase, or takes it from --passphrase-command)
            """
    )

    @OptionGroup var location: DataDirectoryOption

    @Option(help: ArgumentHelp("Open a snapshot file made by `isojournal export snapshot`.", valueName: "file"), completion: .file())
    var snapshot: String?


    @Flag(help: "Numbered menus and prompts, line by line, for screen readers and plain terminals (also chosen for TERM=dumb).")
    var plain = false

    func run() throws {
        try reportingFailures {
            ProcessSignals.prepare()
            if let snapshot {
                guard location.dataDirectory == nil else {
                    throw CommandFailure.badInput("--snapshot and --data-dir: give one or the other.")
                }
                // Opened (and any passphrase asked) before the screen starts; a reload reuses the passphrase.
                let opened = try JournalToRead.openSnapshot(snapshot, passphrase: location.passphrase.source())
                let source = SnapshotSource(path: snapshot, contents: opened.contents, encrypted: opened.passphrase != nil) {
                    () throws(SnapshotError) -> Snapshot.Contents in
                    let again = try Snapshot.readFile(path: snapshot)
                    return again == opened.file ? opened.contents : try Snapshot.open(again, passphrase: opened.passphrase)
                }
                try InteractiveStart.run(source, plain: plain)
                return
            }
            let store = try location.openStore(mode: .readOnly, showsNotices: true, scope: .workingSet)
            guard FileManager.default.fileExists(atPath: store.journalPath) else {
                throw CommandFailure.runtime("There is no journal to view in \(store.directory) (no \(store.journalPath)). "
                                             + "Check the folder, or pass it with --data-dir.")
            }
            try InteractiveStart.run(store, plain: plain)
        }
    }
}
