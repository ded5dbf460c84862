import Foundation

/// Small inline SVG charts for the HTML report: drawn as plain shapes, no script, no fonts to
/// fetch, no namespace URL (inline SVG in HTML needs none), so the file stays self-contained.
///
/// Every chart scales to its data (nothing is clipped: a course past its target shows how far
/// past), its value axis carries numbers, and its labels are thinned so none overlaps another.
/// Value-axis labels have the class `ytick` and the target line the class `target`, so a test
/// can read the numbers back from the drawing.
enum SVGChart {
    /// The area inside a chart where data is drawn, and how values map onto it.
    struct Plot {
        let left: Double, top: Double, width: Double, height: Double
        let yMax: Double
        func y(_ value: Double) -> Double { top + height - (yMax > 0 ? value / yMax : 0) * height }
        var bottom: Double { top + height }
    }

    /// A line over `points` (x from 0 to `xMax`), with the target as a dashed line across
    /// the chart, a dotted projection from the last point, and a ring at `marker` (the day
    /// the target was reached).
    static func line(points: [(x: Double, y: Double)], xMax: Double, target: Double?,
                     projection: (x: Double, y: Double)?, marker: (x: Double, y: Double)? = nil, width: Int, height: Int, label: String,
                     xLabels: [(x: Double, text: String)], yUnit: String) -> String {
        let highest = max(points.map(\.y).max() ?? 0, target ?? 0, projection?.y ?? 0)
        let ticks = ChartScale.ticks(upTo: highest * 1.04)
        let plot = Plot(left: 30, top: 12, width: Double(width) - 34, height: Double(height) - 26, yMax: ticks.last ?? 1)
        func px(_ x: Double) -> Double { plot.left + (xMax > 0 ? x / xMax : 0) * plot.width }
        var svg = open(width, height, label) + valueAxis(ticks, plot: plot, unit: yUnit)
        if let target {
            let y = plot.y(target)
            svg += "<line x1=\"\(fmt(plot.left))\" y1=\"\(fmt(y))\" x2=\"\(fmt(plot.left + plot.width))\" y2=\"\(fmt(y))\" class=\"target\"/>"
            // Labelled where the line is not: at the left above it while the course climbs
            // towards it, at the right below it once the course is past it.
            let past = (points.last?.y ?? 0) >= target
            svg += text("target \(MilligramText.format(target))", x: past ? plot.left + plot.width - 2 : plot.left + 2,
                        y: past ? y + 9 : y - 2, anchor: past ? "end" : "start", className: "target-label")
        }
        if !points.isEmpty {
            let path = points.map { "\(fmt(px($0.x))),\(fmt(plot.y($0.y)))" }.joined(separator: " ")
            svg += "<polyline points=\"\(path)\" class=\"series\"/>"
        }
        if let projection, let last = points.last {
            svg += "<line x1=\"\(fmt(px(last.x)))\" y1=\"\(fmt(plot.y(last.y)))\" x2=\"\(fmt(px(projection.x)))\" y2=\"\(fmt(plot.y(projection.y)))\" class=\"projection\"/>"
        }
        if let marker {
            svg += "<circle cx=\"\(fmt(px(marker.x)))\" cy=\"\(fmt(plot.y(marker.y)))\" r=\"3\" class=\"marker\"/>"
        }
        svg += categoryLabels(xLabels.map { (px($0.x), $0.text) }, y: Double(height) - 3, width: Double(width))
        return svg + "</svg>"
    }

