import Foundation

/// Small inline SVG charts for the HTML report: drawn as plain shapes, no script, no fonts to
/// fetch, no namespace URL (inline SVG in HTML needs none), so the file stays self-contained.
enum SVGChart {
    /// A line over `points` (x and y from 0 to the maxima), with an optional dashed horizontal
    /// target and a dotted projection from the last point.
    static func line(points: [(x: Double, y: Double)], xMax: Double, yMax: Double, target: Double?,
                     projection: (x: Double, y: Double)?, width: Int, height: Int, label: String,
                     xLabels: (left: String, right: String)) -> String {
        let pad = 4.0, bottom = 14.0
        let plotW = Double(width) - 2 * pad, plotH = Double(height) - pad - bottom
        func px(_ x: Double) -> String { fmt(pad + (xMax > 0 ? x / xMax : 0) * plotW) }
        func py(_ y: Double) -> String { fmt(pad + plotH - (yMax > 0 ? min(y, yMax) / yMax : 0) * plotH) }
        var svg = open(width, height, label)
        svg += "<line x1=\"\(fmt(pad))\" y1=\"\(py(0))\" x2=\"\(fmt(pad + plotW))\" y2=\"\(py(0))\" class=\"axis\"/>"
        if let target {
            svg += "<line x1=\"\(fmt(pad))\" y1=\"\(py(target))\" x2=\"\(fmt(pad + plotW))\" y2=\"\(py(target))\" class=\"target\"/>"
        }
        if !points.isEmpty {
            let path = points.map { "\(px($0.x)),\(py($0.y))" }.joined(separator: " ")
            svg += "<polyline points=\"\(path)\" class=\"series\"/>"
        }
        if let projection, let last = points.last {
            svg += "<line x1=\"\(px(last.x))\" y1=\"\(py(last.y))\" x2=\"\(px(projection.x))\" y2=\"\(py(projection.y))\" class=\"projection\"/>"
        }
        svg += text(xLabels.left, x: pad, y: Double(height) - 3, anchor: "start")
        svg += text(xLabels.right, x: Double(width) - pad, y: Double(height) - 3, anchor: "end")
        return svg + "</svg>"
    }

    /// Vertical bars, one per value (nil: an empty slot), scaled to `maximum`; `alarmAt` and
    /// above are drawn in the alarm colour.
    static func bars(_ values: [Double?], maximum: Double, alarmAt: Double?, width: Int, height: Int, label: String,
                     captions: [String] = []) -> String {
        let bottom = captions.isEmpty ? 1.0 : 12.0
        let plotH = Double(height) - bottom - 1
        let slot = values.isEmpty ? 0 : Double(width) / Double(values.count)
        var svg = open(width, height, label)
        for (index, value) in values.enumerated() {
            let x = Double(index) * slot + slot * 0.15
            if let value {
                let h = maximum > 0 ? max(1, min(value, maximum) / maximum * plotH) : 1
                let alarm = alarmAt.map { value >= $0 } ?? false
                svg += "<rect x=\"\(fmt(x))\" y=\"\(fmt(1 + plotH - h))\" width=\"\(fmt(slot * 0.7))\" height=\"\(fmt(h))\" class=\"\(alarm ? "bar alarm" : "bar")\"/>"
            } else {
                svg += "<rect x=\"\(fmt(x))\" y=\"\(fmt(plotH))\" width=\"\(fmt(slot * 0.7))\" height=\"1\" class=\"empty\"/>"
            }
            if index < captions.count {
                svg += text(captions[index], x: x + slot * 0.35, y: Double(height) - 2, anchor: "middle")
            }
        }
        return svg + "</svg>"
    }

    /// Values as dots joined by a line, with a dashed reference (a flag limit); flagged dots red.
    static func dots(_ values: [(value: Double, flagged: Bool)], reference: Double?, width: Int, height: Int, label: String) -> String {
        let pad = 3.0
        let top = max(values.map(\.value).max() ?? 0, reference ?? 0) * 1.1
        let plotW = Double(width) - 2 * pad, plotH = Double(height) - 2 * pad
        func px(_ i: Int) -> Double { pad + (values.count > 1 ? Double(i) / Double(values.count - 1) * plotW : plotW / 2) }
        func py(_ v: Double) -> Double { pad + plotH - (top > 0 ? v / top : 0) * plotH }
        var svg = open(width, height, label)
        if let reference {
            svg += "<line x1=\"\(fmt(pad))\" y1=\"\(fmt(py(reference)))\" x2=\"\(fmt(pad + plotW))\" y2=\"\(fmt(py(reference)))\" class=\"target\"/>"
        }
        if values.count > 1 {
            svg += "<polyline points=\"\(values.enumerated().map { "\(fmt(px($0.offset))),\(fmt(py($0.element.value)))" }.joined(separator: " "))\" class=\"series\"/>"
        }
        for (index, point) in values.enumerated() {
            svg += "<circle cx=\"\(fmt(px(index)))\" cy=\"\(fmt(py(point.value)))\" r=\"2.5\" class=\"\(point.flagged ? "dot alarm" : "dot")\"/>"
        }
        return svg + "</svg>"
    }

    private static func open(_ width: Int, _ height: Int, _ label: String) -> String {
        "<svg width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">"
    }

    private static func text(_ content: String, x: Double, y: Double, anchor: String) -> String {
        "<text x=\"\(fmt(x))\" y=\"\(fmt(y))\" text-anchor=\"\(anchor)\">\(HTMLText.escape(content))</text>"
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
