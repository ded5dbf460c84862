import ArgumentParser
import Foundation

/// How commands end when they cannot do what was asked: one line on standard error and an
/// exit code scripts can rely on (2 = the input was wrong, 1 = something else stopped it).
enum CommandFailure: Error {
    case badInput(String)
    case runtime(String)

    var exitCode: ExitCode {
        switch self {
        case .badInput: return ExitCode(2)
        case .runtime: return ExitCode(1)
        }
    }

    var message: String {
        switch self {
        case .badInput(let text), .runtime(let text): return text
        }
    }
}

extension ParsableCommand {
    /// Runs `body`, turning a `CommandFailure` into its message and exit code.
    func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data(("isojournal: " + failure.message + "\n").utf8))
            throw failure.exitCode
        }
    }
}

/// Prints to standard output.
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
