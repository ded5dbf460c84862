import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal encrypt`: the data folder sealed with a passphrase, in place.
struct EncryptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encrypt",
        abstract: "Encrypt the journal folder with a passphrase (every entry, in place; crash-safe).",
        discussion: """
            Every line of the journal is sealed on its own (ChaCha20-Poly1305 with a key made from your passphrase \
            by scrypt), so a save stays one append. From then on every command asks for the passphrase, or runs \
            --passphrase-command / $ISOJOURNAL_PASSPHRASE_COMMAND (for cron: e.g. 'secret-tool lookup app isojournal' \
            or 'pass show isojournal'). If it is interrupted, run it again: the journal reads either way. A journal \
            kept on several machines is encrypted for all of them (they share the passphrase); close IsoJournal on \
            the others first. There is no way back in without the passphrase: keep it somewhere safe.
            """
    )
    @Option(help: ArgumentHelp("scrypt work factor as a power of two (default 17: about half a second to a second here).",
                               valueName: "n")) var workFactor: Int = JournalKey.defaultLogN
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            guard (JournalKey.minimumLogN...JournalKey.maximumLogN).contains(workFactor) else {
                throw CommandFailure.badInput("--work-factor: between \(JournalKey.minimumLogN) and \(JournalKey.maximumLogN).")
            }
            let (directory, device) = try location.folderAndDevice()
            let keyPath = DataDirectory(path: directory).file(JournalKey.fileName)
            let passphrase: [UInt8]
            if FileManager.default.fileExists(atPath: keyPath) {
                // Finishing an encryption that was cut short: the passphrase already chosen.
                passphrase = try location.passphrase.source().open("the journal in \(directory)") { bytes in
                    (try? JournalKey.unlock(Array(FileManager.default.contents(atPath: keyPath) ?? Data()), passphrase: String(decoding: bytes, as: UTF8.self))) != nil ? bytes : nil
                }
            } else {
                passphrase = try location.passphrase.source().newPassphrase(for: "the journal in \(directory)")
            }
            let outcome: FolderEncryption.Outcome
            do {
                outcome = try FolderEncryption.encrypt(directory: directory, device: device,
                                                       passphrase: String(decoding: passphrase, as: UTF8.self), logN: workFactor)
            } catch let error as FolderEncryption.Failure {
                throw CommandFailure.runtime(error.description)
            }
            say("Encrypted: \(outcome.linesChanged) line\(outcome.linesChanged == 1 ? "" : "s") in \(outcome.filesRewritten) "
                + "file\(outcome.filesRewritten == 1 ? "" : "s") sealed (key \(outcome.keyID)). Keep the passphrase safe: without it the journal cannot be opened.")
            for file in outcome.unfinishedFiles {
                say("\(TerminalText.line(file)) ends in an unfinished line (a save or a sync in progress); run `isojournal encrypt` again once it is whole.")
            }
        }
    }
}

/// `isojournal decrypt`: back to plain files.
struct DecryptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decrypt",
        abstract: "Turn an encrypted journal folder back into plain files (asks first; --yes to do it)."
    )
    @Flag(help: "Do it without asking.") var yes = false
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let (directory, device) = try location.folderAndDevice()
            let keyPath = DataDirectory(path: directory).file(JournalKey.fileName)
            guard let keyFile = FileManager.default.contents(atPath: keyPath) else {
                say("The journal in \(TerminalText.line(directory)) is not encrypted: nothing to do.")
                return
            }
            if !yes {
                guard isatty(0) == 1 else {
                    say("Nothing has been changed. To store the journal unencrypted again, run: isojournal decrypt --yes")
                    return
                }
                FileHandle.standardOutput.write(Data("Store the journal unencrypted again (anyone who can read your files can read it)? [y/N] ".utf8))
                guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                    say("Nothing has been changed.")
                    return
                }
            }
            let passphrase = try location.passphrase.source().open("the journal in \(directory)") { bytes in
                (try? JournalKey.unlock(Array(keyFile), passphrase: String(decoding: bytes, as: UTF8.self))) != nil ? bytes : nil
            }
            do {
                let outcome = try FolderEncryption.decrypt(directory: directory, device: device, passphrase: String(decoding: passphrase, as: UTF8.self))
                if let keyID = try? JournalKey.keyID(of: Array(keyFile)) { KeyCache.forget(keyID: keyID) }
                say("Decrypted: \(outcome.linesChanged) line\(outcome.linesChanged == 1 ? "" : "s") in \(outcome.filesRewritten) file\(outcome.filesRewritten == 1 ? "" : "s") are plain again"
                    + (outcome.unfinishedFiles.isEmpty ? "; journal.key removed." : "; some files were unfinished, so journal.key was kept: run it again."))
            } catch let error as FolderEncryption.Failure {
                throw CommandFailure.runtime(error.description)
            }
        }
    }
}

/// `isojournal passphrase`: a new passphrase for an encrypted journal; no entry is rewritten.
struct PassphraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passphrase",
        abstract: "Change an encrypted journal's passphrase (only journal.key changes; the other machines get it by sync).",
        discussion: "The current passphrase is asked first (or comes from --passphrase-command), then the new one twice (or from --new-passphrase-command)."
    )
    @Option(help: ArgumentHelp("Run this shell command to get the new passphrase.", valueName: "command")) var newPassphraseCommand: String?
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let (directory, _) = try location.folderAndDevice()
            let keyPath = DataDirectory(path: directory).file(JournalKey.fileName)
            guard let keyFile = FileManager.default.contents(atPath: keyPath) else {
                throw CommandFailure.badInput("The journal in \(directory) is not encrypted: use `isojournal encrypt`.")
            }
            let old = try location.passphrase.source().open("the journal in \(directory)") { bytes in
                (try? JournalKey.unlock(Array(keyFile), passphrase: String(decoding: bytes, as: UTF8.self))) != nil ? bytes : nil
            }
            let newSource: PassphraseSource = newPassphraseCommand.map { .command($0, origin: "--new-passphrase-command") } ?? .terminal
            let new = try newSource.newPassphrase(for: "the journal (new)")
            do {
                try FolderEncryption.changePassphrase(directory: directory, old: String(decoding: old, as: UTF8.self),
                                                      new: String(decoding: new, as: UTF8.self))
            } catch let error as FolderEncryption.Failure {
                throw CommandFailure.runtime(error.description)
            }
            say("The passphrase is changed. Other machines sharing this folder use the new one once journal.key has synced.")
        }
    }
}

/// `isojournal lock`: forgets the unlocked key now, so the next command asks again.
struct LockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lock",
        abstract: "Forget the encrypted journal's unlocked key now (it is otherwise kept 15 minutes in this login session).",
        discussion: "ISOJOURNAL_KEY_CACHE_SECONDS sets how long an unlocked key is kept; 0 keeps it not at all."
    )
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let (directory, _) = try location.folderAndDevice()
            guard let keyFile = FileManager.default.contents(atPath: DataDirectory(path: directory).file(JournalKey.fileName)),
                  let keyID = try? JournalKey.keyID(of: Array(keyFile)) else {
                say("The journal in \(TerminalText.line(directory)) is not encrypted: there is no key to forget.")
                return
            }
            say(KeyCache.forget(keyID: keyID) ? "Locked: the next command asks for the passphrase."
                                              : "No unlocked key was kept: the next command asks for the passphrase anyway.")
        }
    }
}
