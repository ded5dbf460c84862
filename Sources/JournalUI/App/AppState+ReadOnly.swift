import JournalCore

/// Keeping a read-only journal read-only, and reloading it from the disk.
extension AppState {
    /// Every key's effects pass here. When the journal must not change, a `.record` is dropped
    /// (whatever screen asked for it), any save the screen was waiting for is forgotten, and the
    /// status line says why. Screens refuse their edit keys themselves too; this is the net.
    mutating func refusingWritesIfReadOnly(_ effects: [Effect]) -> [Effect] {
        guard let readOnlyReason, effects.contains(where: \.writes) else {
            return effects
        }
        pendingSave = nil
        status = StatusLine("Read-only: nothing was saved (\(readOnlyReason)).", isError: true)
        return effects.filter { !$0.writes }
    }

    /// The journal as read again from the disk: the last durable state, another copy's saves included.
    mutating func finishReload(_ result: Result<Journal, SaveFailure>) -> [Effect] {
        switch result {
        case .failure(let failure):
            status = StatusLine("Could not reload: " + failure.message, isError: true)
        case .success(let fresh):
            // From the working set to the whole journal is not news: nothing was added.
            let added = journal.isWhole && fresh.isWhole ? fresh.revisions.count - journal.revisions.count : 0
            journal = fresh
            refreshScreen()
            // A reload the program made itself (the file changed) speaks only when there is news.
            if reloadAsked || added != 0 {
                status = StatusLine("Reloaded at \(DateText.clock(now, in: timeZone)): "
                                    + (added > 0 ? "\(added) new change\(added == 1 ? "" : "s")." : "nothing new."))
            }
        }
        reloadAsked = false
        return []
    }

    /// The open screen shows the reloaded journal, keeping its place; a form with unsaved
    /// answers keeps them (a save then asks if the same records changed, see SaveConflict).
    mutating func refreshScreen() {
        _ = withScreen { screen, context in
            screen.reloaded(context)
            return .stay
        }
    }

    /// Puts "(read-only)" in the title bar of screens whose own title does not say it.
    static func markReadOnly(_ canvas: inout Canvas) {
        guard canvas.height > 0, canvas.width > 2, !canvas.line(0).contains("read-only") else { return }
        let mark = " (read-only)"
        // After the left-hand title: the first run of two spaces past the first word.
        var end = 1
        while end < canvas.width - 1, !(canvas[0, end].grapheme == " " && canvas[0, end + 1].grapheme == " ") { end += 1 }
        guard end + DisplayWidth.of(mark) < canvas.width else { return }
        canvas.put(mark, row: 0, column: end, style: .titleBar)
    }
}

extension Effect {
    /// Asks for something to be written to the journal.
    var writes: Bool {
        switch self {
        case .record, .recordUnlessChanged: return true
        default: return false
        }
    }
}
