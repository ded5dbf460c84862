import Foundation
import TerminalBackend

/// Starting the full-screen journal on a source, for `view` and `demo` (`open` does the same).
enum InteractiveStart {
    /// `plain`: the linear mode (`--plain`, also chosen for TERM=dumb), see `PlainSession`.
    static func run(_ source: any JournalSource & PlainJournal, plain: Bool = false) throws(CommandFailure) {
        if PlainStart.wanted(flag: plain) {
            // The linear mode reads history from its first line: the whole journal.
            if case .failure(let failure)? = source.readWholeJournal() { throw CommandFailure.runtime(failure.message) }
            PlainStart.run(source)
            return
        }
        let terminal: TerminalSession
        do {
            terminal = try TerminalSession.start()
        } catch {
            throw CommandFailure.runtime(error.message)
        }
        InteractiveLoop(store: source, terminal: terminal).run()
    }
}
