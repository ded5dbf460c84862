import Foundation

/// The arithmetic behind the report's charts: round axis values that cover the data, and
/// labels thinned so none overlaps another.
enum ChartScale {
    /// Tick values from 0 to a round top that is at least `maximum`: 0, 50, 100, 150.
    /// At most `count` + 1 ticks; the last tick is the axis top.
    static func ticks(upTo maximum: Double, count: Int = 4) -> [Double] {
        guard maximum > 0, maximum.isFinite, count > 0 else { return [0, 1] }
        let rough = maximum / Double(count)
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        // Counted, not strided: near the largest doubles a running sum would reach infinity and
        // never pass the top (a damaged 1e308 must draw, not hang).
        // maximum / step is at most `count` here (step ≥ maximum / count), so the Int is safe.
        let steps = max(1, min(count + 1, Int((maximum / step).rounded(.up))))
        let ticks = (0...steps).map { Double($0) * step }
        return ticks.allSatisfy(\.isFinite) ? ticks : [0, maximum]
    }

    /// Width of `text` in the charts' 7 pt sans-serif, a little generously (digits and most
    /// letters are about 0.55 em; 7 pt is 9.3 px).
    static func textWidth(_ text: String) -> Double { Double(text.count) * 5.4 }

    /// The labels to draw, centred on their x, so that no two overlap and none leaves
    /// `0...width`: the first and the last are preferred, the others kept left to right
    /// while they fit.
    static func thinned(_ labels: [(x: Double, text: String)], width: Double, gap: Double = 4) -> [(x: Double, text: String)] {
        func span(_ label: (x: Double, text: String)) -> ClosedRange<Double> {
            let half = textWidth(label.text) / 2
            let left = min(max(0, label.x - half), max(0, width - 2 * half))
            return left...(left + 2 * half)
        }
        guard let last = labels.last else { return [] }
        var kept: [(x: Double, text: String)] = []
        for label in labels.dropLast() {
            let previousEnd = kept.last.map { span($0).upperBound + gap } ?? -Double.infinity
            if span(label).lowerBound >= previousEnd { kept.append(label) }
        }
        // The last label (the newest month, the end date) matters most: make room for it.
        while let previous = kept.last, span(previous).upperBound + gap > span(last).lowerBound { kept.removeLast() }
        kept.append(last)
        return kept
    }

    /// Where a thinned label's text starts, so that it stays inside the chart.
    static func left(of label: (x: Double, text: String), width: Double) -> Double {
        let w = textWidth(label.text)
        return min(max(0, label.x - w / 2), max(0, width - w))
    }
}
