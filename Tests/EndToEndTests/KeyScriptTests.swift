import Testing
import TerminalCanvas
@testable import isojournal

/// The notation of the `--keys` scripts the end-to-end tests write (parsed in the program).
@Suite("Key script notation")
struct KeyScriptTests {
    @Test("text is typed character by character; line breaks are not keys; named keys in angle brackets")
    func textAndNames() throws {
        #expect(try KeyScript.parse("61<Down>\r\nab<C-s><Esc>") == [
            .key(.character("6")), .key(.character("1")), .key(.down),
            .key(.character("a")), .key(.character("b")), .key(.control("s")), .key(.escape),
        ])
        #expect(try KeyScript.parse("<Enter><Tab><BackTab><Backspace><Delete><PageUp><F1><F12>") == [
            .key(.enter), .key(.tab), .key(.backTab), .key(.backspace), .key(.delete), .key(.pageUp),
            .key(.function(1)), .key(.function(12)),
        ])
    }

    @Test("<lt> is a literal <, and a < with no > after it is typed as is")
    func literalAngle() throws {
        #expect(try KeyScript.parse("<lt>3") == [.key(.character("<")), .key(.character("3"))])
        #expect(try KeyScript.parse("a<b") == [.key(.character("a")), .key(.character("<")), .key(.character("b"))])
    }

    @Test("paste, resize and screen steps")
    func steps() throws {
        #expect(try KeyScript.parse("<paste two\\nlines><resize 60x20><screen>") == [
            .key(.paste("two\nlines")), .resize(width: 60, height: 20), .screen,
        ])
    }

    @Test("unknown names and bad sizes are refused with their line", arguments: ["<Bogus>", "<C-1>", "<F64>", "<resize 0x5>", "<resize 60>"])
    func refused(script: String) {
        #expect(throws: KeyScript.Problem.self) { try KeyScript.parse("ok\n" + script) }
        do {
            _ = try KeyScript.parse("ok\n" + script)
        } catch {
            #expect(error.message.hasPrefix("line 2: unknown key"), "\(error.message)")
        }
    }
}
