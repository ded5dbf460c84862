/// The keys a screen answers in its current mode, declared once: the hint bar is drawn from it,
/// the help lists it, and a read-only session refuses the keys it marks as editing before the
/// screen sees them. A screen builds its map from its mode; the tests check that every key in
/// every map is handled and that the hint bar shows what the map says.
public struct KeyMap: Equatable, Sendable {
    public struct Binding: Equatable, Sendable {
        /// The keys that do it (↑ and ↓ are one binding, "↑↓").
        public var keys: [Key]
        /// How the key is written in hints and help: "Enter", "^S", "[ ]".
        public var label: String
        /// What it does, in a word or two.
        public var action: String
        /// It changes the journal (or starts a form that would): refused when read-only, and
        /// left out of a read-only hint bar.
        public var edits: Bool
        /// Shown in the hint bar; otherwise only in the help.
        public var inHintBar: Bool
    }

    public var bindings: [Binding]

    /// - Parameter help: whether the help overlay opens from here (not over a safety notice
    ///   that must be read first). Its binding goes just before the last hint (back, quit,
    ///   cancel), so the hint bar keeps it at every width.
    public init(_ bindings: [Binding], help: Bool = true) {
        self.bindings = bindings
        guard help, !bindings.contains(where: { $0.action == Binding.helpAction }) else { return }
        let helpBinding = Binding.help(typing: !bindings.contains { $0.keys.contains { if case .character = $0 { true } else { false } } })
        let last = bindings.lastIndex { $0.inHintBar } ?? bindings.endIndex
        self.bindings.insert(helpBinding, at: last)
    }

    /// Whether this key opens the help here.
    public func opensHelp(_ key: Key) -> Bool { binding(for: key)?.action == Binding.helpAction }

    /// The binding a key belongs to, if the screen answers it.
    public func binding(for key: Key) -> Binding? { bindings.first { $0.keys.contains(key) } }

    /// Whether `key` edits: a read-only session refuses it.
    public func edits(_ key: Key) -> Bool { binding(for: key)?.edits ?? false }

    /// The hint bar's pairs, in the declared order; a read-only session gets no editing keys.
    public func hints(readOnly: Bool = false) -> [(String, String)] {
        bindings.filter { $0.inHintBar && !(readOnly && $0.edits) }.map { ($0.label, $0.action) }
    }
}

extension KeyMap.Binding {
    static let helpAction = "help"

    /// Help: `?` and F1 where keys are commands. A map with no character keys belongs to a
    /// field being typed in, where `?` is a character: there F1 alone opens it.
    static func help(typing: Bool) -> Self {
        typing ? .key("F1", helpAction, .function(1)) : .key("?", helpAction, .character("?"), .function(1))
    }

    /// A key that moves, shows or leaves: allowed when read-only.
    static func key(_ label: String, _ action: String, _ keys: Key..., hint: Bool = true) -> Self {
        Self(keys: keys.isEmpty ? Self.keys(for: label) : keys, label: label, action: action, edits: false, inHintBar: hint)
    }

    /// A key that changes the journal or starts a change.
    static func edit(_ label: String, _ action: String, _ keys: Key..., hint: Bool = true) -> Self {
        Self(keys: keys.isEmpty ? Self.keys(for: label) : keys, label: label, action: action, edits: true, inHintBar: hint)
    }

    /// The keys a label names, for the common ones; others are given explicitly.
    private static func keys(for label: String) -> [Key] {
        switch label {
        case "↑↓": return [.up, .down]
        case "←→", "← →": return [.left, .right]
        case "[ ]": return [.character("["), .character("]")]
        case "Enter": return [.enter]
        case "Esc": return [.escape]
        case "Tab": return [.tab]
        case "Space": return [.character(" ")]
        case "⌫": return [.backspace]
        case "^S": return [.control("s")]
        case "^U", "Ctrl-U": return [.control("u")]
        case "0-3": return ["0", "1", "2", "3"].map { .character(Character($0)) }
        default:
            // A one-character label is that character's key.
            return label.count == 1 ? [.character(label.first!)] : []
        }
    }
}
