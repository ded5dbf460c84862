import Foundation

/// When the journal opens in plain mode, and starting it there.
enum PlainStart {
    /// TERM=dumb cannot draw screens but reads lines well (Emacs shells, some screen-reader
    /// setups): it gets the plain mode instead of a refusal. An unknown TERM is still refused.
    static var terminalIsDumb: Bool {
        ProcessInfo.processInfo.environment["TERM"] == "dumb"
    }

    static func wanted(flag: Bool) -> Bool { flag || terminalIsDumb }

    static func run(_ source: PlainJournal) {
        PlainSession(io: StandardPlainIO(), source: source).run()
    }
}
