import JournalCore

/// A save from a form that was open while another copy (the shell, a second window) saved the
/// same records: nothing was written, and the person chooses — keep mine (save over the newer
/// entry, knowingly) or take theirs (show what was saved; other unsaved answers stay).
struct SaveConflict: Equatable, Sendable {
    var ids: [EntryID]
    var day: LocalDate
}

extension AppState {
    mutating func changedElsewhere(_ newer: Journal, ids: [EntryID]) -> [Effect] {
        let pending = pendingSave
        pendingSave = nil
        journal = newer
        guard case .symptomForm(_, let day)? = pending, case .logSymptoms = screen else {
            status = StatusLine("Not saved: it was changed elsewhere meanwhile. Look again, then save.", isError: true)
            return []
        }
        conflict = SaveConflict(ids: ids, day: day)
        return []
    }

    mutating func handleConflict(_ key: Key) -> [Effect] {
        guard let current = conflict, case .logSymptoms(var form) = screen else {
            conflict = nil
            return []
        }
        switch key {
        case .character("k"):
            conflict = nil
            form.adopt(journal)
            screen = .logSymptoms(form)
            return apply(form.saveOutcome())
        case .character("t"):
            conflict = nil
            form.takeSaved(current.ids, journal: journal)
            screen = .logSymptoms(form)
            status = StatusLine("Showing what was saved elsewhere; your other answers are kept (not saved yet).")
            return []
        default:
            return [] // only a deliberate choice closes it
        }
    }

    func conflictDialog(_ conflict: SaveConflict) -> Dialog {
        var lines = ["Since you opened this form, these were saved elsewhere (the shell or another window):"]
        for id in conflict.ids {
            guard let entry = journal.latestRevision(of: id) else { continue }
            lines.append("  " + EntryDescription.line(entry, timeZone: timeZone))
        }
        lines.append("Nothing was saved yet.")
        return Dialog(title: "Changed elsewhere", lines: lines,
                      prompt: "k keep mine (save over it) · t take theirs", style: .warning)
    }
}
