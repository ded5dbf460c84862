import Testing
@testable import JournalUI

@Suite("Canvas and display width")
struct CanvasTests {
    @Test("widths of Latin, accents, CJK, emoji and combining marks")
    func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("💊") == 2)
        #expect(DisplayWidth.of("─│┌") == 3)
        #expect(DisplayWidth.of("\u{7}") == 0)
    }

    @Test("a wide character takes two cells and is never split at the edge")
    func wideCells() {
        var canvas = Canvas(width: 5, height: 1)
        let end = canvas.put("a日本", row: 0, column: 0)
        #expect(end == 5)
        #expect(canvas[0, 1].grapheme == "日")
        #expect(canvas[0, 2].isContinuation)
        #expect(canvas.line(0) == "a日本")
        var narrow = Canvas(width: 4, height: 1)
        narrow.put("a日本", row: 0, column: 0)
        #expect(narrow.line(0) == "a日")
    }

    @Test("overwriting half of a wide character blanks the other half")
    func overwriteHalf() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("日本", row: 0, column: 0)
        canvas.put("x", row: 0, column: 1)
        #expect(canvas.line(0) == " x本")
    }

    @Test("writing outside the grid is clipped, not a crash")
    func clipping() {
        var canvas = Canvas(width: 3, height: 2)
        canvas.put("hello", row: 0, column: -2)
        canvas.put("hello", row: 5, column: 0)
        canvas.put("hello", row: 1, column: 2)
        #expect(canvas.text == "llo\n  h")
        var empty = Canvas(width: 0, height: 0)
        empty.put("x", row: 0, column: 0)
        #expect(empty.text == "")
    }

    @Test("truncate, fit and wrap measure in columns")
    func textFitting() {
        #expect(DisplayWidth.truncate("cracked corners", to: 8) == "cracked…")
        #expect(DisplayWidth.truncate("日本語", to: 4) == "日…")
        #expect(DisplayWidth.fit("ab", to: 4) == "ab  ")
        #expect(DisplayWidth.wrap("one two three", to: 7) == ["one two", "three"])
        #expect(DisplayWidth.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
    }

    @Test("a text field edits in place and scrolls to its cursor")
    func textField() {
        var field = TextField(text: "héllo")
        _ = field.handle(.left)
        _ = field.handle(.backspace)
        _ = field.handle(.character("L"))
        #expect(field.text == "hélLo")
        #expect(field.handle(.enter) == .submitted)
        var canvas = Canvas(width: 10, height: 1)
        let long = TextField(text: "a long note that scrolls")
        long.draw(into: &canvas, row: 0, column: 0, width: 6)
        #expect(canvas.line(0) == "rolls")
        #expect(canvas.cursor?.column == 5)
    }
}
