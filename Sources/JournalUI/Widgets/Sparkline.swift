/// Tiny charts made of block characters, for trends that must read at a glance in a
/// terminal: a sparkline (one column per value) and a horizontal bar (eighths of a cell).
public enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    /// One character per value, scaled from 0 to the largest value (so heights compare
    /// honestly: twice as tall is twice as much). Only the last `width` values are drawn.
    public static func text(_ values: [Double], width: Int) -> String {
        let shown = values.suffix(max(0, width))
        guard let top = shown.max(), top > 0 else { return String(repeating: levels[0], count: shown.count) }
        return String(shown.map { value in
            let index = Int(clamping: (max(0, value) / top * Double(levels.count - 1)).rounded())
            return levels[min(levels.count - 1, max(0, index))]
        })
    }

    /// A left-aligned bar `value / scale` of `width` cells long, drawn to the nearest eighth;
    /// a value above zero always shows at least a sliver.
    public static func bar(_ value: Double, scale: Double, width: Int) -> String {
        guard width > 0, scale > 0, value > 0 else { return "" }
        let eighthsLong = min(width * 8, max(1, Int(clamping: (value / scale * Double(width * 8)).rounded())))
        let full = String(repeating: "█", count: eighthsLong / 8)
        let rest = eighthsLong % 8
        return rest == 0 ? full : full + String(eighths[rest - 1])
    }

    /// The column (0..<width) a value falls in on a bar of `width` cells scaled to `scale`.
    public static func column(of value: Double, scale: Double, width: Int) -> Int? {
        guard width > 0, scale > 0, value >= 0, value <= scale else { return nil }
        return min(width - 1, Int(clamping: value / scale * Double(width)))
    }
}
