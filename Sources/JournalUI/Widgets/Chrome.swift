/// The frame every screen shares: a title bar on top, a status line and a key-hint bar below.
public enum Chrome {
    /// Rows left for a screen's body between the title bar and the status + hint rows.
    public static func bodyRows(height: Int) -> Range<Int> { 1..<max(1, height - 2) }

    public static func drawTitle(_ title: String, right: String, into canvas: inout Canvas) {
        canvas.fill(row: 0, column: 0, width: canvas.width, height: 1, style: .titleBar)
        let rightWidth = DisplayWidth.of(right)
        // The right-hand text (usually the date) goes first when the window is narrow.
        let bothFit = DisplayWidth.of(title) + rightWidth + 3 <= canvas.width
        canvas.put(" " + DisplayWidth.truncate(title, to: max(0, canvas.width - 2)), row: 0, column: 0, style: .titleBar)
        if bothFit {
            canvas.put(right, row: 0, column: canvas.width - rightWidth - 1, style: .titleBar)
        }
    }

    /// Hints are (key, what it does) pairs: "l log symptoms".
    public static func drawHints(_ hints: [(String, String)], into canvas: inout Canvas) {
        let row = canvas.height - 1
        canvas.fill(row: row, column: 0, width: canvas.width, height: 1, style: .hintBar)
        let widths: [Int] = hints.map { DisplayWidth.of($0.0) + 1 + DisplayWidth.of($0.1) }
        let textWidth: Int = 1 + widths.reduce(0, +)
        let gaps: Int = max(0, hints.count - 1)
        // Three spaces between hints; two or one when that lets every hint fit; when even
        // one is not enough, three again and the last hints are left out.
        var gap = 3
        while gap > 1 && textWidth + gap * gaps > canvas.width { gap -= 1 }
        if textWidth + gap * gaps > canvas.width { gap = 3 }
        var column = 1
        for ((key, action), width) in zip(hints, widths) {
            if column + width > canvas.width { break }
            canvas.put(key, row: row, column: column, style: Style(bold: true, reverse: true))
            canvas.put(action, row: row, column: column + DisplayWidth.of(key) + 1, style: .hintBar)
            column += width + gap
        }
    }

    public static func drawStatus(_ status: StatusLine?, into canvas: inout Canvas) {
        guard let status, canvas.height >= 2 else { return }
        let style: Style = status.isError ? .alarm : .good
        let text = DisplayWidth.truncate(status.text, to: canvas.width - 2)
        canvas.put(" " + text + " ", row: canvas.height - 2, column: 0, style: style)
    }
}

/// A one-line message under the screen: "Saved 3 changes", or what went wrong.
public struct StatusLine: Error, Equatable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}
