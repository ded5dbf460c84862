extension Int {
    /// The nearest whole number, for counting and drawing: NaN is 0, and anything beyond
    /// ±2⁵³ stops there — far enough from the integer limits that the few additions and
    /// multiplications done with it (chart heights, day counts) cannot overflow either.
    /// Swift's own `Int(_:)` stops the program on NaN, infinity or a value past the integers,
    /// so conversions of decoded or typed numbers go through here.
    public init(clamping value: Double) {
        let limit = 9_007_199_254_740_992.0 // 2⁵³
        if value.isNaN {
            self = 0
        } else {
            self.init(Swift.min(Swift.max(value, -limit), limit))
        }
    }
}

/// A number as people write it: whole numbers without ".0"; anything too large for a whole
/// number in the usual form (1e+20), never a crash.
enum NumberText {
    static func plain(_ rounded: Double) -> String? {
        guard rounded.isFinite, abs(rounded) < 1e15, rounded == rounded.rounded() else { return nil }
        return String(Int(clamping: rounded))
    }
}
