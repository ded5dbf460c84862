import CNcursesw
import TerminalCanvas

/// How a `Style` looks on this terminal: attributes plus a colour pair.
struct CellLook: Equatable {
    var attributes: attr_t
    var pair: Int16
}

/// Maps styles to curses attributes, allocating colour pairs on first use.
final class StylePalette {
    /// The terminal shows colours (and we started them).
    let hasColors: Bool
    /// -1 ("the terminal's own colour") is allowed in pairs (`use_default_colors` worked).
    private let defaultColors: Bool
    private let pairLimit: Int
    private var pairs: [PairKey: Int16] = [:]
    private var looks: [Style: CellLook] = [:]

    private struct PairKey: Hashable {
        let foreground: Int16
        let background: Int16
    }

    /// Call after `newterm`. Without `drawsColour` colours are never started, so not one
    /// colour code reaches the terminal.
    init(drawsColour: Bool) {
        if drawsColour && has_colors() && start_color() == OK && isoj_colors() >= 8 {
            hasColors = true
            defaultColors = use_default_colors() == OK
            pairLimit = Int(min(isoj_color_pairs(), Int32(Int16.max)))
        } else {
            hasColors = false
            defaultColors = false
            pairLimit = 0
        }
    }

    func look(for style: Style) -> CellLook {
        if let known = looks[style] { return known }
        var attributes = isoj_attr_normal()
        if style.bold { attributes |= isoj_attr_bold() }
        if style.underline { attributes |= isoj_attr_underline() }
        if style.dim { attributes |= isoj_attr_dim() }
        var reverse = style.reverse
        var pair: Int16 = 0
        if style.foreground != nil || style.background != nil {
            if hasColors, let allocated = pairNumber(style.foreground, style.background) {
                pair = allocated
            } else if style.background != nil {
                // No colours (or no pair left): a coloured background, e.g. an alarm, still
                // has to stand out.
                reverse = true
            }
        }
        if reverse { attributes |= isoj_attr_reverse() }
        let look = CellLook(attributes: attributes, pair: pair)
        looks[style] = look
        return look
    }

    private func pairNumber(_ foreground: Color?, _ background: Color?) -> Int16? {
        let key = PairKey(foreground: number(foreground, fallback: Int16(COLOR_WHITE)),
                          background: number(background, fallback: Int16(COLOR_BLACK)))
        if let known = pairs[key] { return known }
        let next = pairs.count + 1 // pair 0 is the terminal's default and cannot be changed
        guard next < pairLimit, init_pair(Int16(next), key.foreground, key.background) == OK else { return nil }
        pairs[key] = Int16(next)
        return Int16(next)
    }

    /// Curses numbers black…white 0…7 in the same order as `Color`; -1 is "default".
    private func number(_ color: Color?, fallback: Int16) -> Int16 {
        if let color { return Int16(color.rawValue) }
        return defaultColors ? -1 : fallback
    }
}
