import JournalCore
import JournalUI
import TerminalBackend

/// Effects run against the real journal source; Ctrl-Z suspends the terminal when there is
/// one (the scripted `--keys` mode has none, so it is ignored there).
struct SourceEffects: EffectsHandler {
    let store: any JournalSource
    let terminal: TerminalSession?

    func save(_ changes: [JournalChange], shown: Journal) -> Result<Journal, SaveFailure> {
        store.save(changes)
    }

    func saveUnlessChanged(_ changes: [JournalChange], since: [EntryID: Int], shown: Journal) -> Msg {
        store.saveUnlessChanged(changes, since: since)
    }

    func reload() -> Result<Journal, SaveFailure>? {
        store.reloadJournal()
    }

    func suspend() {
        terminal?.suspend()
    }
}
