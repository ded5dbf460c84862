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
    /// `everyFailureExits` overrides the code for commands where 1 means something else
    /// (`remind` exits 1 when something is due).
    func reportingFailures(everyFailureExits: Int32? = nil, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CommandFailure {
            StandardOutput.warn(failure.message)
            throw everyFailureExits.map { ExitCode($0) } ?? failure.exitCode
        }
    }
}
