import CNcursesw
import Glibc

// The handlers themselves. Top-level functions so they convert to C function pointers.

/// SIGINT, SIGTERM, SIGHUP: remember, wake the loop, nothing else.
func handleTerminateSignal(_ signal: Int32) {
    SignalFlags.terminateSignal.store(signal, ordering: .releasing)
    SignalFlags.wake()
}

/// SIGTSTP from outside (Ctrl-Z itself arrives as a key in raw mode).
func handleSuspendSignal(_ signal: Int32) {
    SignalFlags.suspendRequested.store(true, ordering: .releasing)
    SignalFlags.wake()
}

/// SIGWINCH: ncurses' own handler records the resize (it turns into KEY_RESIZE on the next
/// read); we also wake the loop, so a resize during `poll` is seen at once.
func handleResizeSignal(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    let savedErrno = errno
    isoj_forward_signal(SignalFlags.previousAction(signal), signal, info, context)
    errno = savedErrno
    SignalFlags.wake()
}

/// SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGQUIT: put the terminal back,
/// then let the previous action (Swift's backtracer, or the default) handle the signal.
/// Installed with SA_NODEFER, so `raise` below runs the previous action at once.
func handleCrashSignal(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    // First, so a fault inside endwin goes to the previous action instead of back here.
    _ = isoj_restore_signal(signal, SignalFlags.previousAction(signal))
    if SignalFlags.cursesActive.exchange(false, ordering: .acquiringAndReleasing) {
        BracketedPaste.disable()
        endwin()
    }
    StderrDiversion.end() // the "Fatal error: …" line appears above the backtrace
    // A hardware fault (si_code > 0) re-runs the faulting instruction on return and faults
    // again into the previous action, which then sees the true crash site.
    let code = info?.pointee.si_code ?? 0
    if code > 0 && (signal == SIGILL || signal == SIGSEGV || signal == SIGBUS || signal == SIGFPE) {
        return
    }
    // Sent by kill, abort or a trap instruction: nothing would repeat it, so raise it. Swift's
    // backtracer prints its report and returns (it expects a fault to repeat), so the default
    // action finishes the process.
    raise(signal)
    _ = isoj_default_signal(signal, nil)
    raise(signal)
}
