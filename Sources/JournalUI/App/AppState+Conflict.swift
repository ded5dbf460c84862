import Foundation
import JournalCore

/// A save from a screen that was open while another copy (the shell, a second window) saved the
/// same records: nothing was written, and the person chooses — keep mine (save over the newer
/// entry, knowingly) or take theirs (show what was saved). The dialog shows both.
struct SaveConflict: Equatable, Sendable {
    var ids: [EntryID]
    /// What this screen asked to write.
    var mine: [JournalChange]
    /// What the screen that asked will say when "keep mine" lands.
    var done: String
}

extension AppState {
    mutating func changedElsewhere(_ newer: Journal, ids: [EntryID]) -> [Effect] {
        let pending = pendingSave
        pendingSave = nil
        journal = newer
        guard let pending else {
            status = StatusLine("Not saved: it was changed elsewhere meanwhile. Look again, then save.", isError: true)
            return []
        }
        conflict = SaveConflict(ids: ids, mine: savingChanges, done: pending)
        return []
    }

    mutating func handleConflict(_ key: Key) -> [Effect] {
        guard let current = conflict else { return [] }
        switch key {
        case .character("k"):
            conflict = nil
            return withScreen { screen, context in screen.keptMine(current.mine, done: current.done, context) }
        case .character("t"):
            conflict = nil
            return withScreen { screen, context in screen.tookTheirs(current.ids, context) }
        default:
            return [] // only a deliberate choice closes it
        }
    }

    func conflictDialog(_ conflict: SaveConflict) -> Dialog {
        var lines = ["Since this screen showed them, these were saved elsewhere (the shell or another window):"]
        for id in conflict.ids {
            guard let theirs = journal.latestRevision(of: id) else { continue }
            lines.append("  Saved:  " + EntryDescription.line(theirs, timeZone: timeZone))
            if let mine = conflict.mine.first(where: { $0.id == id }) {
                lines.append("  Yours:  " + EntryDescription.line(mine.entry(after: theirs.revision, recordedAt: now), timeZone: timeZone))
            }
        }
        lines.append("Nothing was saved yet.")
        return Dialog(title: "Changed elsewhere", lines: lines,
                      prompt: "k keep mine (save over it) · t take theirs", style: .warning, dropOrder: [0])
    }
}
