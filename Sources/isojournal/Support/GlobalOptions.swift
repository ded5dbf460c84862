import ArgumentParser

/// Options that say *which journal* and so belong to the whole program, not one command:
/// `isojournal --data-dir D log symptom headache 2` must work like
/// `isojournal log symptom headache 2 --data-dir D`.
///
/// ArgumentParser reads an option only on the command that declares it, and every command
/// that reads a journal declares these. So before parsing, the ones written among the command
/// words are moved to just after the last command word. Only the words up to the first one that
/// is neither a command nor one of these options are looked at: a value or a note that happens
/// to read "--data-dir" is never touched, and `--` ends the search.
enum GlobalOptions {
    /// Each takes a value, as `--data-dir D` or `--data-dir=D`.
    static let names: Set<String> = ["--data-dir", "--snapshot"]

    static func hoisted(_ arguments: [String], root: ParsableCommand.Type) -> [String] {
        var commandWords: [String] = []
        var moved: [String] = []
        var command = root
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { break }
            if let equals = word.firstIndex(of: "="), names.contains(String(word[..<equals])) {
                moved.append(word)
                index += 1
            } else if names.contains(word) {
                moved.append(contentsOf: arguments[index..<min(index + 2, arguments.count)])
                index += 2
            } else if let sub = subcommand(named: word, of: command) {
                commandWords.append(word)
                command = sub
                index += 1
            } else {
                break
            }
        }
        guard !moved.isEmpty else { return arguments }
        let rest = arguments[min(index, arguments.count)...]
        // Stopped on a group's word that names none of its commands (`log symtom`): that word is
        // the mistake. The group takes no journal options, and ArgumentParser would blame them
        // first, so they are left out and the error names the mistyped word.
        if let word = rest.first, !word.hasPrefix("-"), isGroup(command) {
            return commandWords + rest
        }
        return commandWords + moved + rest
    }

    /// A command that only holds others (`log`, `course`): it reads no option of its own.
    private static func isGroup(_ command: ParsableCommand.Type) -> Bool {
        !command.configuration.subcommands.isEmpty && command.configuration.defaultSubcommand == nil
    }

    private static func subcommand(named word: String, of command: ParsableCommand.Type) -> ParsableCommand.Type? {
        command.configuration.subcommands.first { sub in
            sub._commandName == word || sub.configuration.aliases.contains(word)
        }
    }
}
