import CNcursesw
import Glibc
@testable import TerminalBackend

/// A real ncurses screen with no terminal: it reads what a test writes into a pipe and draws
/// into /dev/null. ncurses is one global state per process, so the suites that use this are
/// nested in one serialized suite (`CursesTests`).
final class TestScreen {
    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    private let input: UnsafeMutablePointer<FILE>
    private let output: UnsafeMutablePointer<FILE>
    private let writeEnd: Int32

    /// nil when this machine has no terminfo entry for `term`.
    init?(term: String) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        guard let input = fdopen(ends[0], "r"), let output = fopen("/dev/null", "w") else { return nil }
        _ = TextLocale.prepare() // as the session does: ncurses decodes input with the locale it starts in
        guard let screen = newterm(term, output, input) else {
            fclose(input)
            fclose(output)
            close(ends[1])
            return nil
        }
        self.screen = screen
        self.input = input
        self.output = output
        writeEnd = ends[1]
        set_term(screen)
        window = isoj_stdscr()
        // The session's modes: raw keys, and CR (what Enter sends) left as CR.
        raw()
        noecho()
        nonl()
        keypad(window, true)
        // The session's own paste markers, taught the way `BracketedPaste.enable` does.
        _ = define_key("\u{1B}[200~", BracketedPaste.startCode)
        _ = define_key("\u{1B}[201~", BracketedPaste.endCode)
        set_escdelay(25)
        wtimeout(window, 200) // everything is already in the pipe; this only bounds a lone Esc
    }

    deinit {
        endwin()
        delscreen(screen)
        fclose(input)
        fclose(output)
        close(writeEnd)
    }

    /// Bytes as a terminal would send them.
    func send(_ bytes: String) {
        let data = Array(bytes.utf8)
        _ = data.withUnsafeBufferPointer { write(writeEnd, $0.baseAddress, $0.count) }
    }

    enum Read: Equatable {
        case character(UInt32)
        case code(Int32)
        case nothing
    }

    func read() -> Read {
        var value: wint_t = 0
        switch wget_wch(window, &value) {
        case OK: return .character(UInt32(value))
        case isoj_key_code_yes(): return .code(Int32(bitPattern: value))
        default: return .nothing
        }
    }
}
