import Foundation
import Testing

/// NO_COLOR on a real terminal: tmux keeps each cell's attributes, and `capture-pane -e`
/// writes them back out as SGR escapes, so the colours the program drew can be counted.
@Suite("End to end: NO_COLOR", .serialized)
struct NoColorEndToEndTests {
    /// Today with a symptom logged (title bar, hint bar, grade styles); the screen with its escapes.
    func todayScreen(extraEnvironment: String) throws -> String {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "headache", "2").status == 0)
        let env = journal.environment.map { "\($0)='\($1)'" }.sorted().joined(separator: " ")
        let tmux = TmuxSession("env -u NO_COLOR \(env) \(extraEnvironment) '\(Binary.path)'")
        if tmux.waitForAny(["Set up your course", "Symptoms today"]) == "Set up your course" { tmux.send("Escape") }
        try #require(tmux.waitFor("Headache"), "Today did not appear:\n\(tmux.screen)")
        let screen = tmux.tmux("capture-pane", "-p", "-e", "-t", "0").stdout
        tmux.send("q")
        #expect(tmux.waitFor("[exited 0]"))
        return screen
    }

    @Test("NO_COLOR=1: no colour escape on the screen, and the title bar still stands out in reverse")
    func noColour() throws {
        let screen = try todayScreen(extraEnvironment: "NO_COLOR=1")
        let codes = SGR.parameters(in: screen)
        #expect(!codes.isEmpty, "no attributes at all:\n\(screen)")
        #expect(codes.filter(SGR.isColour).isEmpty, "colour codes \(codes.filter(SGR.isColour)) in:\n\(screen)")
        #expect(codes.contains(7), "no reverse video:\n\(screen)")
    }

    @Test("without NO_COLOR (and with it empty) the same screen has colours")
    func colour() throws {
        for extra in ["", "NO_COLOR="] {
            let screen = try todayScreen(extraEnvironment: extra)
            #expect(!SGR.parameters(in: screen).filter(SGR.isColour).isEmpty, "no colour with '\(extra)':\n\(screen)")
        }
    }

    @Test("TERM=xterm-mono: no colour either")
    func monochromeTerminal() throws {
        let screen = try todayScreen(extraEnvironment: "TERM=xterm-mono")
        #expect(SGR.parameters(in: screen).filter(SGR.isColour).isEmpty, "\(screen)")
    }
}

/// Select Graphic Rendition escapes (ESC [ … m).
enum SGR {
    /// Every numeric parameter of every SGR escape, in order. "38;5;n" and "48;5;n" keep
    /// their 38/48, which is what `isColour` looks at.
    static func parameters(in text: String) -> [Int] {
        var result: [Int] = []
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { !($0.isNumber || $0 == ";" || $0 == ":") }) else { break }
            if rest[end] == "m" {
                let parameters = rest[..<end].split(whereSeparator: { $0 == ";" || $0 == ":" }).compactMap { Int($0) }
                result += parameters.isEmpty ? [0] : parameters
            }
            rest = rest[end...]
        }
        return result
    }

    /// Foreground or background colours, normal, bright, 256 or true colour (39/49, "the
    /// default colour", are not a colour).
    static func isColour(_ code: Int) -> Bool {
        (30...38).contains(code) || (40...48).contains(code) || (90...97).contains(code) || (100...107).contains(code)
    }
}
