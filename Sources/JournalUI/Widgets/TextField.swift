/// A one-line text input: the note under a symptom, a date typed by hand.
public struct TextField: Equatable, Sendable {
    public private(set) var text: String
    /// Cursor position in characters (0...text.count).
    public private(set) var cursor: Int
    public let maxLength: Int

    public init(text: String = "", maxLength: Int = 500) {
        self.text = String(text.prefix(maxLength))
        self.cursor = self.text.count
        self.maxLength = maxLength
    }

    public enum Outcome: Equatable { case editing, submitted, cancelled }

    /// Applies a key; Enter submits, Escape cancels, anything else edits.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .enter: return .submitted
        case .escape: return .cancelled
        case .character(let c) where text.count < maxLength:
            text.insert(c, at: index(cursor))
            cursor += 1
        case .backspace where cursor > 0:
            text.remove(at: index(cursor - 1))
            cursor -= 1
        case .delete where cursor < text.count:
            text.remove(at: index(cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"): text = ""; cursor = 0
        default: break
        }
        return .editing
    }

    /// Draws the field in `width` columns, scrolled so the cursor is visible, and places the cursor.
    public func draw(into canvas: inout Canvas, row: Int, column: Int, width: Int, style: Style = Style(underline: true)) {
        guard width > 0 else { return }
        let characters = Array(text)
        // Scroll: show the characters ending at the cursor when the text is wider than the field.
        var start = 0
        while DisplayWidth.of(String(characters[start..<cursor])) > width - 1 { start += 1 }
        var visible = ""
        var used = 0
        for c in characters[start...] {
            let w = DisplayWidth.of(c)
            if used + w > width { break }
            visible.append(c)
            used += w
        }
        canvas.fill(row: row, column: column, width: width, height: 1, style: style)
        canvas.put(visible, row: row, column: column, style: style, maxWidth: width)
        let cursorColumn = column + DisplayWidth.of(String(characters[start..<cursor]))
        canvas.cursor = (row, min(cursorColumn, column + width - 1))
    }

    private func index(_ offset: Int) -> String.Index { text.index(text.startIndex, offsetBy: offset) }
}
