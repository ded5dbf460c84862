/// Moving between the fields of a form, the same in every form: ↑↓ and Tab move, Enter
/// moves on and submits from the last field, Ctrl-S submits from anywhere, Esc cancels.
enum FieldNavigation {
    enum Result: Equatable {
        /// The key moved the focus (or was Enter on a middle field).
        case moved
        case submit
        case cancel
        /// Not a navigation key: the focused field should handle it.
        case forField
    }

    static func handle<Field: Equatable>(_ key: Key, order: [Field], focus: inout Field) -> Result {
        let index = order.firstIndex(of: focus) ?? 0
        switch key {
        case .escape:
            return .cancel
        case .control("s"):
            return .submit
        case .up, .backTab:
            focus = order[max(0, index - 1)]
        case .down, .tab:
            focus = order[min(order.count - 1, index + 1)]
        case .enter:
            if index == order.count - 1 { return .submit }
            focus = order[index + 1]
        default:
            return .forField
        }
        return .moved
    }
}
