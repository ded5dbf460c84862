import CNcursesw
import Glibc

/// While curses owns the screen, output to fd 2 (a Swift "Fatal error: …" line, a library
/// warning) would draw over the screen and be lost when the alternate screen closes. When
/// stderr is the terminal, fd 2 is pointed at an in-memory file instead, and what was
/// written is replayed as soon as the terminal is back to normal (stop, suspend, crash).
enum StderrDiversion {
    static func begin() {
        guard isatty(STDERR_FILENO) == 1, SignalFlags.savedStderr.load(ordering: .acquiring) < 0 else { return }
        var capture = SignalFlags.stderrCapture.load(ordering: .acquiring)
        if capture < 0 {
            capture = isoj_stderr_capture_file()
            guard capture >= 0 else { return }
            SignalFlags.stderrCapture.store(capture, ordering: .releasing)
        }
        let saved = isoj_stderr_divert(capture)
        if saved >= 0 { SignalFlags.savedStderr.store(saved, ordering: .releasing) }
    }

    /// Points fd 2 back at the terminal and replays the captured text. Async-signal-safe:
    /// the crash handler calls it.
    static func end() {
        let saved = SignalFlags.savedStderr.exchange(-1, ordering: .acquiringAndReleasing)
        guard saved >= 0 else { return }
        isoj_stderr_restore(saved, SignalFlags.stderrCapture.load(ordering: .acquiring))
    }

    /// `end()`, then frees the in-memory file (session stop).
    static func finish() {
        end()
        let capture = SignalFlags.stderrCapture.exchange(-1, ordering: .acquiringAndReleasing)
        if capture >= 0 { _ = close(capture) }
    }
}
