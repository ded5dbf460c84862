/// A vertical form of labelled fields: free text or a choice among options. Screens own
/// the meaning of each field; the form only edits and draws them.
public struct Form: Equatable, Sendable {
    public enum Value: Equatable, Sendable {
        case text(TextField)
        case choice(options: [String], selected: Int)
    }

    public struct Field: Equatable, Sendable {
        public let key: String
        public let label: String
        public var value: Value
        /// A short help line shown under the form while this field has focus.
        public let help: String

        public init(key: String, label: String, value: Value, help: String = "") {
            self.key = key
            self.label = label
            self.value = value
            self.help = help
        }
    }

    public var fields: [Field]
    public var focus = 0

    public init(fields: [Field]) { self.fields = fields }

    public enum Outcome: Equatable { case editing, submitted, cancelled }

    public mutating func handle(_ key: Key) -> Outcome {
        switch FieldNavigation.handle(key, order: Array(fields.indices), focus: &focus) {
        case .submit: return .submitted
        case .cancel: return .cancelled
        case .moved: return .editing
        case .forField:
            switch fields[focus].value {
            case .text(var field):
                _ = field.handle(key)
                fields[focus].value = .text(field)
            case .choice(let options, var selected):
                switch key {
                case .left: selected = (selected + options.count - 1) % options.count
                case .right, .character(" "): selected = (selected + 1) % options.count
                default: break
                }
                fields[focus].value = .choice(options: options, selected: selected)
            }
        }
        return .editing
    }

    /// The text of a text field, or the selected option of a choice.
    public func value(_ key: String) -> String {
        guard let field = fields.first(where: { $0.key == key }) else { return "" }
        switch field.value {
        case .text(let text): return text.text.trimmingCharacters(in: .whitespaces)
        case .choice(let options, let selected): return options[selected]
        }
    }

    public mutating func focus(on key: String) {
        if let index = fields.firstIndex(where: { $0.key == key }) { focus = index }
    }

    /// Draws the fields from `top`, one per row, and the focused field's help on `helpRow`.
    public func draw(into canvas: inout Canvas, top: Int, labelWidth: Int, helpRow: Int?) {
        // Rows above the status and hint lines (and the help line, when it sits below the form).
        let bottom = min(canvas.height - 2, helpRow ?? canvas.height - 2)
        let room = max(1, bottom - top)
        // When the fields do not all fit, scroll so the focused one is visible.
        let first = fields.count <= room ? 0 : min(max(0, focus - room / 2), fields.count - room)
        for (index, field) in fields.enumerated() where index >= first {
            let row = top + index - first
            guard row < bottom else { break }
            let focused = index == focus
            canvas.put((focused ? "▸ " : "  ") + DisplayWidth.fit(field.label, to: labelWidth), row: row, column: 0,
                       style: focused ? .bold : .plain)
            let column = labelWidth + 3
            let width = max(1, canvas.width - column - 1)
            switch field.value {
            case .text(let text):
                if focused {
                    text.draw(into: &canvas, row: row, column: column, width: width)
                } else {
                    canvas.put(DisplayWidth.truncate(text.text, to: width), row: row, column: column)
                }
            case .choice(let options, let selected):
                var x = column
                for (optionIndex, option) in options.enumerated() {
                    let chosen = optionIndex == selected
                    // The real cursor on the chosen option of the focused field: braille displays follow it.
                    if chosen && focused { canvas.cursor = (row, x + 1) }
                    let label = chosen ? "(•) " + option : "( ) " + option
                    x = canvas.put(label, row: row, column: x, style: chosen ? (focused ? .selected : .bold) : .dim) + 2
                }
            }
        }
        if let helpRow, fields.indices.contains(focus), !fields[focus].help.isEmpty {
            canvas.put(" " + DisplayWidth.truncate(fields[focus].help, to: canvas.width - 2), row: helpRow, column: 0, style: .dim)
        }
    }
}
