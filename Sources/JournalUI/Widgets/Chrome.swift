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
        let allWidths: [Int] = hints.map { DisplayWidth.of($0.0) + 1 + DisplayWidth.of($0.1) }
        let kept = keptHints(allWidths, width: canvas.width)
        let widths = kept.map { allWidths[$0] }
        let textWidth: Int = 1 + widths.reduce(0, +)
        let gaps: Int = max(0, kept.count - 1)
        // Three spaces between hints; two or one when that lets them fit.
        var gap = 3
        while gap > 1 && textWidth + gap * gaps > canvas.width { gap -= 1 }
        var column = 1
        for (index, width) in zip(kept, widths) {
            let (key, action) = hints[index]
            canvas.put(key, row: row, column: column, style: Style(bold: true, reverse: true))
            canvas.put(action, row: row, column: column + DisplayWidth.of(key) + 1, style: .hintBar)
            column += width + gap
        }
    }

    /// Which hints fit in `width` (one space apart), in their order. When not all do, the middle
    /// ones go: the first (the screen's main key) and the last three (save, help, back or quit)
    /// are what a person cannot do without.
    static func keptHints(_ widths: [Int], width: Int) -> [Int] {
        func fits(_ chosen: [Int]) -> Bool { 1 + chosen.reduce(0) { $0 + widths[$1] } + max(0, chosen.count - 1) <= width }
        let all = Array(widths.indices)
        if fits(all) { return all }
        var kept: [Int] = []
        for index in [0] + all.suffix(3).reversed() where !kept.contains(index) && fits(kept + [index]) {
            kept.append(index)
        }
        for index in all.dropFirst().dropLast(3) {
            guard fits(kept + [index]) else { break }
            kept.append(index)
        }
        return kept.sorted()
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
