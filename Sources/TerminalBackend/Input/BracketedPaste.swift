import CNcursesw
import Glibc

/// Bracketed paste: the terminal wraps pasted text in ESC[200~ … ESC[201~, so a paste can be
/// told from typing. Without it, a pasted line break is Enter and pasted letters are commands
/// ("3" re-grades a symptom, "s" saves it). The markers are taught to ncurses as two key codes
/// of our own; everything between them becomes one `Key.paste`.
enum BracketedPaste {
    /// Above KEY_MAX (0777), where ncurses has no keys of its own.
    static let startCode: Int32 = 0o1100
    static let endCode: Int32 = 0o1101
    /// The most a paste is read whole; more is left for the field's limit to report anyway.
    static let largestPaste = 1 << 20

    /// Turns the mode on (after the screen is set up, and again after Ctrl-Z and `fg`).
    static func enable() {
        _ = define_key("\u{1B}[200~", startCode)
        _ = define_key("\u{1B}[201~", endCode)
        write("\u{1B}[?2004h")
    }

    /// Turns it off, so the shell after us gets plain pastes. Async-signal-safe (the crash handler uses it).
    static func disable() {
        write("\u{1B}[?2004l")
    }

    private static func write(_ sequence: StaticString) {
        sequence.withUTF8Buffer { _ = Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}
