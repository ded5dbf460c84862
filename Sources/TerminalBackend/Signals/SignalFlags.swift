import Glibc
import Synchronization

/// The only state signal handlers touch. A handler may run between any two instructions,
/// so it uses nothing but lock-free atomics, `write` to the wake-up pipe, and memory that
/// was set up before the handler was installed (`SignalFlags.prepare()`).
enum SignalFlags {
    /// The number of the SIGINT/SIGTERM/SIGHUP that asked us to quit; 0 while none has.
    static let terminateSignal = Atomic<Int32>(0)
    /// A SIGTSTP came from outside (`kill -TSTP`); the loop suspends at its next read.
    static let suspendRequested = Atomic<Bool>(false)
    /// Write end of the wake-up pipe, -1 when no session is waiting.
    static let wakeDescriptor = Atomic<Int32>(-1)
    /// True while ncurses owns the screen; a crash handler then calls `endwin`.
    static let cursesActive = Atomic<Bool>(false)
    /// While curses owns the screen and stderr is the terminal: the real stderr (a duplicate)
    /// and the in-memory file fd 2 points at instead (see `StderrDiversion`); -1 otherwise.
    static let savedStderr = Atomic<Int32>(-1)
    static let stderrCapture = Atomic<Int32>(-1)
    /// Only one session per process: the handlers and ncurses' current screen are global.
    static let sessionOpen = Atomic<Bool>(false)

    /// Actions that were installed before ours, indexed by signal number, so they can be
    /// restored by `stop()` and chained to (SIGWINCH → ncurses, crashes → Swift's backtracer).
    nonisolated(unsafe) static let previousActions: UnsafeMutablePointer<sigaction> = {
        let count = 65 // signal numbers 1...64 on Linux
        let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: count)
        actions.initialize(repeating: sigaction(), count: count)
        return actions
    }()

    /// Forces the lazy initialisers to run now, so no handler ever runs one.
    static func prepare() {
        _ = terminateSignal.load(ordering: .relaxed)
        _ = suspendRequested.load(ordering: .relaxed)
        _ = wakeDescriptor.load(ordering: .relaxed)
        _ = cursesActive.load(ordering: .relaxed)
        _ = savedStderr.load(ordering: .relaxed)
        _ = stderrCapture.load(ordering: .relaxed)
        _ = previousActions
    }

    static func previousAction(_ signal: Int32) -> UnsafeMutablePointer<sigaction> {
        previousActions + Int(signal)
    }

    /// Wakes a `poll` in `nextEvent`. Async-signal-safe; keeps `errno` as it was.
    static func wake() {
        let descriptor = wakeDescriptor.load(ordering: .acquiring)
        guard descriptor >= 0 else { return }
        let savedErrno = errno
        var byte: UInt8 = 1
        _ = write(descriptor, &byte, 1) // a full pipe is fine: a wake-up is already pending
        errno = savedErrno
    }
}
