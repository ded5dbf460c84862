import ArgumentParser
import Foundation
import JournalCore
import JournalStore
import TerminalBackend

/// `isojournal demo`: a realistic sample journal in a fresh folder, opened at once, so every
/// screen can be tried without typing a history. It never touches the real journal.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open a sample journal (a course in its third month) in a temporary folder, to try every screen.",
        discussion: "Made-up data, not yours. Your own journal is not touched. Example: isojournal demo --read-only"
    )

    @Option(help: ArgumentHelp("Build it in this new or empty folder instead of a temporary one.", valueName: "dir"), completion: .directory)
    var into: String?
    @Flag(help: "Open it as a caregiver would: viewing only.") var readOnly = false
    @Flag(help: "Only build it and say where it is.") var noOpen = false

    /// The store's clock, moved batch by batch so each change is dated as if written that day.
    final class DemoClock: @unchecked Sendable { var now = Date() }

    func run() throws {
        try reportingFailures {
            ProcessSignals.prepare()
            let directory = try prepareFolder()
            let clock = DemoClock()
            let count: Int
            do throws(StoreError) {
                let store = try JournalStore(directory: directory, mode: .readWrite, clock: { clock.now })
                for batch in DemoJournal.batches(now: Date(), timeZone: .current) {
                    clock.now = batch.recordedAt
                    try store.record(batch.changes)
                }
                count = store.journal.currentRecordCount
            } catch {
                throw CommandFailure.runtime("The sample journal could not be written in \(directory): \(error.message)")
            }
            say("A sample journal (\(count) records, made up) is in \(directory).")
            say("Open it again with: isojournal --data-dir \(directory)   Remove it with: rm -r \(directory)")
            guard !noOpen else { return }
            guard isatty(0) == 1, isatty(1) == 1 else {
                say("(Not a terminal, so it was not opened.)")
                return
            }
            let store: JournalStore
            do throws(StoreError) {
                store = try JournalStore(directory: directory, mode: readOnly ? .readOnly : .readWrite)
            } catch {
                throw CommandFailure.runtime(error.message)
            }
            try InteractiveStart.run(store)
        }
    }

    /// A fresh temporary folder, or `--into` when it is new or empty (never a folder with a journal).
    private func prepareFolder() throws(CommandFailure) -> String {
        if let into {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: into)) ?? []
            guard contents.isEmpty else {
                throw CommandFailure.badInput("--into \(into) is not empty; the sample journal goes only into a new or empty folder.")
            }
            return into
        }
        var template = Array((FileManager.default.temporaryDirectory.path + "/isojournal-demo-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CommandFailure.runtime("Could not make a temporary folder for the sample journal.")
        }
        return String(cString: made)
    }
}
