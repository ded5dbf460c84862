import JournalUI

/// The scripted keys of the hidden `open --keys FILE` mode, parsed.
///
/// Notation, read line by line (line breaks themselves are not keys):
/// - plain text is typed character by character: `61`, `cracked corners`;
/// - `<Name>` is one key: `<Enter>` `<Esc>` `<Tab>` `<BackTab>` `<Backspace>` `<Delete>`
///   `<Up>` `<Down>` `<Left>` `<Right>` `<Home>` `<End>` `<PageUp>` `<PageDown>`, `<F1>`…`<F63>`,
///   `<C-s>` (Ctrl plus a letter), `<lt>` (a literal "<");
/// - `<paste TEXT>` is a bracketed paste of TEXT (`\n` in TEXT is a line break);
/// - `<resize 60x20>` resizes the screen;
/// - `<screen>` prints the screen as it is at that point.
/// A line may mix them: `<Down>61<C-s>`.
enum KeyScript {
    enum Step: Equatable {
        case key(Key)
        case resize(width: Int, height: Int)
        case screen
    }

    struct Problem: Error {
        let message: String
    }

    static func parse(_ text: String) throws(Problem) -> [Step] {
        var steps: [Step] = []
        // "\r\n" is one Character in Swift, so split on every kind of line break, not on "\n".
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            var rest = line
            while let first = rest.first {
                guard first == "<", let close = rest.firstIndex(of: ">") else {
                    steps.append(.key(.character(first)))
                    rest = rest.dropFirst()
                    continue
                }
                let name = rest[rest.index(after: rest.startIndex)..<close]
                guard let step = self.step(named: String(name)) else {
                    throw Problem(message: "line \(index + 1): unknown key <\(name)>")
                }
                steps.append(step)
                rest = rest[rest.index(after: close)...]
            }
        }
        return steps
    }

    private static let named: [String: Key] = [
        "Enter": .enter, "Esc": .escape, "Tab": .tab, "BackTab": .backTab, "Backspace": .backspace,
        "Delete": .delete, "Up": .up, "Down": .down, "Left": .left, "Right": .right, "Home": .home,
        "End": .end, "PageUp": .pageUp, "PageDown": .pageDown, "lt": .character("<"),
    ]

    private static func step(named name: String) -> Step? {
        if name == "screen" { return .screen }
        if let key = named[name] { return .key(key) }
        if name.hasPrefix("paste ") {
            return .key(.paste(name.dropFirst(6).replacingOccurrences(of: "\\n", with: "\n")))
        }
        if name.hasPrefix("resize ") {
            let size = name.dropFirst(7).split(separator: "x").compactMap { Int($0) }
            guard size.count == 2, size[0] > 0, size[1] > 0 else { return nil }
            return .resize(width: size[0], height: size[1])
        }
        if name.hasPrefix("C-"), name.count == 3, let letter = name.last, letter.isLetter, letter.isASCII {
            return .key(.control(Character(letter.lowercased())))
        }
        if name.hasPrefix("F"), let number = Int(name.dropFirst()), (1...63).contains(number) {
            return .key(.function(number))
        }
        return nil
    }
}
