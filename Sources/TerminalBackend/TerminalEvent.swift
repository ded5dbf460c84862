import TerminalCanvas

/// What `TerminalSession.nextEvent` hands the app loop.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    /// The terminal changed size (or must be redrawn in full, e.g. after a resume).
    case resize(width: Int, height: Int)
    /// No input arrived before the timeout.
    case timeout
    /// SIGINT, SIGTERM or SIGHUP arrived, or the terminal went away: save, stop, exit.
    /// Once seen, every later call returns it again.
    case terminate
}
