import Foundation
import TerminalBackend

/// Starting the full-screen journal on a source, for `view` and `demo` (`open` does the same).
enum InteractiveStart {
    static func run(_ source: any JournalSource) throws(CommandFailure) {
        let terminal: TerminalSession
        do {
            terminal = try TerminalSession.start()
        } catch {
            throw CommandFailure.runtime(error.message)
        }
        InteractiveLoop(store: source, terminal: terminal).run()
    }
}
