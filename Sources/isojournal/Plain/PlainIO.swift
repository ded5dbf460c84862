import Foundation
import JournalCore

/// The plain mode's only contact with the outside: a line in, a line out. Tests script it;
/// the program uses standard input and output.
protocol PlainIO: AnyObject {
    /// One line typed, without its line break; nil at the end of input.
    func readLine() -> String?
    func write(_ line: String)
}

/// Standard input and output, flushed after every line so a screen reader (or a pipe) sees
/// each prompt before the program waits for the answer.
final class StandardPlainIO: PlainIO {
    func readLine() -> String? {
        Swift.readLine(strippingNewline: true)
    }

    func write(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// Reaching the end of input anywhere in a menu or a prompt: the session stops, cleanly.
struct EndOfInput: Error {}

extension PlainIO {
    /// Writes one line made safe: no escape sequence ever reaches the terminal, and a line
    /// break inside a note is shown (⏎), never started, so a note cannot forge a line of its own
    /// (a screen reader reads line by line). Every text the plain mode says is one line.
    func say(_ text: String) {
        write(TerminalText.line(text))
    }

    /// Asks, then reads one answer, trimmed (a carriage return from a Windows-style terminal too).
    func ask(_ prompt: String) throws(EndOfInput) -> String {
        say(prompt)
        guard let line = readLine() else { throw EndOfInput() }
        return line.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A yes or no answer, asked again until it is one of them; nil when the person goes back.
    func askYesNo(_ prompt: String) throws(EndOfInput) -> Bool? {
        while true {
            let answer = try ask(prompt + " Type y for yes or n for no.").lowercased()
            switch answer {
            case "y", "yes": return true
            case "n", "no": return false
            case "", "q": return nil
            default: say("Please answer y or n.")
            }
        }
    }
}

/// "q" or an empty line: go back.
func isBackAnswer(_ answer: String) -> Bool { answer.isEmpty || answer.lowercased() == "q" }
