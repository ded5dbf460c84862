/// How many terminal columns a character takes, computed in Swift so it does not depend
/// on the C library's locale tables (glibc's wcwidth changes with LANG).
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 } // control characters
        if v < 0x300 { return 1 } // fast path: Latin, the common case
        // An emoji presentation selector makes a text symbol wide.
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark
            || v == 0x200B || (v >= 0x200C && v <= 0x200F) { return 0 }
        if isWide(v) { return 2 }
        if first.properties.isEmojiPresentation { return 2 }
        return 1
    }

    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// East Asian Wide and Fullwidth blocks (Unicode 15 EastAsianWidth.txt, coarse ranges).
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `text` that fits in `columns`, with "…" when cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > columns - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// Pads with spaces (or truncates) to exactly `columns`.
    public static func fit(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        return cut + String(repeating: " ", count: max(0, columns - of(cut)))
    }

    /// Greedy word wrap to lines of at most `columns`; long words are broken.
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                while of(word) > columns {
                    if !line.isEmpty { lines.append(line); line = "" }
                    var head = ""
                    for c in word { if of(head) + of(c) > columns { break }; head.append(c) }
                    lines.append(head)
                    word.removeFirst(head.count)
                }
                if line.isEmpty { line = word }
                else if of(line) + 1 + of(word) <= columns { line += " " + word }
                else { lines.append(line); line = word }
            }
            lines.append(line)
        }
        return lines
    }
}
