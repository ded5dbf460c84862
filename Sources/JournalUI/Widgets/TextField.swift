/// A one-line text input: the note under a symptom, a date typed by hand.
public struct TextField: Equatable, Sendable {
    public private(set) var text: String
    /// Cursor position in characters (0...text.count).
    public private(set) var cursor: Int
    public let maxLength: Int
    /// Notes keep the line breaks of a pasted block (drawn as ⏎); other fields get a space.
    public let allowsLineBreaks: Bool
    /// How many characters the last paste brought that did not fit. Shown beside the field
    /// until the next key, so text is never cut without a word.
    public private(set) var notPasted = 0

    public init(text: String = "", maxLength: Int = 500, allowsLineBreaks: Bool = false) {
        self.text = String(text.prefix(maxLength))
        self.cursor = self.text.count
        self.maxLength = maxLength
        self.allowsLineBreaks = allowsLineBreaks
    }

    public enum Outcome: Equatable { case editing, submitted, cancelled }

    /// Applies a key; Enter submits, Escape cancels, a paste inserts its text, anything else edits.
    public mutating func handle(_ key: Key) -> Outcome {
        notPasted = 0
        switch key {
        case .enter: return .submitted
        case .escape: return .cancelled
        case .paste(let pasted): insert(pasted)
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

    /// Inserts pasted text at the cursor, as much as fits: line breaks kept (notes) or made
    /// spaces, tabs made spaces, other control characters left out, a final line break dropped.
    private mutating func insert(_ pasted: String) {
        var source = pasted.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        while source.last == "\n" { source.removeLast() } // the line break a copied line ends with
        var clean = ""
        for character in source {
            if character == "\n" {
                clean.append(allowsLineBreaks ? "\n" : " ")
            } else if character == "\t" {
                clean.append(" ")
            } else if !character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
                clean.append(character)
            }
        }
        let room = max(0, maxLength - text.count)
        let fitting = String(clean.prefix(room))
        notPasted = clean.count - fitting.count
        text.insert(contentsOf: fitting, at: index(cursor))
        cursor += fitting.count
    }

    /// "120/500" beside a long field, and what a paste could not fit.
    var lengthText: String? {
        if notPasted > 0 { return " \(text.count)/\(maxLength) · \(notPasted) not pasted: too long " }
        return maxLength >= 100 ? " \(text.count)/\(maxLength) " : nil
    }

    /// Draws the field in `width` columns, scrolled so the cursor is visible, and places the cursor.
    /// Line breaks show as ⏎; a long field shows its length and limit at its right end.
    public func draw(into canvas: inout Canvas, row: Int, column: Int, width fullWidth: Int, style: Style = Style(underline: true)) {
        guard fullWidth > 0 else { return }
        var width = fullWidth
        if let length = lengthText, DisplayWidth.of(length) + 8 <= fullWidth {
            width = fullWidth - DisplayWidth.of(length)
            canvas.put(length, row: row, column: column + width, style: notPasted > 0 ? Style(foreground: .red, bold: true) : .dim)
        }
        let characters = Array(text).map { $0 == "\n" ? "⏎" : $0 }
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
        canvas.typing = true
    }

    private func index(_ offset: Int) -> String.Index { text.index(text.startIndex, offsetBy: offset) }
}
