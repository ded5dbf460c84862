import CNcursesw
import Glibc
import TerminalCanvas

extension TerminalSession {
    /// Ctrl-Z: gives the terminal back to the shell, stops the job, and on `fg` takes the
    /// screen again and repaints it in full. Does nothing when the process was started
    /// with SIGTSTP ignored (no job control to come back from).
    public func suspend() {
        guard !isStopped, inCursesMode, signals.jobControl else { return }
        BracketedPaste.disable()
        curs_set(1)
        SignalFlags.cursesActive.store(false, ordering: .releasing)
        endwin()
        inCursesMode = false
        StderrDiversion.end()

        SignalInstallation.stopJob() // returns after `fg` (or at once without a job shell)

        inCursesMode = true
        SignalFlags.cursesActive.store(true, ordering: .releasing)
        SignalFlags.suspendRequested.store(false, ordering: .releasing)
        StderrDiversion.begin()
        BracketedPaste.enable()
        // While stopped we were not the foreground job, so no SIGWINCH reached us. resizeterm
        // queues a KEY_RESIZE, so the app hears of the new size on its next read.
        var rows: Int32 = 0
        var columns: Int32 = 0
        if isoj_terminal_size(STDOUT_FILENO, &rows, &columns) == 0, rows > 0, columns > 0,
           rows != getmaxy(window) || columns != getmaxx(window) {
            resizeterm(rows, columns)
        }
        cursorShown = true // make present() hide it again
        clearok(window, true) // the shell drew over everything: repaint every cell
        if let lastCanvas {
            present(lastCanvas)
        } else {
            wrefresh(window)
        }
    }
}
