import Foundation
import Glibc
import JournalCore
import JournalStore

/// Writing to standard output and standard error without ever crashing.
///
/// Foundation's `FileHandle.write(_:)` stops the program with a trap when the write fails:
/// output redirected to a full disk (`> /dev/full`), a file past `ulimit -f`, a closed pipe.
/// A journal command must not die like that — by then its entry may already be saved — so
/// these write with `write(2)` and report a failure instead.
enum StandardOutput {
    /// Every byte to `descriptor`, continuing after short writes and interruptions. nil when
    /// all was written, else the error.
    static func write(_ text: String, to descriptor: Int32) -> SystemError? {
        write(bytes: Array(text.utf8), to: descriptor)
    }

    /// Like `write(_:to:)`, for bytes that are not necessarily text (a snapshot).
    static func write(bytes all: [UInt8], to descriptor: Int32) -> SystemError? {
        var bytes = all[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return SystemError(errno, call: "write")
            }
            if written == 0 { return SystemError(EIO, call: "write") }
            bytes = bytes.dropFirst(written)
        }
        return nil
    }

    /// Output redirected to a file past `ulimit -f` would raise SIGXFSZ, which kills: with it
    /// ignored the write fails with EFBIG and is reported. (Commands that save ignore it anyway.)
    static func ignoreFileSizeSignal() { _ = fileSizeSignalIgnored }
    private static let fileSizeSignalIgnored: Bool = { _ = signal(SIGXFSZ, SIG_IGN); return true }()

    /// One line on standard error, prefixed "isojournal: ". If even that fails there is
    /// nowhere left to tell anyone, so the failure is ignored.
    /// Messages echo what was typed and what files hold, so they are made terminal-safe here.
    static func warn(_ text: String) {
        _ = write("isojournal: " + TerminalText.line(text) + "\n", to: STDERR_FILENO)
    }
}

/// Prints a line to standard output. If the output cannot be written (a full disk, a file-size
/// limit, a closed pipe), says so on standard error and ends the program with exit code 1:
/// whatever the command saved before printing stays saved.
/// Everything printed this way is made terminal-safe (`TerminalText.block`): notes, names and
/// paths in it cannot drive the terminal.
func say(_ text: String) {
    sayExactly(TerminalText.block(text))
}

/// `say` for text that must reach the reader unchanged: JSON, whose own escaping keeps it safe
/// for a terminal and whose content scripts rely on.
private func sayExactly(_ text: String) {
    StandardOutput.ignoreFileSizeSignal()
    guard let failure = StandardOutput.write(text + "\n", to: STDOUT_FILENO) else { return }
    if failure.code != EPIPE { // a reader that went away (`| head`) needs no explanation
        StandardOutput.warn("could not write the output: \(failure.plainWords). "
                            + "Anything the command saved before this is saved.")
    }
    exit(1)
}

/// Prints a value as pretty JSON with sorted keys: the `--json` output of every command.
func say<Value: Encodable>(json value: Value) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    sayExactly(String(decoding: try encoder.encode(value), as: UTF8.self))
}
