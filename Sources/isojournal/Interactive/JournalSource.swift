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
    /// Where the journal is kept, as the help says it: the folder, or the snapshot file.
    var whereKept: String { get }
    /// Writes durably; the journal as it now stands, or why nothing was saved.
    func save(_ changes: [JournalChange]) -> Result<Journal, SaveFailure>
    /// The last durable state, read again (another copy may have saved since).
    func reloadJournal() -> Result<Journal, SaveFailure>
    /// Writes only if every record in `since` still has that revision on disk (checked under
    /// the lock, after catching up): `.recorded` when written, else `.changedElsewhere`.
    func saveUnlessChanged(_ changes: [JournalChange], since: [EntryID: Int]) -> Msg
    /// A cheap look at the journal file (which file, how long): when it differs from the last
    /// look, another copy saved and the screen should follow. nil when there is nothing to watch.
    func fileLook() -> FileLook?
    /// The whole journal, when the source opened with only its working set (the first screen
    /// is drawn from that); nil when it already holds everything.
    func readWholeJournal() -> Result<Journal, SaveFailure>?
    /// Keeps the working-set cache up to date for the next start (a folder opened read-write).
    func saveWorkingSet()
}

/// What one `stat` says about the journal file: enough to notice an append or a replacement.
struct FileLook: Equatable {
    let device: UInt64
    let inode: UInt64
    let size: Int
}

extension JournalStore {
    func fileLook() -> FileLook? {
        // Several machines: any log that grew or was replaced (a sync tool renames) counts.
        var look: FileLook?
        for path in watchedFiles {
            guard let status = try? PosixFileSystem().lstat(path) else { continue }
            look = FileLook(device: (look?.device ?? 0) &* 31 &+ status.device, inode: (look?.inode ?? 0) &* 31 &+ status.inode,
                            size: (look?.size ?? 0) &+ status.size)
        }
        return look
    }
}

/// The records whose revision on disk is no longer the one a form showed.
private struct ChangedElsewhere: Error { let ids: [EntryID] }

extension JournalStore {
    func saveUnlessChanged(_ changes: [JournalChange], since: [EntryID: Int]) -> Msg {
        do {
            let saved = try transaction { onDisk in
                let changed = since.filter { onDisk.revisionNumber(of: $0.key) != $0.value }.keys.sorted()
                if !changed.isEmpty { throw ChangedElsewhere(ids: changed) }
                return changes
            }
            return .recorded(.success(saved))
        } catch let conflict as ChangedElsewhere {
            return .changedElsewhere(journal, ids: conflict.ids)
        } catch let error as StoreError {
            return .recorded(.failure(SaveFailure(message: error.message)))
        } catch {
            return .recorded(.failure(SaveFailure(message: "Not saved: \(error)")))
        }
    }
}

extension JournalStore: JournalSource {
    var whereKept: String { "the folder " + directory }

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

    func readWholeJournal() -> Result<Journal, SaveFailure>? {
        guard !journal.isWhole else { return nil }
        do throws(StoreError) {
            try readWhole()
            return .success(journal)
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
    var whereKept: String { "the snapshot file " + path }

    /// Reads the file again (for an encrypted one, with the passphrase that opened it).
    private let load: () throws(SnapshotError) -> Snapshot.Contents

    init(path: String, contents: Snapshot.Contents, encrypted: Bool = false,
         load: @escaping () throws(SnapshotError) -> Snapshot.Contents) {
        self.path = path
        self.load = load
        journal = contents.journal
        let made = contents.createdAt.map { " made " + Timestamp.offsetText($0, in: .current).prefix(16).replacingOccurrences(of: "T", with: " ") } ?? ""
        let check = encrypted ? "It was decrypted and its SHA-256 check matched" : "Its SHA-256 check matched"
        notices = ["This is a snapshot\(made) (\(path)), shown for viewing only. \(check): "
                   + "it is as it was written. It shows nothing saved after it was made."]
    }

    func save(_ changes: [JournalChange]) -> Result<Journal, SaveFailure> {
        .failure(SaveFailure(message: "Nothing was saved: a snapshot is for viewing only."))
    }

    func saveUnlessChanged(_ changes: [JournalChange], since: [EntryID: Int]) -> Msg {
        .recorded(save(changes))
    }

    func fileLook() -> FileLook? { nil } // a snapshot does not change under the viewer

    func reloadJournal() -> Result<Journal, SaveFailure> {
        do throws(SnapshotError) {
            journal = try load().journal
            return .success(journal)
        } catch {
            return .failure(SaveFailure(message: error.message))
        }
    }

    func readWholeJournal() -> Result<Journal, SaveFailure>? { nil }
    func saveWorkingSet() {}
}
