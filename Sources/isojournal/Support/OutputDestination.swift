import Foundation
import Glibc
import JournalCore
import JournalStore

/// Where a report or an export goes: standard output (no `-o`, or `-o -`) or a file, written
/// through `OutputFile` so it can never replace the journal or an existing file by accident.
/// Every command that writes a file for someone else goes through here.
enum OutputDestination {
    /// Writes `bytes`; returns the file written, or nil for standard output. `readOnScreen`:
    /// the output is text a person reads (Markdown, HTML, CSV), so on standard output it is made
    /// terminal-safe; a file gets the bytes as they are (its own format escapes what it must).
    @discardableResult
    static func deliver(_ bytes: [UInt8], to output: String?, force: Bool, readOnScreen: Bool,
                        journalFolder: String) throws(CommandFailure) -> String? {
        guard let output, output != "-" else {
            StandardOutput.ignoreFileSizeSignal()
            let shown = readOnScreen ? Array(TerminalText.block(String(decoding: bytes, as: UTF8.self)).utf8) : bytes
            if let failure = StandardOutput.write(bytes: shown, to: STDOUT_FILENO),
               failure.code != EPIPE {
                throw CommandFailure.runtime("Could not write to standard output: \(failure.plainWords).")
            }
            return nil
        }
        StandardOutput.ignoreFileSizeSignal()
        do throws(OutputFileError) {
            try OutputFile.write(bytes, to: output, journalFolder: journalFolder, replacing: force)
        } catch {
            switch error {
            case .insideJournalFolder, .alreadyExists, .symbolicLink, .notAFile:
                throw CommandFailure.badInput(error.message())
            case .notWritten, .notSynced:
                throw CommandFailure.runtime(error.message())
            }
        }
        return output
    }
}
