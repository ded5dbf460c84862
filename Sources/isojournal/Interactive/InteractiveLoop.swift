import Foundation
import JournalUI
import TerminalBackend

/// The only place the pure UI meets the terminal: it turns terminal events, time and file
/// changes into messages for the `ProgramRunner` and presents `view()`.
struct InteractiveLoop {
    /// The journal folder, or a snapshot (see `JournalSource`).
    let store: any JournalSource
    let terminal: TerminalSession

    func run() {
        let farewell = loop()
        terminal.stop()
        store.saveWorkingSet()
        // Said after the screen is gone, so it stays in the shell.
        if let farewell { StandardOutput.warn(farewell) }
    }

    /// Runs until the program quits; what it says on leaving.
    private func loop() -> String? {
        let state = AppState(journal: store.journal, now: Date(), timeZone: .current,
                             width: terminal.size.width, height: terminal.size.height,
                             notices: store.notices, readOnlyReason: store.readOnlyReason, offerSetup: true,
                             whereKept: store.whereKept, version: IsoJournal.configuration.version)
        var runner = ProgramRunner(state: state, handler: SourceEffects(store: store, terminal: terminal))
        var lastLook = store.fileLook()
        while true {
            terminal.present(runner.state.view())
            // Wake at least once a second so the clock (and later the reminders) move on their own.
            let event = terminal.nextEvent(timeoutMilliseconds: 1000)
            var messages: [Msg] = [.tick(Date())]
            // The screen follows the file: another copy (the shell, a second window) appended.
            let look = store.fileLook()
            if look != lastLook {
                lastLook = look
                messages.append(.reloaded(store.reloadJournal()))
            }
            switch event {
            case .key(let key):
                // Today may be drawn from the working set (see JournalStore.Scope). Any key but
                // quitting from Today is answered from the whole journal, read first.
                if !(key == .character("q") && runner.state.isOnToday), let whole = store.readWholeJournal() {
                    messages.append(.reloaded(whole))
                    store.saveWorkingSet()
                }
                messages.append(.key(key))
            case .resize(let width, let height): messages.append(.resize(width: width, height: height))
            case .timeout: break
            case .terminate: messages.append(.terminate)
            }
            if runner.send(messages).contains(.quit) { return runner.state.farewell }
        }
    }
}
