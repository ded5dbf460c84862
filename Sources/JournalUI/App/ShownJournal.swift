import JournalCore

/// The journal as a screen (or one of its forms) showed it. A save states, for each record it
/// writes, the revision seen here, so the store can refuse to write over a record another copy
/// (the shell, a second window) changed since; the person is then asked (see `SaveConflict`).
///
/// Screens that draw from the live journal take a new one at every key while browsing, and
/// keep it while a form or a question is open: what the person answered is what they saw.
struct ShownJournal: Equatable, Sendable {
    private let journal: Journal

    init(_ journal: Journal) { self.journal = journal }

    /// The revision shown of each record `changes` touch (0: it did not exist yet).
    func revisions(of changes: [JournalChange]) -> [EntryID: Int] {
        Dictionary(changes.map { ($0.id, journal.revisionNumber(of: $0.id)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The journal only grows, so two with as many revisions, ending alike, showed the same thing.
    static func == (a: ShownJournal, b: ShownJournal) -> Bool {
        a.journal.revisions.count == b.journal.revisions.count && a.journal.revisions.last == b.journal.revisions.last
    }
}
