import Foundation
import JournalCore

/// What every screen is given with each key and each drawing: the journal and the clock as the
/// program knows them now, the window's height, and whether the journal may change.
struct ScreenContext {
    let journal: Journal
    let now: Date
    let timeZone: TimeZone
    /// The window's height, for paging.
    let height: Int
    /// Set when the journal must not be changed (caregiver view, newer file format).
    let readOnlyReason: String?

    var today: LocalDate { Timestamp.localDate(of: now, in: timeZone) }
    var isReadOnly: Bool { readOnlyReason != nil }
}
