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
            what the patient saved since. Example: isojournal view --snapshot journal.isojournal-snapshot
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
                do {
                    try InteractiveStart.run(try SnapshotSource(path: snapshot), plain: plain)
                } catch let error as SnapshotError {
                    throw CommandFailure.runtime(error.message)
                }
                return
            }
            let store = try location.openStore(mode: .readOnly, showsNotices: true)
            guard FileManager.default.fileExists(atPath: store.journalPath) else {
                throw CommandFailure.runtime("There is no journal to view in \(store.directory) (no \(store.journalPath)). "
                                             + "Check the folder, or pass it with --data-dir.")
            }
            try InteractiveStart.run(store, plain: plain)
        }
    }
}
