import CNcursesw
import Glibc

/// Builds the wide-character string curses stores in one cell: one spacing character plus
/// at most four combining marks or variation selectors (curses' CCHARW_MAX is 5).
struct CellText {
    /// NUL-terminated, reused between cells to avoid an allocation per cell.
    private(set) var characters: [wchar_t] = []
    /// Whether the C library decodes UTF-8; if not, anything beyond ASCII is drawn as "?".
    let unicode: Bool

    init(unicode: Bool) {
        self.unicode = unicode
        characters.reserveCapacity(8)
    }

    /// Loads `grapheme`; returns false when nothing drawable remains (the caller draws a space).
    mutating func load(_ grapheme: String) -> Bool {
        characters.removeAll(keepingCapacity: true)
        var scalars = grapheme.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return false }
        let value = first.value
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return false } // controls
        if !unicode && value > 0x7E {
            characters.append(wchar_t(UInt8(ascii: "?")))
        } else if isoj_wcwidth(wchar_t(bitPattern: value)) < 0 {
            characters.append(0xFFFD) // the C library cannot print it: a visible stand-in
        } else {
            characters.append(wchar_t(bitPattern: value))
            // Only marks that stay in this cell; a zero-width joiner and what follows it
            // (emoji sequences) would make the terminal merge cells, so they are dropped.
            while let next = scalars.next(), characters.count < 5, Self.staysInCell(next) {
                characters.append(wchar_t(bitPattern: next.value))
            }
        }
        characters.append(0)
        return true
    }

    private static func staysInCell(_ scalar: Unicode.Scalar) -> Bool {
        if (0xFE00...0xFE0F).contains(scalar.value) { return true } // variation selectors
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return isoj_wcwidth(wchar_t(bitPattern: scalar.value)) == 0
        default: return false
        }
    }
}
