/// A centred box over the screen, for notices that need an answer.
///
/// Safety text is never cut: when the box does not fit, the lines named in `dropOrder` go
/// first (a source, an explanation), then the blank lines between paragraphs; the other
/// lines and the prompt stay whole.
public struct Dialog: Equatable, Sendable {
    public var title: String
    public var lines: [String]
    /// The line at the bottom saying which keys answer it.
    public var prompt: String
    public var style: Style
    /// Indices into `lines` that may be left out when the screen is too small, first ones first.
    public var dropOrder: [Int]

    public init(title: String, lines: [String], prompt: String, style: Style = .plain, dropOrder: [Int] = []) {
        self.title = title
        self.lines = lines
        self.prompt = prompt
        self.style = style
        self.dropOrder = dropOrder
    }

    /// The wrapped lines of the box, fitted to `rows` by leaving out what matters least.
    func body(width inner: Int, rows: Int) -> [String] {
        let prompt = DisplayWidth.wrap(self.prompt, to: inner)
        var kept = Array(lines.indices)
        func render() -> [String] { kept.flatMap { DisplayWidth.wrap(lines[$0], to: inner) } + [""] + prompt }
        var body = render()
        var drops = dropOrder[...]
        while body.count > rows, let next = drops.popFirst() {
            kept.removeAll { $0 == next }
            body = render()
        }
        if body.count > rows { body = body.filter { !$0.isEmpty } }
        return body
    }

    /// Whether every line that must not be cut (all but `dropOrder`'s) fits on the canvas.
    public func fits(in canvas: Canvas) -> Bool {
        let inner = max(1, min(canvas.width, 64) - 4)
        let needed = lines.indices.filter { !dropOrder.contains($0) && !lines[$0].isEmpty }
            .reduce(0) { $0 + DisplayWidth.wrap(lines[$1], to: inner).count } + DisplayWidth.wrap(prompt, to: inner).count
        return needed <= canvas.height - 2
    }

    public func draw(into canvas: inout Canvas) {
        let boxWidth = min(canvas.width, 64)
        let inner = max(1, boxWidth - 4)
        let body = self.body(width: inner, rows: max(0, canvas.height - 2))
        let promptLines = DisplayWidth.wrap(prompt, to: inner).count
        let boxHeight = min(canvas.height, body.count + 2)
        let top = max(0, (canvas.height - boxHeight) / 2)
        let left = max(0, (canvas.width - boxWidth) / 2)
        canvas.fill(row: top, column: left, width: boxWidth, height: boxHeight, style: style)
        // Borders drawn with Unicode box characters (ncurses ACS macros do not reach Swift).
        let horizontal = String(repeating: "─", count: max(0, boxWidth - 2))
        canvas.put("┌" + horizontal + "┐", row: top, column: left, style: style)
        canvas.put("└" + horizontal + "┘", row: top + boxHeight - 1, column: left, style: style)
        for y in (top + 1)..<max(top + 1, top + boxHeight - 1) {
            canvas.put("│", row: y, column: left, style: style)
            canvas.put("│", row: y, column: left + boxWidth - 1, style: style)
        }
        if boxWidth > 6 {
            canvas.put(" " + DisplayWidth.truncate(title, to: boxWidth - 6) + " ", row: top, column: left + 2,
                       style: Style(foreground: style.foreground, background: style.background, bold: true, reverse: style.reverse))
        }
        for (offset, line) in body.prefix(max(0, boxHeight - 2)).enumerated() {
            let isPrompt = offset >= body.count - promptLines
            var lineStyle = style
            lineStyle.bold = lineStyle.bold || isPrompt
            canvas.put(line, row: top + 1 + offset, column: left + 2, style: lineStyle, maxWidth: inner)
        }
    }
}
