import ArgumentParser
import Foundation
import Glibc

/// `--passphrase-command CMD`: where a passphrase comes from when no one is at a terminal.
///
/// Shared by everything that encrypts or decrypts (snapshots now, the journal at rest later):
/// add `@OptionGroup var passphrase: PassphraseOptions` and ask `passphrase.source()`.
/// There is deliberately no option or variable holding the passphrase itself: command lines
/// and environments are visible to other processes and end up in shell histories and logs.
struct PassphraseOptions: ParsableArguments {
    static let environmentVariable = "ISOJOURNAL_PASSPHRASE_COMMAND"

    @Option(name: .customLong("passphrase-command"),
            help: ArgumentHelp("Run this shell command to get the passphrase instead of asking at the terminal (its output minus one "
                               + "trailing newline; default: $ISOJOURNAL_PASSPHRASE_COMMAND). For scripts and cron, e.g. 'pass show isojournal'.",
                               valueName: "command"))
    var passphraseCommand: String?

    /// The option, else the environment variable, else the terminal.
    func source(environment: [String: String] = ProcessInfo.processInfo.environment) -> PassphraseSource {
        if let passphraseCommand { return .command(passphraseCommand, origin: "--passphrase-command") }
        if let command = environment[Self.environmentVariable], !command.isEmpty {
            return .command(command, origin: Self.environmentVariable)
        }
        return .terminal
    }
}

/// Where one passphrase comes from: a command's output, or the person at the terminal.
enum PassphraseSource: Equatable {
    case command(String, origin: String)
    case terminal

    /// Wrong passphrases in a row at the prompt before giving up.
    static let maximumTries = 5

    /// A passphrase for something about to be encrypted. At the terminal it is typed twice,
    /// since a typo would lock the data away for good.
    func newPassphrase(for what: String) throws(CommandFailure) -> [UInt8] {
        switch self {
        case let .command(command, origin):
            return try Self.run(command, origin: origin)
        case .terminal:
            let first = try PassphrasePrompt.ask("Passphrase for \(what): ")
            guard !first.isEmpty else { throw CommandFailure.badInput("No passphrase was typed: nothing was written.") }
            let second = try PassphrasePrompt.ask("Type it again: ")
            guard first == second else { throw CommandFailure.badInput("The two passphrases differ: nothing was written.") }
            return first
        }
    }

    /// Opens something encrypted: `attempt` gets a passphrase and returns nil when it is the
    /// wrong one. At the terminal the person may try again, five times in all; a command's
    /// passphrase is tried once (asking again would only get the same answer, or hang cron).
    func open<Opened>(_ what: String, _ attempt: ([UInt8]) throws(CommandFailure) -> Opened?) throws(CommandFailure) -> Opened {
        switch self {
        case let .command(command, origin):
            if let opened = try attempt(try Self.run(command, origin: origin)) { return opened }
            throw CommandFailure.runtime("The passphrase from \(origin) does not open \(what). Nothing was shown.")
        case .terminal:
            for _ in 1...Self.maximumTries {
                if let opened = try attempt(try PassphrasePrompt.ask("Passphrase for \(what): ")) { return opened }
                PassphrasePrompt.say("That passphrase does not open \(what).")
            }
            throw CommandFailure.runtime("\(Self.maximumTries) wrong passphrases in a row: \(what) was not opened.")
        }
    }

    /// Runs `command` with /bin/sh -c, standard error and input passed through (a password
    /// manager may need them); its standard output less one trailing newline is the passphrase.
    static func run(_ command: String, origin: String) throws(CommandFailure) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            throw CommandFailure.runtime("The passphrase command (\(origin)) could not be started: nothing was read or written.")
        }
        var bytes = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how = process.terminationReason == .exit ? "exited with status \(process.terminationStatus)"
                                                         : "was stopped by signal \(process.terminationStatus)"
            throw CommandFailure.runtime("The passphrase command (\(origin)) \(how): nothing was read or written.")
        }
        if bytes.last == 0x0A { bytes.removeLast() }
        guard !bytes.isEmpty else {
            throw CommandFailure.runtime("The passphrase command (\(origin)) printed no passphrase: nothing was read or written.")
        }
        return bytes
    }
}

/// Reads a line from /dev/tty with echo off. The terminal's settings are put back on every
/// way out: return, error, and the signals a person sends (Ctrl-C, Ctrl-\, hang-up, kill).
enum PassphrasePrompt {
    static func ask(_ prompt: String) throws(CommandFailure) -> [UInt8] {
        let fd = Glibc.open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            throw CommandFailure.badInput("There is no terminal to ask for the passphrase. "
                                          + "Give --passphrase-command CMD or set \(PassphraseOptions.environmentVariable).")
        }
        defer { close(fd) }
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else {
            throw CommandFailure.badInput("The terminal cannot hide what is typed, so no passphrase was asked. "
                                          + "Give --passphrase-command CMD or set \(PassphraseOptions.environmentVariable).")
        }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        quiet.c_lflag |= tcflag_t(ECHONL) // the Enter still moves to the next line
        promptTerminal = fd
        promptSettings = saved
        let previous = interruptions.map { ($0, signal($0, restoreAndResend)) }
        _ = tcsetattr(fd, TCSAFLUSH, &quiet)
        defer {
            _ = tcsetattr(fd, TCSAFLUSH, &saved)
            promptTerminal = -1
            for (number, handler) in previous { _ = signal(number, handler) }
        }
        write(fd, prompt)
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(fd, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else {
                write(fd, "\n")
                throw CommandFailure.badInput("No passphrase was given (the input ended): nothing was read or written.")
            }
            if byte == 0x0A { break }
            line.append(byte)
        }
        if line.last == 0x0D { line.removeLast() }
        return line
    }

    /// A line on the terminal itself (standard error may be a log file).
    static func say(_ text: String) {
        let fd = Glibc.open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return StandardOutput.warn(text) }
        write(fd, text + "\n")
        close(fd)
    }

    private static func write(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        _ = Glibc.write(fd, &bytes, bytes.count)
    }

    private static let interruptions = [SIGINT, SIGQUIT, SIGTERM, SIGHUP]
}

// Read by the signal handler, which can capture nothing.
nonisolated(unsafe) private var promptTerminal: Int32 = -1
nonisolated(unsafe) private var promptSettings = termios()

/// Puts the terminal's echo back, then lets the signal do what it would have done.
private func restoreAndResend(_ number: Int32) {
    if promptTerminal >= 0 {
        _ = tcsetattr(promptTerminal, TCSANOW, &promptSettings)
        var newline: UInt8 = 0x0A
        _ = write(promptTerminal, &newline, 1)
    }
    _ = signal(number, SIG_DFL)
    _ = raise(number)
}
