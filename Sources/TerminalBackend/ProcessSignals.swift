import CNcursesw
import Glibc

/// Signal set-up every command needs, terminal or not.
public enum ProcessSignals {
    /// Call first thing in `main`, before any other work:
    /// - clears the blocked-signal mask a parent may hand down (processes started from
    ///   `swift test` inherit one, and then resizes and Ctrl-C never arrive);
    /// - ignores SIGPIPE (a closed pipe becomes an EPIPE error instead of sudden death,
    ///   e.g. `isojournal show | head`) and SIGXFSZ (a file-size limit becomes an EFBIG
    ///   error the store reports, instead of killing the process mid-save).
    public static func prepare() {
        _ = isoj_unblock_all_signals()
        _ = isoj_ignore_signal(SIGPIPE)
        _ = isoj_ignore_signal(SIGXFSZ)
    }
}
