import CNcursesw
import Glibc
import TerminalCanvas

extension TerminalSession {
    /// Shows `canvas`: every cell, clipped to the terminal (a smaller canvas leaves the rest
    /// blank), then the cursor. ncurses compares with what is on screen and sends only the
    /// difference.
    public func present(_ canvas: Canvas) {
        guard !isStopped else { return }
        lastCanvas = canvas
        guard inCursesMode else { return }
        let rows = Int(getmaxy(window))
        let columns = Int(getmaxx(window))
        guard rows > 0, columns > 0 else { return }
        werase(window)
        let visibleRows = min(rows, canvas.height)
        let visibleColumns = min(columns, canvas.width)
        for row in 0..<visibleRows {
            drawRow(canvas, row: row, columns: visibleColumns)
        }
        placeCursor(canvas.cursor, rows: visibleRows, columns: visibleColumns)
        wnoutrefresh(window)
        doupdate()
    }

    /// Each cell is placed at its own column with `mvwadd_wchnstr`, which neither wraps nor
    /// moves the cursor: the bottom-right cell is safe, and if the C library measures a
    /// character differently from `DisplayWidth`, only that cell is off, not the rest of
    /// the row. Styles are resolved once per run of equal style.
    private func drawRow(_ canvas: Canvas, row: Int, columns: Int) {
        var runStyle: Style?
        var look = CellLook(attributes: isoj_attr_normal(), pair: 0)
        for column in 0..<columns {
            let cell = canvas[row, column]
            if cell.isContinuation { continue } // the right half of a wide character
            if cell.style != runStyle {
                runStyle = cell.style
                look = palette.look(for: cell.style)
            }
            let wide = column + 1 < canvas.width && canvas[row, column + 1].isContinuation
            // A wide character cut by the right edge of the terminal becomes a space.
            let grapheme = wide && column + 1 >= columns ? " " : cell.grapheme
            drawCell(grapheme, look: look, row: row, column: column)
        }
    }

    private func drawCell(_ grapheme: String, look: CellLook, row: Int, column: Int) {
        if !cellText.load(grapheme) { _ = cellText.load(" ") }
        var cell = cchar_t()
        let status = cellText.characters.withUnsafeBufferPointer { text in
            setcchar(&cell, text.baseAddress, look.attributes, look.pair, nil)
        }
        if status == ERR {
            _ = cellText.load("?")
            _ = cellText.characters.withUnsafeBufferPointer { text in
                setcchar(&cell, text.baseAddress, look.attributes, look.pair, nil)
            }
        }
        _ = mvwadd_wchnstr(window, Int32(row), Int32(column), &cell, 1)
    }

    private func placeCursor(_ cursor: (row: Int, column: Int)?, rows: Int, columns: Int) {
        if let cursor, (0..<rows).contains(cursor.row), (0..<columns).contains(cursor.column) {
            wmove(window, Int32(cursor.row), Int32(cursor.column))
            setCursorShown(true)
        } else {
            wmove(window, 0, 0)
            setCursorShown(false)
        }
    }

    private func setCursorShown(_ shown: Bool) {
        guard shown != cursorShown else { return }
        cursorShown = shown
        curs_set(shown ? 1 : 0)
    }
}
