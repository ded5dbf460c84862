import Foundation
import JournalCore

/// Everything that can happen to the interactive program, as data.
public enum Msg: Sendable {
    case key(Key)
    /// Time passed (the loop sends one when no key arrives for a while).
    case tick(Date)
    case resize(width: Int, height: Int)
    /// The outcome of an `Effect.record`: the journal as it now stands on disk, or why not.
    case recorded(Result<Journal, SaveFailure>)
    /// An `Effect.recordUnlessChanged` found these records changed on disk since the form opened
    /// (another copy saved them): nothing was written; `Journal` is the journal as it now stands.
    case changedElsewhere(Journal, ids: [EntryID])
    /// The outcome of an `Effect.reload`: the journal as it is durably on disk now, or why not.
    case reloaded(Result<Journal, SaveFailure>)
    /// SIGINT, SIGTERM or SIGHUP: finish up and leave.
    case terminate
}

/// A save that did not happen, in words for the patient.
public struct SaveFailure: Error, Equatable, Sendable {
    public let message: String
    public init(message: String) { self.message = message }
}

/// What `update` asks the outside world to do. The loop in the executable runs them and
/// feeds the results back as messages; screens never touch files or the terminal.
public enum Effect: Equatable, Sendable {
    /// Append these changes to the journal durably, then send `.recorded`.
    case record([JournalChange])
    /// Like `record`, but only if each record in `since` still has that revision on disk (0: no
    /// record yet); otherwise nothing is written and `.changedElsewhere` comes back. A form that
    /// was open while another copy saved must not silently save over the newer entry.
    case recordUnlessChanged([JournalChange], since: [EntryID: Int])
    /// Read the journal again from the disk (another copy may have saved), then send `.reloaded`.
    case reload
    /// Suspend the program (Ctrl-Z); the loop repaints on return.
    case suspend
    case quit
}