    /// Vertical bars, one per value (nil: an empty slot), scaled to `maximum`; `alarmAt` and
    /// above are drawn in the alarm colour. With `yTicks`, a value axis on the left; with
    /// `captions`, one label under each bar, thinned.
    static func bars(_ values: [Double?], maximum: Double, alarmAt: Double?, width: Int, height: Int, label: String,
                     captions: [String] = [], yTicks: [Double] = [], yUnit: String = "") -> String {
        let left = yTicks.isEmpty ? 0.0 : 30
        let plot = Plot(left: left, top: yTicks.isEmpty ? 1 : 11, width: Double(width) - left - (yTicks.isEmpty ? 0 : 2),
                        height: Double(height) - (captions.isEmpty ? 2 : 14) - (yTicks.isEmpty ? 0 : 10), yMax: maximum)
        let slot = values.isEmpty ? 0 : plot.width / Double(values.count)
        var svg = open(width, height, label)
        if !yTicks.isEmpty { svg += valueAxis(yTicks, plot: plot, unit: yUnit) }
        for (index, value) in values.enumerated() {
            let x = plot.left + Double(index) * slot + slot * 0.15
            if let value {
                let top = maximum > 0 ? min(plot.y(min(value, maximum)), plot.bottom - 1) : plot.bottom - 1
                let alarm = alarmAt.map { value >= $0 } ?? false
                svg += "<rect x=\"\(fmt(x))\" y=\"\(fmt(top))\" width=\"\(fmt(slot * 0.7))\" height=\"\(fmt(plot.bottom - top))\" class=\"\(alarm ? "bar alarm" : "bar")\"/>"
            } else {
                svg += "<rect x=\"\(fmt(x))\" y=\"\(fmt(plot.bottom - 1))\" width=\"\(fmt(slot * 0.7))\" height=\"1\" class=\"empty\"/>"
            }
        }
        let placed = captions.prefix(values.count).enumerated().map { (plot.left + (Double($0.offset) + 0.5) * slot, $0.element) }
        svg += categoryLabels(placed, y: Double(height) - 2, width: Double(width))
        return svg + "</svg>"
    }

    /// Values as dots joined by a line, evenly spaced, with a value axis and the first and
    /// last day under it; flagged dots red.
    static func dots(_ values: [(day: LocalDate, value: Double, flagged: Bool)], width: Int, height: Int, label: String) -> String {
        let ticks = ChartScale.ticks(upTo: (values.map(\.value).max() ?? 0) * 1.04, count: 2)
        let plot = Plot(left: 30, top: 5, width: Double(width) - 36, height: Double(height) - 18, yMax: ticks.last ?? 1)
        func px(_ i: Int) -> Double { plot.left + (values.count > 1 ? Double(i) / Double(values.count - 1) * plot.width : plot.width / 2) }
        var svg = open(width, height, label) + valueAxis(ticks, plot: plot, unit: "")
        if values.count > 1 {
            svg += "<polyline points=\"\(values.enumerated().map { "\(fmt(px($0.offset))),\(fmt(plot.y($0.element.value)))" }.joined(separator: " "))\" class=\"series\"/>"
        }
        for (index, point) in values.enumerated() {
            svg += "<circle cx=\"\(fmt(px(index)))\" cy=\"\(fmt(plot.y(point.value)))\" r=\"2.2\" class=\"\(point.flagged ? "dot alarm" : "dot")\"/>"
        }
        let days = values.isEmpty ? [] : [(px(0), values[0].day.iso), (px(values.count - 1), values[values.count - 1].day.iso)]
        svg += categoryLabels(values.count > 1 ? days : Array(days.prefix(1)), y: Double(height) - 2, width: Double(width))
        return svg + "</svg>"
    }

    /// The value axis: a faint line and a number at each tick, the unit in the top corner.
    private static func valueAxis(_ ticks: [Double], plot: Plot, unit: String) -> String {
        var svg = ""
        for tick in ticks {
            let y = plot.y(tick)
            svg += "<line x1=\"\(fmt(plot.left))\" y1=\"\(fmt(y))\" x2=\"\(fmt(plot.left + plot.width))\" y2=\"\(fmt(y))\" class=\"\(tick == 0 ? "axis" : "grid")\"/>"
            svg += text(MilligramText.format(tick), x: plot.left - 3, y: y + 3, anchor: "end", className: "ytick")
        }
        if !unit.isEmpty { svg += text(unit, x: 0, y: 7, anchor: "start", className: "unit") }
        return svg
    }

    /// Labels centred under their x, thinned so that none overlaps another.
    private static func categoryLabels(_ labels: [(x: Double, text: String)], y: Double, width: Double) -> String {
        ChartScale.thinned(labels, width: width).map { label in
            text(label.text, x: ChartScale.left(of: label, width: width), y: y, anchor: "start", className: "xlabel")
        }.joined()
    }

    private static func open(_ width: Int, _ height: Int, _ label: String) -> String {
        "<svg width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">"
    }

    private static func text(_ content: String, x: Double, y: Double, anchor: String, className: String) -> String {
        "<text x=\"\(fmt(x))\" y=\"\(fmt(y))\" text-anchor=\"\(anchor)\" class=\"\(className)\">\(HTMLText.escape(content))</text>"
    }

    static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// Text made safe to place in HTML (element content and quoted attributes).
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
