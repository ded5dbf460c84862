import CNcursesw
import TerminalCanvas

/// Turns what `wget_wch` returns into a `Key`; nil for anything the app has no key for.
enum KeyDecoder {
    /// `wget_wch` returned OK: `value` is a character (raw mode, so control bytes included).
    static func key(character value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter // 13 with nonl(); 10 is Ctrl-J
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value + 96)))) // 3 → "c", 26 → "z"
        case 0..<32, 0x80..<0xA0: return nil // Ctrl-@, Ctrl-\ … and C1 controls
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil } // e.g. a lone surrogate
            return .character(Character(scalar))
        }
    }

    /// `wget_wch` returned KEY_CODE_YES: `code` is a KEY_* constant (KEY_RESIZE is handled
    /// by the caller).
    static func key(code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1: return .home // A1/C1/A3/C3: keypad corners in application mode
        case KEY_END, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case isoj_key_f(1)...isoj_key_f(63): return .function(Int(code - isoj_key_f(0)))
        default: return nil
        }
    }
}
