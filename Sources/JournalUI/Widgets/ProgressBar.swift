/// A horizontal bar "[██████░░░░]" for a fraction 0...1 (clamped).
public enum ProgressBar {
    public static func text(fraction: Double, width: Int) -> String {
        guard width > 2 else { return "" }
        let inner = width - 2
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let filled = Int(clamping: (clamped * Double(inner)).rounded(.down))
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: inner - filled) + "]"
    }
}
