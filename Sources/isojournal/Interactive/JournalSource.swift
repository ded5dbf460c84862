import Foundation
import JournalCore
import JournalStore
import JournalUI

/// What the interactive loop reads the journal from and saves it to: the journal folder (a
/// `JournalStore`, read-write or read-only), or a snapshot file, which can only be viewed.
protocol JournalSource: AnyObject {
    var journal: Journal { get }
    var notices: [String] { get }
    /// Why nothing can be saved, when that is so.
    var readOnlyReason: String? { get }
    /// Writes durably; the journal as it now stands, or why nothing was saved.
    func save(_ changes: [JournalChange]) -> Result<Journal, SaveFailure>
    /// The last durable state, read again (another copy may have saved since).
    func reloadJournal() -> Result<Journal, SaveFailure>
}

extension JournalStore: JournalSource {
    func save(_ changes: [JournalChange]) -> Result<Journal, SaveFailure> {
        do throws(StoreError) {
            return .success(try record(changes))
        } catch {
            return .failure(SaveFailure(message: error.message))
        }
    }

    func reloadJournal() -> Result<Journal, SaveFailure> {
        do throws(StoreError) {
            return .success(try reload())
        } catch {
            return .failure(SaveFailure(message: error.message))
        }
    }
}

/// A snapshot opened with `view --snapshot`: checked when opened and again on every reload.
final class SnapshotSource: JournalSource {
    let path: String
    private(set) var journal: Journal
    let notices: [String]
    var readOnlyReason: String? { "it is a snapshot" }

    init(path: String) throws(SnapshotError) {
        self.path = path
        let contents = try Snapshot.load(path: path)
        journal = contents.journal
        let made = contents.createdAt.map { " made " + Timestamp.offsetText($0, in: .current).prefix(16).replacingOccurrences(of: "T", with: " ") } ?? ""
        notices = ["This is a snapshot\(made) (\(path)), shown for viewing only. Its SHA-256 check matched: "
                   + "it is as it was written. It shows nothing saved after it was made."]
    }

    func save(_ changes: [JournalChange]) -> Result<Journal, SaveFailure> {
        .failure(SaveFailure(message: "Nothing was saved: a snapshot is for viewing only."))
    }

    func reloadJournal() -> Result<Journal, SaveFailure> {
        do throws(SnapshotError) {
            journal = try Snapshot.load(path: path).journal
            return .success(journal)
        } catch {
            return .failure(SaveFailure(message: error.message))
        }
    }
}
