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

    @Flag(help: "Numbered menus and prompts, line by line, for screen readers and plain terminals (also chosen for TERM=dumb).")
    var plain = false

    // Hidden: for tests and bug reports, the program on scripted keys (see `KeyScript`).
    @Option(name: .customLong("keys"), help: ArgumentHelp(visibility: .hidden))
    var keysFile: String?

    @Option(name: .customLong("size"), help: ArgumentHelp(visibility: .hidden))
    var size = "80x24"

    func run() throws {
        try reportingFailures {
            if let keysFile {
                let (steps, width, height) = try scriptedKeys(keysFile)
                let store = try location.openStore(mode: readOnly ? .readOnly : .readWrite, showsNotices: true, scope: .workingSet)
                ScriptedRun(store: store, steps: steps, width: width, height: height).run()
                return
            }
            ProcessSignals.prepare()
            let plainWanted = PlainStart.wanted(flag: plain)
            let store = try location.openStore(mode: readOnly ? .readOnly : .readWrite, showsNotices: true,
                                               scope: plainWanted ? .whole : .workingSet)
            if plainWanted {
                PlainStart.run(store)
                return
            }
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

extension OpenCommand {
    /// The key script and the screen size, or bad input (exit code 2).
    private func scriptedKeys(_ path: String) throws(CommandFailure) -> ([KeyScript.Step], Int, Int) {
        let parts = size.split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0 else {
            throw CommandFailure.badInput("--size must look like 80x24, not \(size)")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CommandFailure.runtime("Cannot read the key script \(path).")
        }
        do throws(KeyScript.Problem) {
            return (try KeyScript.parse(text), parts[0], parts[1])
        } catch {
            throw CommandFailure.badInput("\(path): \(error.message)")
        }
    }
}
