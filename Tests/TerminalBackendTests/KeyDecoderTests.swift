import CNcursesw
import Testing
import TerminalCanvas
@testable import TerminalBackend

/// What `wget_wch` returns, one value at a time (no terminal needed).
@Suite("Key decoder")
struct KeyDecoderTests {
    @Test("control bytes in raw mode: Tab, Enter (CR and Ctrl-J), Backspace (DEL and Ctrl-H), Esc")
    func controlBytes() {
        #expect(KeyDecoder.key(character: 9) == .tab)
        #expect(KeyDecoder.key(character: 13) == .enter)
        #expect(KeyDecoder.key(character: 10) == .enter)
        #expect(KeyDecoder.key(character: 127) == .backspace)
        #expect(KeyDecoder.key(character: 8) == .backspace)
        #expect(KeyDecoder.key(character: 27) == .escape)
    }

    @Test("Ctrl plus a letter arrives as that letter, lower-case")
    func controlLetters() {
        #expect(KeyDecoder.key(character: 1) == .control("a"))
        #expect(KeyDecoder.key(character: 3) == .control("c"))
        #expect(KeyDecoder.key(character: 19) == .control("s"))
        #expect(KeyDecoder.key(character: 26) == .control("z"))
    }

    @Test("controls without a key are dropped: NUL, Ctrl-\\ … Ctrl-_, C1 controls, surrogates")
    func dropped() {
        for value: UInt32 in [0, 28, 29, 30, 31, 0x80, 0x85, 0x9B, 0x9F, 0xD800, 0xDFFF] {
            #expect(KeyDecoder.key(character: value) == nil, "\(value)")
        }
    }

    @Test("printable characters, from ASCII to emoji, arrive whole")
    func characters() {
        #expect(KeyDecoder.key(character: 32) == .character(" "))
        #expect(KeyDecoder.key(character: 0x61) == .character("a"))
        #expect(KeyDecoder.key(character: 0xA0) == .character("\u{A0}"))
        #expect(KeyDecoder.key(character: 0xE9) == .character("é"))
        #expect(KeyDecoder.key(character: 0x65E5) == .character("日"))
        #expect(KeyDecoder.key(character: 0x1F600) == .character("😀"))
        #expect(KeyDecoder.key(character: 0x301) == .character("\u{301}"))
    }

    @Test("ncurses key codes: arrows, paging, keypad corners, editing keys, function keys")
    func keyCodes() {
        let expected: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
            (KEY_HOME, .home), (KEY_A1, .home), (KEY_END, .end), (KEY_C1, .end),
            (KEY_PPAGE, .pageUp), (KEY_A3, .pageUp), (KEY_NPAGE, .pageDown), (KEY_C3, .pageDown),
            (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_BTAB, .backTab),
            (isoj_key_f(1), .function(1)), (isoj_key_f(12), .function(12)), (isoj_key_f(63), .function(63)),
        ]
        for (code, key) in expected {
            #expect(KeyDecoder.key(code: code) == key, "\(code)")
        }
    }

    @Test("codes without a key are skipped, the paste markers among them (the session reads those)")
    func unknownCodes() {
        for code in [KEY_MOUSE, KEY_IC, isoj_key_f(0), isoj_key_f(64), BracketedPaste.startCode, BracketedPaste.endCode] {
            #expect(KeyDecoder.key(code: code) == nil, "\(code)")
        }
    }
}
