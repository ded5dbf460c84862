import CNcursesw
import Foundation
import Testing
import TerminalCanvas
@testable import TerminalBackend

@Suite("NO_COLOR and colourless terminals")
struct ColourChoiceTests {
    @Test("any non-empty NO_COLOR turns colour off; unset or empty leaves it to the terminal")
    func noColorVariable() {
        #expect(!ColourChoice.drawsColour(noColor: "1", terminalColours: 256))
        #expect(!ColourChoice.drawsColour(noColor: "0", terminalColours: 256)) // any value, even "0"
        #expect(!ColourChoice.drawsColour(noColor: "yes", terminalColours: 8))
        #expect(ColourChoice.drawsColour(noColor: "", terminalColours: 256))
        #expect(ColourChoice.drawsColour(noColor: nil, terminalColours: 8))
    }

    @Test("terminfo's colour count decides when NO_COLOR is not set: xterm-mono has none")
    func terminalColours() throws {
        #expect(!ColourChoice.drawsColour(noColor: nil, terminalColours: -1))
        #expect(!ColourChoice.drawsColour(noColor: nil, terminalColours: 2))
        #expect(try colours(of: "xterm-mono") < 8)
        #expect(try colours(of: "xterm-256color") == 256)
        #expect(!ColourChoice.drawsColour(noColor: nil, terminalColours: try colours(of: "xterm-mono")))
        #expect(ColourChoice.drawsColour(noColor: nil, terminalColours: try colours(of: "xterm-256color")))
    }

    @Test("without colour every style keeps bold, reverse and underline, and a coloured background becomes reverse")
    func meaningWithoutColour() {
        let palette = StylePalette(drawsColour: false)
        #expect(!palette.hasColors)
        let alarm = palette.look(for: .alarm)
        #expect(alarm.pair == 0)
        #expect(alarm.attributes & isoj_attr_reverse() != 0)
        #expect(alarm.attributes & isoj_attr_bold() != 0)
        let title = palette.look(for: .titleBar)
        #expect(title.pair == 0 && title.attributes & isoj_attr_reverse() != 0)
        let warning = palette.look(for: .warning)
        #expect(warning.pair == 0 && warning.attributes & isoj_attr_bold() != 0)
        let underlined = palette.look(for: Style(foreground: .red, underline: true))
        #expect(underlined.pair == 0 && underlined.attributes & isoj_attr_underline() != 0)
    }

    /// What terminfo says the terminal named `term` has, as the program reads it
    /// (`tigetnum("colors")`; `tput colors` prints the same number, -1 for none).
    private func colours(of term: String) throws -> Int {
        let tput = Process()
        tput.executableURL = URL(fileURLWithPath: "/usr/bin/tput")
        tput.arguments = ["-T", term, "colors"]
        let output = Pipe()
        tput.standardOutput = output
        try tput.run()
        tput.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return try #require(Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), "tput -T \(term) colors said '\(text)'")
    }
}
