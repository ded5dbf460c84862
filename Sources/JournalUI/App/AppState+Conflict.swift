import Foundation
import JournalCore

/// A save from a screen that was open while another copy (the shell, a second window) saved the
/// same records: nothing was written, and the person chooses — keep mine (save over the newer
/// entry, knowingly) or take theirs (show what was saved). The dialog shows both.
struct SaveConflict: Equatable, Sendable {
    var ids: [EntryID]
    /// What this screen asked to write.
    var mine: [JournalChange]
    /// The save that met the conflict: what to do when "keep mine" lands, and which screen asked.
    var pending: AppState.PendingSave
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
        conflict = SaveConflict(ids: ids, mine: savingChanges, pending: pending)
        return []
    }

    mutating func handleConflict(_ key: Key) -> [Effect] {
        guard let current = conflict else { return [] }
        switch key {
        case .character("k"):
            conflict = nil
            if case .symptomForm = current.pending, case .logSymptoms(var form) = screen {
                // The form works its changes out again against what is now saved.
                form.adopt(journal)
                screen = .logSymptoms(form)
                return apply(form.saveOutcome())
            }
            return save(current.mine, since: ShownJournal(journal).revisions(of: current.mine), then: current.pending)
        case .character("t"):
            conflict = nil
            takeTheirs(current)
            return []
        default:
            return [] // only a deliberate choice closes it
        }
    }

    /// The screen that asked shows what was saved elsewhere; nothing of "mine" is written.
    private mutating func takeTheirs(_ conflict: SaveConflict) {
        let kept = StatusLine("Kept what was saved elsewhere; yours was not saved.")
        status = kept
        switch screen {
        case .logSymptoms(var form):
            form.takeSaved(conflict.ids, journal: journal)
            screen = .logSymptoms(form)
            status = StatusLine("Showing what was saved elsewhere; your other answers are kept (not saved yet).")
        case .labs(var labs):
            labs.showSaved(journal: journal)
            screen = .labs(labs)
        case .doseLog(var doses):
            doses.mode = .browsing
            screen = .doseLog(doses)
        case .checklist(var checklist):
            checklist.mode = .browsing
            screen = .checklist(checklist)
        case .courseSetup:
            screen = .courseSetup(CourseSetupScreen(journal: journal, today: today))
            status = StatusLine("Showing the course as saved elsewhere; yours was not saved.")
        case .moodCheck, .decision, .newCourse:
            screen = .today
        case .today, .history:
            break
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
