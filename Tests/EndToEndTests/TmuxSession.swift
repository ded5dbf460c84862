import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real binary in a real terminal: a private tmux server per test.
final class TmuxSession {
    let socket = "isoj-test-\(getpid())-\(UUID().uuidString.prefix(8))"

    /// Starts `command` (a shell command line) in a detached session of the given size.
    /// When the command ends, the pane prints "[exited N]" and stays, so tests can read it.
    init(_ command: String, width: Int = 80, height: Int = 24) {
        let wrapped = "\(command); echo \"[exited $?]\"; sleep 600"
        _ = tmux("new-session", "-d", "-x", "\(width)", "-y", "\(height)", wrapped)
    }

    deinit { _ = tmux("kill-server") }

    @discardableResult
    func tmux(_ arguments: String...) -> Subprocess.Result {
        Subprocess.run(["tmux", "-f", "/dev/null", "-L", socket] + arguments)
    }

    /// tmux key names ("Enter", "Escape", "Down", "C-c") or literal text.
    func send(_ keys: String...) {
        for key in keys { tmux("send-keys", "-t", "0", key) }
    }

    /// Literal text, never interpreted as key names.
    func type(_ text: String) { tmux("send-keys", "-t", "0", "-l", text) }

    var screen: String { tmux("capture-pane", "-p", "-t", "0").stdout }

    var alternateScreenOn: Bool {
        tmux("display", "-p", "-t", "0", "#{alternate_on}").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// The pid of the program running in the pane's shell, if any.
    var panePID: Int32? { Int32(tmux("display", "-p", "-t", "0", "#{pane_pid}").stdout.trimmingCharacters(in: .whitespacesAndNewlines)) }

    func resize(width: Int, height: Int) {
        tmux("resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)")
    }

    /// Polls the screen until it contains `text`; true if it did within `seconds`.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if screen.contains(text) { return true }
            usleep(50_000)
        }
        return screen.contains(text)
    }

    /// Polls until the screen contains one of `texts`; the first one found, or nil.
    func waitForAny(_ texts: [String], seconds: Double = 10) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            let current = screen
            if let found = texts.first(where: { current.contains($0) }) { return found }
            usleep(50_000)
        } while Date() < deadline
        return nil
    }
}
