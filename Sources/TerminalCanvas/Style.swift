/// Colours the UI asks for. The terminal backend maps them to what the terminal has,
/// or drops them when it has none (bold/reverse still carry the meaning then).
public enum Color: Int, Sendable, Equatable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
}

public struct Style: Equatable, Sendable, Hashable {
    public var foreground: Color?
    public var background: Color?
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false

    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false,
                reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let dim = Style(dim: true)
    /// The selected row of a list.
    public static let selected = Style(reverse: true)
    public static let titleBar = Style(foreground: .white, background: .blue, bold: true)
    public static let hintBar = Style(reverse: true)
    public static let warning = Style(foreground: .yellow, bold: true)
    /// Red flags and anything the patient must not miss.
    public static let alarm = Style(foreground: .white, background: .red, bold: true)
    public static let good = Style(foreground: .green)
}
