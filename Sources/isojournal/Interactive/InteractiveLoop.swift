import Foundation
import JournalCore
import JournalStore
import JournalUI
import TerminalBackend

/// The only place the pure UI meets the world: it feeds keys, time and save results to
/// `AppState.update`, runs the effects it returns, and presents `view()`.
struct InteractiveLoop {
    /// The journal folder, or a snapshot (see `JournalSource`).
    let store: any JournalSource
    let terminal: TerminalSession

    func run() {
        defer { terminal.stop() }
        var state = AppState(journal: store.journal, now: Date(), timeZone: .current,
                             width: terminal.size.width, height: terminal.size.height,
                             notices: store.notices, readOnlyReason: store.readOnlyReason, offerSetup: true)
        var lastLook = store.fileLook()
        while true {
            terminal.present(state.view())
            // Wake at least once a second so the clock (and later the reminders) move on their own.
            let event = terminal.nextEvent(timeoutMilliseconds: 1000)
            var queue: [Msg] = [.tick(Date())]
            // The screen follows the file: another copy (the shell, a second window) appended.
            let look = store.fileLook()
            if look != lastLook {
                lastLook = look
                queue.append(.reloaded(store.reloadJournal()))
            }
            switch event {
            case .key(let key): queue.append(.key(key))
            case .resize(let width, let height): queue.append(.resize(width: width, height: height))
            case .timeout: break
            case .terminate: queue.append(.terminate)
            }
            while !queue.isEmpty {
                let msg = queue.removeFirst()
                for effect in state.update(msg) {
                    switch effect {
                    case .record(let changes):
                        queue.append(.recorded(store.save(changes)))
                    case .recordUnlessChanged(let changes, let since):
                        queue.append(store.saveUnlessChanged(changes, since: since))
                    case .reload:
                        queue.append(.reloaded(store.reloadJournal()))
                    case .suspend:
                        terminal.suspend()
                    case .quit:
                        return
                    }
                }
            }
        }
    }
}
