import CNcursesw
import Glibc

/// Installs and later removes the session's signal handlers.
struct SignalInstallation {
    static let terminateSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGQUIT]

    private(set) var installed: [Int32] = []
    /// False when SIGTSTP was ignored when we started (no job control): Ctrl-Z then does nothing.
    private(set) var jobControl = true

    /// Before `newterm`: ncurses installs its own SIGINT/SIGTERM (which exit the process)
    /// and SIGTSTP handlers only where the action is still the default.
    mutating func installBeforeCurses() {
        SignalFlags.prepare()
        for signal in Self.terminateSignals {
            catchSignal(signal) { isoj_catch_signal(signal, handleTerminateSignal, SA_RESTART, $0) }
        }
        if isIgnored(SIGTSTP) {
            jobControl = false
        } else {
            catchSignal(SIGTSTP) { isoj_catch_signal(SIGTSTP, handleSuspendSignal, SA_RESTART, $0) }
        }
        for signal in Self.crashSignals where !isIgnored(signal) {
            catchSignal(signal) { isoj_catch_signal_info(signal, handleCrashSignal, SA_ONSTACK | SA_NODEFER, $0) }
        }
    }

    /// After `newterm`, so the previous SIGWINCH action is ncurses' handler, which we chain to.
    mutating func installResizeHandler() {
        catchSignal(SIGWINCH) { isoj_catch_signal_info(SIGWINCH, handleResizeSignal, SA_RESTART, $0) }
    }

    /// Puts back every action we replaced, newest first.
    mutating func restore() {
        for signal in installed.reversed() {
            _ = isoj_restore_signal(signal, SignalFlags.previousAction(signal))
        }
        installed.removeAll()
    }

    private func isIgnored(_ signal: Int32) -> Bool {
        var current = sigaction()
        return sigaction(signal, nil, &current) == 0 && isoj_signal_is_ignored(&current) != 0
    }

    private mutating func catchSignal(_ signal: Int32, _ install: (UnsafeMutablePointer<sigaction>) -> Int32) {
        if install(SignalFlags.previousAction(signal)) == 0 { installed.append(signal) }
    }

    /// Stops the whole foreground job the way Ctrl-Z in cooked mode would, and returns once
    /// the shell continues it (`fg`). Without a job-control shell the kernel discards the
    /// stop (orphaned process group) and this returns at once; SIGSTOP would hang forever.
    static func stopJob() {
        var ours = sigaction()
        guard isoj_default_signal(SIGTSTP, &ours) == 0 else { return }
        kill(0, SIGTSTP)
        _ = isoj_restore_signal(SIGTSTP, &ours)
    }
}
