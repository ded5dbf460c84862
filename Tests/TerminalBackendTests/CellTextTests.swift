import CNcursesw
import Glibc
import Testing
@testable import TerminalBackend

/// What one curses cell is given to store: one spacing character and the marks that stay on it.
extension CursesTests {
    private func cell(_ grapheme: String, unicode: Bool = true) -> [UInt32]? {
        _ = TextLocale.prepare() // wcwidth answers for UTF-8 only in a UTF-8 locale
        var text = CellText(unicode: unicode)
        guard text.load(grapheme) else { return nil }
        return text.characters.map { UInt32(bitPattern: $0) }
    }

    @Test("plain, wide and emoji characters, NUL-terminated")
    func plainAndWide() {
        #expect(cell("a") == [0x61, 0])
        #expect(cell("日") == [0x65E5, 0])
        #expect(cell("😀") == [0x1F600, 0])
    }

    @Test("combining marks and variation selectors stay in the cell, at most four of them")
    func combining() {
        #expect(cell("e\u{301}") == [0x65, 0x301, 0])
        #expect(cell("\u{2764}\u{FE0F}") == [0x2764, 0xFE0F, 0])
        let piled = "a" + String(repeating: "\u{301}", count: 6)
        #expect(cell(piled) == [0x61, 0x301, 0x301, 0x301, 0x301, 0])
    }

    @Test("a zero-width joiner and what follows it are dropped, so the terminal cannot merge cells")
    func zeroWidthJoiner() {
        #expect(cell("👩‍💻") == [0x1F469, 0])
    }

    @Test("controls and empty text draw nothing (the caller draws a space)")
    func nothingToDraw() {
        #expect(cell("") == nil)
        #expect(cell("\u{7}") == nil)
        #expect(cell("\u{1B}") == nil)
        #expect(cell("\u{85}") == nil)
    }

    @Test("without a UTF-8 locale anything beyond ASCII is a question mark")
    func asciiOnly() {
        #expect(cell("é", unicode: false) == [0x3F, 0])
        #expect(cell("日", unicode: false) == [0x3F, 0])
        #expect(cell("a", unicode: false) == [0x61, 0])
    }
}
