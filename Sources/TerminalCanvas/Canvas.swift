/// A grid of terminal cells that screens draw into. Pure data: the terminal backend
/// presents it, tests read `text`.
///
/// A double-width character occupies its cell and a `continuation` cell to its right, so
/// column arithmetic stays exact for CJK text and emoji.
public struct Canvas: Equatable, Sendable {
    public struct Cell: Equatable, Sendable {
        /// One grapheme cluster, or "" for the right half of a wide character.
        public var grapheme: String
        public var style: Style
        public var isContinuation: Bool { grapheme.isEmpty }

        public static let blank = Cell(grapheme: " ", style: .plain)
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should sit (text fields); nil hides it.
    public var cursor: (row: Int, column: Int)? {
        get { cursorStorage.map { ($0.row, $0.column) } }
        set { cursorStorage = newValue.map { CursorPosition($0.row, $0.column) } }
    }
    private var cursorStorage: CursorPosition?
    /// The cursor is in a text field being typed in: printable keys are text there, not
    /// commands. (Forms also place the cursor on a focused choice, for braille displays.)
    public var typing = false

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * width + column]
    }

    /// Writes `text` from (row, column), clipped to the grid and to `maxWidth` columns.
    /// Returns the column after the last cell written. A wide character that does not fit
    /// whole is replaced by a space rather than split.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < height else { return column }
        let limit = maxWidth.map { min(width, column + $0) } ?? width
        var x = column
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 { continue } // a lone combining mark or control: nothing to place
            if x + w > limit { if x < limit, x >= 0 { set(row, x, " ", style) }; x = limit; break }
            if x >= 0 {
                set(row, x, String(character), style)
                if w == 2 { set(row, x + 1, "", style) }
            }
            x += w
        }
        return x
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(row: Int, column: Int, width w: Int, height h: Int, style: Style = .plain) {
        for y in max(0, row)..<min(height, row + h) {
            for x in max(0, column)..<min(width, column + w) { set(y, x, " ", style) }
        }
    }

    /// Applies `style` to cells already drawn, keeping their text.
    public mutating func restyle(row: Int, column: Int, width w: Int, style: Style) {
        guard row >= 0, row < height else { return }
        for x in max(0, column)..<min(width, column + w) { cells[row * width + x].style = style }
    }

    /// The screen as text, one line per row, trailing spaces removed; wide characters once.
    public var text: String {
        (0..<height).map(line).joined(separator: "\n")
    }

    public func line(_ row: Int) -> String {
        var result = ""
        for x in 0..<width { result += self[row, x].grapheme }
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    private mutating func set(_ row: Int, _ column: Int, _ grapheme: String, _ style: Style) {
        guard column >= 0, column < width else { return }
        let index = row * width + column
        // Overwriting half of a wide character blanks its other half.
        if cells[index].isContinuation, column > 0 { cells[index - 1] = Cell(grapheme: " ", style: cells[index - 1].style) }
        if !cells[index].isContinuation, column + 1 < width, cells[index + 1].isContinuation, grapheme != "" {
            cells[index + 1] = Cell(grapheme: " ", style: cells[index + 1].style)
        }
        cells[index] = Cell(grapheme: grapheme, style: style)
    }

    /// Copies `rows` of a narrower canvas into this one from `column` (a pane beside another;
    /// whole cells, so wide characters stay whole), clipped to this grid.
    public mutating func place(_ pane: Canvas, rows: Range<Int>, column: Int) {
        for y in max(0, rows.lowerBound)..<min(height, pane.height, rows.upperBound) {
            for x in 0..<pane.width where column + x >= 0 && column + x < width {
                cells[y * width + column + x] = pane[y, x]
            }
        }
    }

    public static func == (a: Canvas, b: Canvas) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursorStorage == b.cursorStorage && a.typing == b.typing
    }
}

private struct CursorPosition: Equatable, Sendable {
    let row: Int, column: Int
    init(_ row: Int, _ column: Int) { self.row = row; self.column = column }
}
