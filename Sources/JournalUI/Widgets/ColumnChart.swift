import JournalCore
import Foundation

/// A column chart in block characters for the trends: one column (or a few cells) per value,
/// heights to an eighth of a cell, a scale on the left, an optional reference line (a target
/// or a limit) and captions under the first and last columns. It fills whatever rectangle it
/// is given, so a larger window shows a finer chart.
public struct ColumnChart {
    public struct Column {
        public let value: Double?
        public let style: Style
        public init(_ value: Double?, style: Style = Style(foreground: .cyan)) {
            self.value = value
            self.style = style
        }
    }

    public var columns: [Column]
    /// The top of the scale; values above it are drawn full height.
    public var maximum: Double
    public var reference: (value: Double, label: String)?
    /// Under the first and last columns drawn (or every column when there is room).
    public var captions: [String]
    /// Scale labels: "3", "120 mg/kg", "100%".
    public var scaleText: (Double) -> String
    /// Values labelled on the scale (default: 0, the middle and the top).
    public var ticks: [Double]?
    /// Columns grow up to this many cells when there are few values (room for a caption each).
    public var widestColumn: Int

    public init(columns: [Column], maximum: Double, reference: (value: Double, label: String)? = nil,
                captions: [String] = [], ticks: [Double]? = nil, widestColumn: Int = 4,
                scaleText: @escaping (Double) -> String = { String(Int(clamping: $0.rounded())) }) {
        self.columns = columns
        self.maximum = maximum
        self.reference = reference
        self.captions = captions
        self.ticks = ticks
        self.widestColumn = widestColumn
        self.scaleText = scaleText
    }

    /// The row (from the top of the plot) a value's level falls in.
    private func row(of value: Double, plotRows: Int) -> Int {
        plotRows - 1 - min(plotRows - 1, max(0, Int(clamping: value / maximum * Double(plotRows) - 0.0001)))
    }

    /// The next round number at or above `value` (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × a power of ten),
    /// so the scale reads 0 – 400 – 800 rather than 0 – 341 – 682.
    public static func roundScale(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let power = pow(10, floor(log10(value)))
        let step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].first { $0 * power >= value * 0.999_999 } ?? 10
        return step * power
    }

    static let eighths: [String] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Draws in rows `top..<top+height`, columns `left..<left+width`. The last row holds the
    /// captions; the newest values are kept when not all fit.
    public func draw(into canvas: inout Canvas, top: Int, left: Int, width: Int, height: Int) {
        guard height >= 3, width >= 8, maximum > 0 else { return }
        let plotRows = height - 1
        let labelled = ticks ?? [0, maximum / 2, maximum]
        let scaleWidth = min(12, (labelled.map { DisplayWidth.of(scaleText($0)) }.max() ?? 1) + 1)
        let plotLeft = left + scaleWidth + 1
        let plotWidth = width - scaleWidth - 1
        let columnWidth = max(1, min(widestColumn, plotWidth / max(1, columns.count)))
        let shown = Array(columns.suffix(max(1, plotWidth / columnWidth)))
        for value in labelled {
            let text = scaleText(value)
            let y = top + row(of: value, plotRows: plotRows)
            canvas.put(String(repeating: " ", count: max(0, scaleWidth - DisplayWidth.of(text))) + text, row: y, column: left, style: .dim)
            canvas.put("┤", row: y, column: left + scaleWidth, style: .dim)
        }
        let referenceRow = reference.map { top + row(of: $0.value, plotRows: plotRows) }
        for (index, column) in shown.enumerated() {
            let x = plotLeft + index * columnWidth
            let barWidth = columnWidth > 1 ? columnWidth - 1 : 1
            let eighthsTall = column.value.map { Int(clamping: (min($0, maximum) / maximum * Double(plotRows * 8)).rounded()) } ?? 0
            for row in 0..<plotRows {
                let fromBottom = plotRows - 1 - row
                let filled = min(8, max(0, eighthsTall - fromBottom * 8))
                let y = top + row
                if filled > 0 {
                    canvas.put(String(repeating: Self.eighths[filled], count: barWidth), row: y, column: x, style: column.style)
                } else if y == referenceRow {
                    canvas.put(String(repeating: "┈", count: columnWidth), row: y, column: x, style: Style(foreground: .red))
                } else if column.value == nil && fromBottom == 0 {
                    canvas.put("·", row: y, column: x, style: .dim)
                }
            }
        }
        if let reference, let referenceRow {
            let label = " " + reference.label
            let x = plotLeft + min(plotWidth, shown.count * columnWidth) + 1
            if x + DisplayWidth.of(label) <= left + width {
                canvas.put(label, row: referenceRow, column: x, style: Style(foreground: .red))
            } else {
                canvas.put(DisplayWidth.truncate(label, to: max(0, plotWidth)), row: max(top, referenceRow - 1), column: plotLeft, style: Style(foreground: .red))
            }
        }
        drawCaptions(into: &canvas, row: top + plotRows, plotLeft: plotLeft, columnWidth: columnWidth, count: shown.count, width: plotWidth)
    }

    private func drawCaptions(into canvas: inout Canvas, row: Int, plotLeft: Int, columnWidth: Int, count: Int, width: Int) {
        let texts = Array(captions.suffix(count))
        guard !texts.isEmpty else { return }
        let widest = texts.map { DisplayWidth.of($0) }.max() ?? 0
        if widest < columnWidth {
            for (index, text) in texts.enumerated() { canvas.put(text, row: row, column: plotLeft + index * columnWidth, style: .dim) }
            return
        }
        canvas.put(texts[0], row: row, column: plotLeft, style: .dim)
        if texts.count > 1, let last = texts.last {
            let x = max(plotLeft + DisplayWidth.of(texts[0]) + 2, plotLeft + min(width, count * columnWidth) - DisplayWidth.of(last))
            canvas.put(last, row: row, column: x, style: .dim)
        }
    }
}
