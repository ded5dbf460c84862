import CNcursesw
import Glibc
import TerminalCanvas

/// The full-screen terminal: ncurses set up for the app, keys in, canvases out.
///
/// One session per process. Create with `start()`, end with `stop()` (also run by
/// `deinit`); after `stop()` every method is a harmless no-op and `nextEvent` returns
/// `.terminate`.
public final class TerminalSession {
    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    let palette: StylePalette
    var cellText: CellText
    let wakePipe: WakePipe
    var signals: SignalInstallation

    /// Curses owns the terminal (false while suspended and after `stop()`).
    var inCursesMode = true
    var isStopped = false
    var cursorShown = false
    /// Redrawn after a resume from Ctrl-Z.
    var lastCanvas: Canvas?
    var lastKnownSize: (width: Int, height: Int)

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, palette: StylePalette,
                 unicode: Bool, wakePipe: WakePipe, signals: SignalInstallation) {
        self.screen = screen
        self.window = window
        self.palette = palette
        self.cellText = CellText(unicode: unicode)
        self.wakePipe = wakePipe
        self.signals = signals
        lastKnownSize = (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Checks the terminal, switches it to full-screen mode and installs the signal handlers.
    /// Call `ProcessSignals.prepare()` first.
    public static func start() throws(TerminalError) -> TerminalSession {
        // Without a terminal ncurses' reads fail at once, forever: a 100% CPU spin.
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        guard let termValue = getenv("TERM"), termValue.pointee != 0 else { throw .unusableTerminal(term: nil) }
        let term = String(cString: termValue)
        guard term != "dumb" else { throw .unusableTerminal(term: term) }

        guard SignalFlags.sessionOpen.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { throw .alreadyStarted }
        let unicode = TextLocale.prepare()
        guard let wakePipe = WakePipe() else {
            SignalFlags.sessionOpen.store(false, ordering: .releasing)
            throw .setupFailed(reason: "no file descriptors are left (\(String(cString: strerror(errno))))")
        }
        SignalFlags.terminateSignal.store(0, ordering: .releasing)
        SignalFlags.suspendRequested.store(false, ordering: .releasing)
        var signals = SignalInstallation()
        signals.installBeforeCurses()

        fflush(nil) // anything printed so far goes out before curses takes the screen
        // newterm, not initscr: it returns nil for an unknown TERM instead of exiting.
        guard let screen = newterm(nil, isoj_stdout(), isoj_stdin()) else {
            signals.restore()
            wakePipe.close()
            SignalFlags.sessionOpen.store(false, ordering: .releasing)
            throw .unusableTerminal(term: term)
        }
        set_term(screen)
        let window = isoj_stdscr()!
        SignalFlags.cursesActive.store(true, ordering: .releasing)
        signals.installResizeHandler()
        SignalFlags.wakeDescriptor.store(wakePipe.writeDescriptor, ordering: .releasing)

        raw() // not cbreak: Ctrl-C, Ctrl-Z, Ctrl-S, Ctrl-Q arrive as keys
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25) // Esc alone is reported after 25 ms, not a second
        wtimeout(window, 0) // reads never block; nextEvent waits in poll (see +Input)
        curs_set(0)
        BracketedPaste.enable()
        let noColor = getenv("NO_COLOR").map { String(cString: $0) }
        let palette = StylePalette(drawsColour: ColourChoice.drawsColour(noColor: noColor, terminalColours: Int(tigetnum("colors"))))
        StderrDiversion.begin()
        return TerminalSession(screen: screen, window: window, palette: palette, unicode: unicode,
                               wakePipe: wakePipe, signals: signals)
    }

    /// Columns and rows of the terminal as curses sees them (updated when a `.resize` is read).
    public var size: (width: Int, height: Int) {
        guard !isStopped else { return lastKnownSize }
        lastKnownSize = (Int(getmaxx(window)), Int(getmaxy(window)))
        return lastKnownSize
    }

    /// Gives the terminal back as it was: normal screen, cursor, echo, line mode, the
    /// previous signal handlers. Safe to call more than once.
    public func stop() {
        guard !isStopped else { return }
        _ = size
        isStopped = true
        SignalFlags.wakeDescriptor.store(-1, ordering: .releasing)
        if inCursesMode {
            BracketedPaste.disable()
            curs_set(1)
            SignalFlags.cursesActive.store(false, ordering: .releasing)
            endwin()
            inCursesMode = false
        }
        StderrDiversion.finish()
        delscreen(screen)
        signals.restore()
        wakePipe.close()
        SignalFlags.sessionOpen.store(false, ordering: .releasing)
    }

    deinit { stop() }
}
