import Foundation
import JournalUI

/// The hidden `open --keys FILE` mode: the real program (store, clock, screens, runner) on
/// scripted keys at a fixed size, with no terminal. Each `<screen>` prints the screen as
/// plain text on standard output: exactly `height` lines, trailing spaces removed, so
/// end-to-end tests compare whole screens without tmux timing.
struct ScriptedRun {
    let store: any JournalSource
    let steps: [KeyScript.Step]
    let width: Int
    let height: Int

    func run() {
        let state = AppState(journal: store.journal, now: Date(), timeZone: .current, width: width, height: height,
                             notices: store.notices, readOnlyReason: store.readOnlyReason, offerSetup: true,
                             whereKept: store.whereKept, version: IsoJournal.configuration.version)
        var runner = ProgramRunner(state: state, handler: SourceEffects(store: store, terminal: nil))
        // As in the terminal: a first screen may come from the working set, every key meets the whole journal.
        var wholeRead = false
        defer { store.saveWorkingSet() }
        for step in steps {
            if !wholeRead, !step.isScreen {
                wholeRead = true
                if let whole = store.readWholeJournal() { _ = runner.send([.reloaded(whole)]) }
            }
            // Each step is one terminal event: the loop sends the time with every event.
            let effects: [Effect]
            switch step {
            case .key(let key):
                effects = runner.send([.tick(Date()), .key(key)])
            case .resize(let width, let height):
                effects = runner.send([.tick(Date()), .resize(width: width, height: height)])
            case .screen:
                print(runner.state.view().text)
                continue
            }
            if effects.contains(.quit) {
                if let farewell = runner.state.farewell { StandardOutput.warn(farewell) }
                break
            }
        }
    }
}

extension KeyScript.Step {
    var isScreen: Bool { if case .screen = self { return true } else { return false } }
}
