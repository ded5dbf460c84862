/// A key press, decoded by the terminal backend.
public enum Key: Equatable, Sendable, Hashable {
    /// A printable character (never a control character).
    case character(Character)
    /// Ctrl plus a letter, lower-case: `.control("s")` for Ctrl-S.
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// A block of text pasted into the terminal (bracketed paste), whole: it goes into the
    /// text field being typed in, and is never read as keys (its newlines are not Enter, its
    /// letters not commands).
    case paste(String)
}
