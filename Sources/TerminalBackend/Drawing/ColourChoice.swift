/// Whether the full-screen program draws in colour.
///
/// NO_COLOR (no-color.org): any non-empty value means "no colour", whatever the terminal can
/// do. A terminal with fewer than 8 colours (TERM=xterm-mono: none) gets none either. Without
/// colour the styles keep their bold, reverse and underline, and a coloured background turns
/// into reverse video (`StylePalette`), so no meaning rests on colour alone.
enum ColourChoice {
    /// `noColor` is the NO_COLOR variable (nil when unset); `terminalColours` what terminfo
    /// says the terminal has (`tigetnum("colors")`: -1 when it has none).
    static func drawsColour(noColor: String?, terminalColours: Int) -> Bool {
        if let noColor, !noColor.isEmpty { return false }
        return terminalColours >= 8
    }
}
