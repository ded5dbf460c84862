import Foundation
import JournalCore
import JournalStore

/// The journal as numbered menus and prompts, one line at a time, for screen readers and
/// plain terminals (`--plain`, or TERM=dumb). No cursor movement and no escape sequences:
/// everything is said in order, alerts first, and every answer is a line.
final class PlainSession {
    let io: PlainIO
    let source: PlainJournal
    let clock: () -> Date
    let zone: TimeZone
    private(set) var journal: Journal

    init(io: PlainIO, source: PlainJournal, clock: @escaping () -> Date = Date.init, zone: TimeZone = .current) {
        self.io = io
        self.source = source
        self.clock = clock
        self.zone = zone
        journal = source.journal
    }

    var canEdit: Bool { source.readOnlyReason == nil }
    var today: LocalDate { Timestamp.localDate(of: clock(), in: zone) }

    /// Runs until "q" or the end of input; either way the session ends cleanly.
    func run() {
        source.notices.forEach { io.say("Note: " + $0) }
        if let reason = source.readOnlyReason {
            io.say("Read-only: \(reason). This session shows the journal and changes nothing.")
        }
        do {
            try homeLoop()
        } catch {
            io.say("End of input: leaving the journal.")
            return
        }
        io.say("Goodbye.")
    }

    /// The journal as it now stands on disk: another copy may have saved since.
    func refresh() {
        if case .success(let fresh) = source.reloadJournal() { journal = fresh }
    }

    /// Saves what `decide` returns (judged on the journal on disk) and says what happened.
    @discardableResult
    func save(done: @autoclosure () -> String, _ decide: (Journal) throws -> [JournalChange]) -> Bool {
        guard canEdit else {
            io.say("Nothing was saved: this journal is open read-only.")
            return false
        }
        do {
            journal = try source.transaction(decide)
            io.say(done())
            return true
        } catch let refusal as PlainRefusal {
            io.say("Not saved: " + refusal.message)
        } catch let failure as CommandFailure {
            io.say("Not saved: " + failure.message)
        } catch let error as StoreError {
            io.say(error.message)
        } catch {
            io.say("Not saved: \(error)")
        }
        return false
    }
}
