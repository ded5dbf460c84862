/// Text from the journal placed in a Markdown document: it stays text.
///
/// A Markdown viewer renders raw HTML (`<script>`, `<img onerror=…>`) and Markdown syntax
/// (links, emphasis, table pipes) wherever they appear, so a note could add a live script or a
/// link to a report a prescriber opens. HTML's three special characters become entities and
/// Markdown's punctuation is backslash-escaped; control characters and line breaks are shown
/// as `TerminalText.line` shows them, so the report is also safe to print on a terminal.
public enum MarkdownText {
    public static func inline(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in TerminalText.line(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }
}
