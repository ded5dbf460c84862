/// Shown instead of a screen when the window is too small to use it.
enum TooSmallNotice {
    static func draw(into canvas: inout Canvas, minimumWidth: Int, minimumHeight: Int) {
        guard canvas.width > 0, canvas.height > 0 else { return }
        let message = "Make the window larger: IsoJournal needs \(minimumWidth)×\(minimumHeight), this is \(canvas.width)×\(canvas.height)."
        let lines = DisplayWidth.wrap(message, to: canvas.width)
        let top = max(0, (canvas.height - lines.count) / 2)
        for (offset, line) in lines.prefix(canvas.height).enumerated() {
            let column = max(0, (canvas.width - DisplayWidth.of(line)) / 2)
            canvas.put(line, row: top + offset, column: column, style: .warning)
        }
    }
}
