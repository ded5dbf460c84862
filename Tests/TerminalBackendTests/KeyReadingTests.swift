import CNcursesw
import Testing
import TerminalCanvas
@testable import TerminalBackend

/// Bytes a terminal sends, read back by ncurses and decoded as the session does.
extension CursesTests {
    /// The keys `bytes` decode to, the way `TerminalSession.readKey` turns reads into keys.
    private func keys(_ bytes: String, term: String = "xterm-256color") throws -> [Key?] {
        let screen = try #require(TestScreen(term: term), "no terminfo entry for \(term)")
        screen.send(bytes)
        var keys: [Key?] = []
        while true {
            switch screen.read() {
            case .character(let value): keys.append(KeyDecoder.key(character: value))
            case .code(let code): keys.append(KeyDecoder.key(code: code))
            case .nothing: return keys
            }
        }
    }

    @Test("escape sequences for arrows, Delete, Home, Shift-Tab and function keys")
    func escapeSequences() throws {
        // xterm in keypad (application) mode, which the session turns on.
        #expect(try keys("\u{1B}OA\u{1B}OB\u{1B}OD\u{1B}OC") == [.up, .down, .left, .right])
        #expect(try keys("\u{1B}[3~\u{1B}OH\u{1B}OF\u{1B}[Z") == [.delete, .home, .end, .backTab])
        #expect(try keys("\u{1B}[5~\u{1B}[6~") == [.pageUp, .pageDown])
        #expect(try keys("\u{1B}OP\u{1B}[15~\u{1B}[24~") == [.function(1), .function(5), .function(12)])
    }

    @Test("a lone Esc is Esc once the escape delay has passed")
    func loneEscape() throws {
        #expect(try keys("\u{1B}") == [.escape])
    }

    @Test("UTF-8 characters arrive whole: accents, CJK, emoji")
    func utf8() throws {
        #expect(try keys("é日😀a") == [.character("é"), .character("日"), .character("😀"), .character("a")])
    }

    @Test("control keys in raw mode: Ctrl-S, Ctrl-C, Enter, Tab, Backspace")
    func controls() throws {
        #expect(try keys("\u{13}\u{03}\r\t\u{7F}") == [.control("s"), .control("c"), .enter, .tab, .backspace])
    }

    @Test("bracketed paste: the start and end markers come as the session's own codes, the text between as characters")
    func pasteMarkers() throws {
        let screen = try #require(TestScreen(term: "xterm-256color"))
        screen.send("\u{1B}[200~s3\r\u{1B}[201~q")
        #expect(screen.read() == .code(BracketedPaste.startCode))
        #expect(screen.read() == .character(UInt32(UInt8(ascii: "s"))))
        #expect(screen.read() == .character(UInt32(UInt8(ascii: "3"))))
        #expect(screen.read() == .character(13))
        #expect(screen.read() == .code(BracketedPaste.endCode))
        #expect(screen.read() == .character(UInt32(UInt8(ascii: "q"))))
        #expect(screen.read() == .nothing)
    }
}
