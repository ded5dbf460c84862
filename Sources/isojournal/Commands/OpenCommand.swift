import ArgumentParser
import Foundation
import JournalStore
import TerminalBackend

/// `isojournal` with no command: the interactive journal.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the interactive journal (the default when no command is given)."
    )

    @OptionGroup var location: DataDirectoryOption

    @Flag(name: .customLong("read-only"), help: "Open without any possibility of changing the journal.")
    var readOnly = false

    func run() throws {
        try reportingFailures {
            ProcessSignals.prepare()
            let store = try location.openStore(mode: readOnly ? .readOnly : .readWrite, showsNotices: true)
            let terminal: TerminalSession
            do {
                terminal = try TerminalSession.start()
            } catch let error as TerminalError {
                throw CommandFailure.runtime(error.message)
            }
            InteractiveLoop(store: store, terminal: terminal).run()
        }
    }
}
