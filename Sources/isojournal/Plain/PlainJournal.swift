import Foundation
import JournalCore
import JournalStore
import JournalUI

/// What the plain mode reads and saves through: the same sources as the screens, plus the
/// store's transaction, so each change is decided on the journal as it stands on disk with the
/// same checks the shell commands make.
protocol PlainJournal: AnyObject {
    var journal: Journal { get }
    var notices: [String] { get }
    /// Why nothing can be saved (a `view`, a snapshot), or nil.
    var readOnlyReason: String? { get }
    func reloadJournal() -> Result<Journal, SaveFailure>
    /// Writes what `decide` returns, under the lock; an error from `decide` writes nothing.
    func transaction(_ decide: (Journal) throws -> [JournalChange]) throws -> Journal
}

extension JournalStore: PlainJournal {}

extension SnapshotSource: PlainJournal {
    func transaction(_ decide: (Journal) throws -> [JournalChange]) throws -> Journal {
        throw PlainRefusal("Nothing was saved: a snapshot is for viewing only.")
    }
}

/// A change the plain mode will not save, with the sentence that says why.
struct PlainRefusal: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
