import CNcursesw
import Testing
import TerminalCanvas
@testable import TerminalBackend

/// How styles look on a colour terminal and on one without colours.
extension CursesTests {
    private func colours(of pair: Int16) -> (foreground: Int16, background: Int16) {
        var foreground: Int16 = 0
        var background: Int16 = 0
        pair_content(pair, &foreground, &background)
        return (foreground, background)
    }

    @Test("colour terminal: one pair per colour combination, reused; attributes as asked")
    func colour() throws {
        let screen = try #require(TestScreen(term: "xterm-256color"))
        let palette = StylePalette(drawsColour: true)
        #expect(palette.hasColors)
        #expect(palette.look(for: .plain) == CellLook(attributes: isoj_attr_normal(), pair: 0))
        let alarm = palette.look(for: .alarm)
        #expect(alarm.pair > 0)
        #expect(alarm.attributes & isoj_attr_bold() != 0)
        #expect(alarm.attributes & isoj_attr_reverse() == 0) // the red background carries it
        #expect(colours(of: alarm.pair) == (Int16(COLOR_WHITE), Int16(COLOR_RED)))
        let title = palette.look(for: .titleBar)
        #expect(title.pair != alarm.pair)
        #expect(colours(of: title.pair) == (Int16(COLOR_WHITE), Int16(COLOR_BLUE)))
        // Same colours, other attributes: the same pair.
        #expect(palette.look(for: Style(foreground: .white, background: .red)).pair == alarm.pair)
        #expect(palette.look(for: .alarm) == alarm)
        #expect(palette.look(for: .selected) == CellLook(attributes: isoj_attr_reverse(), pair: 0))
        #expect(palette.look(for: .dim).attributes & isoj_attr_dim() != 0)
        #expect(palette.look(for: Style(underline: true)).attributes & isoj_attr_underline() != 0)
        withExtendedLifetime(screen) {}
    }

    @Test("terminal without colours: a coloured background becomes reverse video, a foreground is dropped")
    func mono() throws {
        let screen = try #require(TestScreen(term: "vt100"))
        let palette = StylePalette(drawsColour: true)
        #expect(!palette.hasColors)
        let alarm = palette.look(for: .alarm)
        #expect(alarm.pair == 0)
        #expect(alarm.attributes & isoj_attr_reverse() != 0)
        #expect(alarm.attributes & isoj_attr_bold() != 0)
        #expect(palette.look(for: .good) == CellLook(attributes: isoj_attr_normal(), pair: 0))
        #expect(palette.look(for: .titleBar).attributes & isoj_attr_reverse() != 0)
        withExtendedLifetime(screen) {}
    }
}
