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
            The file is private (mode 600): send it the way you would send any medical record.
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the snapshot to this file (- for standard output). Never inside the journal folder.", valueName: "file"), completion: .file()) var output: String
    @Flag(help: "Replace the -o file if it already exists.") var force = false
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let store = try location.openStore(mode: .readOnly)
            for notice in store.notices { StandardOutput.warn(notice) }
            let bytes: [UInt8]
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
            guard let written = try OutputDestination.deliver(bytes, to: output, force: force, readOnScreen: false,
                                                              journalFolder: store.directory) else { return }
            let count = store.journal.currentRecordCount
            let shown = TerminalText.line(written)
            say("Wrote \(shown): \(count) record\(count == 1 ? "" : "s"), \(bytes.count) bytes. Open it with: isojournal view --snapshot \(shown)")
        }
    }
}
