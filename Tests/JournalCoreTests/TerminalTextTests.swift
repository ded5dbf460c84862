import Testing
import JournalCore

/// `TerminalText` and `MarkdownText`: words from a note can never drive a terminal or a viewer.
@Suite("Terminal-safe text")
struct TerminalTextTests {
    @Test("every control character, DEL, C1 and bidi override is shown visibly")
    func controlsAreVisible() {
        #expect(TerminalText.line("a\u{1B}]0;title\u{07}b") == "a␛]0;title␇b")
        #expect(TerminalText.line("one\ntwo\r\nthree\rfake") == "one⏎two⏎three␍fake")
        #expect(TerminalText.line("\u{9B}31m\u{202E}cba\u{2066}\u{7F}\u{0}") == "\\u{9B}31m\\u{202E}cba\\u{2066}␡␀")
        #expect(TerminalText.line("tab\there") == "tab␉here")
        #expect(TerminalText.block("a\nb\r\nc\td\re\u{1B}") == "a\nb\r\nc\td␍e␛")
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let shown = TerminalText.line(String(scalar))
            #expect(!TerminalTextTests.isDangerous(shown, allowsLineBreaks: false), "U+\(String(value, radix: 16))")
        }
    }

    @Test("ordinary text, accents and emoji are unchanged")
    func ordinaryText() {
        let text = "Lèvres \"gercées\" — ça pique 🙁 | 20 mg"
        #expect(TerminalText.line(text) == text)
        #expect(TerminalText.isSafe(text))
    }

    @Test("Markdown: HTML becomes entities, Markdown punctuation is escaped, one line")
    func markdown() {
        #expect(MarkdownText.inline("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(MarkdownText.inline("[click](http://x) *b* _i_ `c` a|b\nnext") == "\\[click\\](http://x) \\*b\\* \\_i\\_ \\`c\\` a\\|b⏎next")
    }

    /// A scalar a terminal could act on (line breaks allowed only when asked).
    static func isDangerous(_ text: String, allowsLineBreaks: Bool) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x0A, 0x09: if !allowsLineBreaks { return true }
            case 0x0D: if !allowsLineBreaks || index + 1 >= scalars.count || scalars[index + 1] != "\n" { return true }
            case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
            default: continue
            }
        }
        return false
    }
}
