import JournalCore

/// The outside world as the program runner sees it: the store (or an in-memory stand-in in
/// the screen tests) and the terminal. Each answer goes back to the screens as a message.
public protocol EffectsHandler {
    /// Writes `changes` durably: the journal as it now stands, or why nothing was saved.
    /// `shown` is the journal the screens show now (an in-memory disk starts from it; a real
    /// store has the file and ignores it).
    mutating func save(_ changes: [JournalChange], shown: Journal) -> Result<Journal, SaveFailure>
    /// Writes only if each record in `since` still has that revision: `.recorded`, or
    /// `.changedElsewhere` when another copy saved one of them.
    mutating func saveUnlessChanged(_ changes: [JournalChange], since: [EntryID: Int], shown: Journal) -> Msg
    /// The journal read again; nil when the answer is not given now (the screen tests send it
    /// themselves to check what a reload shows).
    mutating func reload() -> Result<Journal, SaveFailure>?
    /// Ctrl-Z: hand the terminal back until `fg`.
    mutating func suspend()
}
