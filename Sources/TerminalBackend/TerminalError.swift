/// Why the full-screen interface cannot start. `message` is written for the patient.
public enum TerminalError: Error, Equatable, Sendable {
    /// Standard input or output is not a terminal (a pipe, a file, cron, an editor's runner).
    case notATerminal
    /// `TERM` is unset, empty, `dumb`, or a type this machine has no description for.
    case unusableTerminal(term: String?)
    /// A session is already running in this process.
    case alreadyStarted
    /// The operating system refused a resource the session needs (rare).
    case setupFailed(reason: String)

    public var message: String {
        let alternatives = "For screen readers and plain terminals use `isojournal --plain`; for scripts, `isojournal log …` or `isojournal show`."
        switch self {
        case .notATerminal:
            return "isojournal needs a terminal to show its screens, and this is not one "
                + "(input or output is a pipe or a file). " + alternatives
        case .unusableTerminal(let term?) where term == "dumb":
            return "TERM=dumb cannot show the screens: it cannot move the cursor or clear the "
                + "screen. Run isojournal in a full terminal (for example with "
                + "TERM=xterm-256color). " + alternatives
        case .unusableTerminal(let term?) where !term.isEmpty:
            return "This computer does not know the terminal type TERM=\(term), so the screens "
                + "cannot be drawn. Try TERM=xterm-256color, or install the terminal's "
                + "description (the ncurses-term package). " + alternatives
        case .unusableTerminal:
            return "TERM is not set, so isojournal does not know how to draw on this terminal. "
                + "Set it (for example TERM=xterm-256color). " + alternatives
        case .alreadyStarted:
            return "The screens are already open in this program; a second copy cannot start."
        case .setupFailed(let reason):
            return "The screens could not start: \(reason). " + alternatives
        }
    }
}
