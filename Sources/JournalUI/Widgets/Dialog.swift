/// A centred box over the screen, for notices that need an answer.
public struct Dialog: Equatable, Sendable {
    public var title: String
    public var lines: [String]
    /// The line at the bottom saying which keys answer it.
    public var prompt: String
    public var style: Style

    public init(title: String, lines: [String], prompt: String, style: Style = .plain) {
        self.title = title
        self.lines = lines
        self.prompt = prompt
        self.style = style
    }

    public func draw(into canvas: inout Canvas) {
        let boxWidth = min(canvas.width, 64)
        let inner = max(1, boxWidth - 4)
        var body: [String] = []
        for line in lines { body += DisplayWidth.wrap(line, to: inner) }
        body.append("")
        body += DisplayWidth.wrap(prompt, to: inner)
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
            let isPrompt = offset >= body.count - DisplayWidth.wrap(prompt, to: inner).count
            var lineStyle = style
            lineStyle.bold = lineStyle.bold || isPrompt
            canvas.put(line, row: top + 1 + offset, column: left + 2, style: lineStyle, maxWidth: inner)
        }
    }
}
