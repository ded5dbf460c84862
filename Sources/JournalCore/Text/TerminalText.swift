/// Text that came from a note, a file or the command line, made safe to print on a terminal.
///
/// A terminal obeys bytes, not words: ESC starts commands (set the window title, write the
/// clipboard with OSC 52, move the cursor), CR returns to the start of a line so a note can
/// forge a fake one, BEL rings, C1 controls (U+0080–U+009F) act like ESC on some terminals, and
/// bidirectional overrides make text read in another order than it is stored. Each is shown
/// visibly instead: C0 controls and DEL as their control pictures (ESC as `␛`), C1 controls and
/// bidi overrides as `\u{…}`. Every human-readable output path uses this one function.
public enum TerminalText {
    /// For one-line outputs (a `show` line, a confirmation, an error message): a line break is
    /// shown as `⏎`, so a note can never start a line of its own.
    public static func line(_ text: String) -> String { safe(text, keepsLineBreaks: false) }

    /// For multi-line outputs (a report on standard output): line breaks (LF, and CR LF) and
    /// tabs are kept; everything else as in `line`.
    public static func block(_ text: String) -> String { safe(text, keepsLineBreaks: true) }

    /// True when `text` would print unchanged: the common case costs one pass and no copy.
    public static func isSafe(_ text: String, keepsLineBreaks: Bool = false) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.allSatisfy { visible(scalars, at: $0, keepsLineBreaks: keepsLineBreaks) == nil }
    }

    static func safe(_ text: String, keepsLineBreaks: Bool) -> String {
        guard !isSafe(text, keepsLineBreaks: keepsLineBreaks) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for index in scalars.indices {
            if let shown = visible(scalars, at: index, keepsLineBreaks: keepsLineBreaks) {
                out.append(contentsOf: shown.unicodeScalars)
            } else {
                out.append(scalars[index])
            }
        }
        return String(out)
    }

    /// What to print instead of the scalar at `index`, or nil to print it as it is.
    private static func visible(_ scalars: [Unicode.Scalar], at index: Int, keepsLineBreaks: Bool) -> String? {
        let scalar = scalars[index]
        let value = scalar.value
        switch value {
        case 0x0A:
            return keepsLineBreaks ? nil : "⏎"
        case 0x0D:
            // CR LF is a line break in CSV and ICS; a CR alone would overwrite the line.
            let beforeLineFeed = index + 1 < scalars.count && scalars[index + 1].value == 0x0A
            guard beforeLineFeed else { return "␍" }
            return keepsLineBreaks ? nil : "" // on one line, the LF after it shows as ⏎
        case 0x09:
            return keepsLineBreaks ? nil : "␉"
        case 0x00...0x1F:
            // U+2400 CONTROL PICTURES: ␀ … ␛ … ␟ in the same order as the controls.
            return String(Unicode.Scalar(0x2400 + value)!)
        case 0x7F:
            return "␡"
        case 0x2028, 0x2029: // Unicode's line and paragraph separators
            return keepsLineBreaks ? escaped(value) : "⏎"
        case 0x80...0x9F:
            return escaped(value)
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return escaped(value)
        default:
            return nil
        }
    }

    private static func escaped(_ value: UInt32) -> String {
        "\\u{" + String(value, radix: 16, uppercase: true) + "}"
    }
}
