import Testing
import TerminalCanvas

/// Column counts decide where every later cell of a row lands, so a wrong width shifts
/// the rest of the line on the patient's screen.
@Suite("Display width")
struct DisplayWidthTests {
    @Test("ASCII and Latin letters take one column, precomposed or with a combining accent")
    func narrow() {
        #expect(DisplayWidth.of(Character("a")) == 1)
        #expect(DisplayWidth.of(Character("\u{E9}")) == 1)
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of("Dry skin") == 8)
    }

    @Test("CJK and emoji take two columns")
    func wide() {
        #expect(DisplayWidth.of(Character("日")) == 2)
        #expect(DisplayWidth.of(Character("한")) == 2)
        #expect(DisplayWidth.of(Character("😀")) == 2)
        #expect(DisplayWidth.of(Character("🧪")) == 2)
        #expect(DisplayWidth.of("日本語abc") == 9)
    }

    @Test("an emoji presentation selector makes a text symbol wide; without it the symbol is narrow")
    func presentationSelector() {
        #expect(DisplayWidth.of(Character("\u{2764}")) == 1)
        #expect(DisplayWidth.of(Character("\u{2764}\u{FE0F}")) == 2)
    }

    @Test("controls, lone combining marks and zero-width characters take no column")
    func zeroWidth() {
        #expect(DisplayWidth.of(Character("\u{7}")) == 0)
        #expect(DisplayWidth.of(Character("\u{9B}")) == 0)
        #expect(DisplayWidth.of(Character("\u{301}")) == 0)
        #expect(DisplayWidth.of(Character("\u{20DD}")) == 0) // enclosing circle
        #expect(DisplayWidth.of(Character("\u{200B}")) == 0)
        #expect(DisplayWidth.of(Character("\u{200D}")) == 0)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
    }

    @Test("truncating never splits a wide character and marks the cut")
    func truncate() {
        #expect(DisplayWidth.truncate("日本語", to: 4) == "日…")
        #expect(DisplayWidth.truncate("日本語", to: 6) == "日本語")
        #expect(DisplayWidth.fit("日本", to: 5) == "日本 ")
    }
}
