/// A symptom grade as one cell: the digit itself (so it reads without colour) on a colour
/// that deepens with the grade (so it reads at a glance where there is colour).
public enum GradeCell {
    /// "·" for a day with no grade.
    public static func character(_ grade: Int?) -> String {
        guard let grade else { return "·" }
        return String(max(0, min(3, grade)))
    }

    public static func style(_ grade: Int?) -> Style {
        switch grade {
        case nil: return .dim
        case 0?: return Style(foreground: .green)
        case 1?: return Style(foreground: .black, background: .yellow)
        case 2?: return Style(foreground: .white, background: .magenta, bold: true)
        default: return Style(foreground: .white, background: .red, bold: true)
        }
    }

    /// "· not logged  0 none  1 noticeable …" drawn with the same styles, ending on `lastRow`:
    /// on one row when it fits, else on two.
    public static func drawLegend(into canvas: inout Canvas, lastRow: Int, column: Int, labels: [String]) {
        let items = [(nil as Int?, "not logged")] + labels.enumerated().map { (Optional($0.offset), $0.element) }
        let total = items.reduce(0) { $0 + 4 + DisplayWidth.of($1.1) }
        let split = column + total > canvas.width ? 3 : items.count
        for (part, slice) in [items.prefix(split), items.dropFirst(split)].enumerated() where !slice.isEmpty {
            var x = column
            let row = lastRow - (split < items.count ? 1 - part : 0)
            for (grade, label) in slice {
                x = canvas.put(character(grade), row: row, column: x, style: style(grade))
                x = canvas.put(" \(label)  ", row: row, column: x, style: grade == nil ? .dim : .plain)
            }
        }
    }
}
