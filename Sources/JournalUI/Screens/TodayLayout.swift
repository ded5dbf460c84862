/// One part of Today's body: an optional heading, its lines, and how to say that some were left out.
struct TodaySection {
    var heading: (String, Style)?
    var lines: [(String, Style)]
    /// Lower draws first when rows run out; equal values keep the order they were listed in.
    var priority: Int
    /// A blank row before it when rows are left over (none between the course lines and the checklist).
    var gapBefore = true
    /// Alerts are read whole: they keep every line while any row is left.
    var isWhole = false
    /// Fewest lines under the heading worth showing (the selected due item plus its "… more").
    var minimumLines = 1
    /// The line that must stay in view when the section shrinks (the selected due item).
    var keep = 0
    /// Items never listed (past a fixed cap such as six due items); counted in the "… N more" line.
    var beyond = 0
    /// Says how many lines were left out and the key that shows them all: "… 3 more (h)".
    var more: (Int) -> String = { "   … \($0) more" }

    var wanted: Int { lines.isEmpty ? 0 : (heading == nil ? 0 : 1) + lines.count + (beyond > 0 ? 1 : 0) }
    var minimum: Int { isWhole ? wanted : (heading == nil ? 0 : 1) + min(minimumLines, lines.count) }

    /// The section cut to `rows`: the heading, the lines that fit around `keep`, then "… N more".
    func shown(rows: Int) -> [(String, Style)] {
        guard rows > 0, !lines.isEmpty else { return [] }
        var out: [(String, Style)] = heading.map { [$0] } ?? []
        let room = rows - out.count
        if room >= lines.count + (beyond > 0 ? 1 : 0) { return out + lines + (beyond > 0 ? [(more(beyond), .dim)] : []) }
        if isWhole {
            // Never silently shortened: the last line that fits says it goes on.
            var cut = Array(lines.prefix(max(0, room)))
            if let last = cut.popLast() { cut.append((last.0 + " …", last.1)) }
            return out + cut
        }
        guard room > 0 else { return [] }
        let visible = room - 1
        let first = max(0, min(keep - visible + 1, lines.count - visible))
        out += lines[first..<(first + visible)]
        out.append((more(lines.count - visible + beyond), .dim))
        return out
    }
}

/// Fits Today's sections into the rows there are: every section first gets its minimum in
/// priority order (from the first that cannot have it on, sections are left out whole, heading
/// and all), then the rows left go top-down by priority, and blank rows between sections come last.
enum TodayLayout {
    static func lines(_ sections: [TodaySection], rows: Int) -> [(String, Style)] {
        let byPriority = sections.indices.sorted { (sections[$0].priority, $0) < (sections[$1].priority, $1) }
        var given = Array(repeating: 0, count: sections.count)
        var left = rows
        for index in byPriority where sections[index].wanted > 0 {
            let need = sections[index].minimum
            if need <= left {
                given[index] = need
                left -= need
            } else {
                if sections[index].isWhole { (given[index], left) = (left, 0) }
                // Nothing of lower priority jumps ahead of a section that did not fit.
                break
            }
        }
        for index in byPriority where given[index] > 0 {
            let more = min(left, sections[index].wanted - given[index])
            given[index] += more
            left -= more
        }
        var out: [(String, Style)] = []
        for index in sections.indices where given[index] > 0 {
            // The first section's gap is the blank row under the title bar.
            if sections[index].gapBefore && left > 0 {
                out.append(("", .plain))
                left -= 1
            }
            out += sections[index].shown(rows: given[index])
        }
        return out
    }

    /// Draws lines from `row` down, each cut with "…" to the column's width.
    static func draw(_ lines: [(String, Style)], into canvas: inout Canvas, rows: Range<Int>, column: Int, width: Int) {
        for (offset, line) in lines.enumerated() {
            let row = rows.lowerBound + offset
            guard row < rows.upperBound else { break }
            canvas.put(DisplayWidth.truncate(line.0, to: width), row: row, column: column, style: line.1, maxWidth: width)
        }
    }
}
