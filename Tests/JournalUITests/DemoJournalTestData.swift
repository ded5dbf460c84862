import Foundation
import JournalCore

/// The demo journal applied in memory, as the store would write it, for screen tests that
/// need months of history.
enum DemoJournalTestData {
    static func journal(now: Date, zone: TimeZone) -> Journal {
        var journal = Journal()
        for batch in DemoJournal.batches(now: now, timeZone: zone) {
            for change in batch.changes {
                journal.apply(change.entry(after: journal.revisionNumber(of: change.id), recordedAt: batch.recordedAt))
            }
        }
        return journal
    }
}
