import Foundation
import JournalCore
#if canImport(Glibc)
import Glibc
#endif

/// `notify-send`, when the desktop has it. Local only: it talks to the session's
/// notification daemon, nothing leaves the machine.
struct DesktopNotifier {
    /// Why a notification could not be delivered, in IsoJournal's words (never notify-send's
    /// raw D-Bus error).
    enum Failure: Error, Equatable {
        case notInstalled
        case noDesktopSession
        case failed(exitStatus: Int32)

        var message: String {
            switch self {
            case .notInstalled:
                return "notification not sent: notify-send is not installed (Debian: apt-get install libnotify-bin)"
            case .noDesktopSession:
                return "notification not sent: no desktop session (from cron or a timer, set DBUS_SESSION_BUS_ADDRESS; see the README)"
            case .failed(let status):
                return "notification not sent: notify-send failed (exit \(status)); is a notification service running?"
            }
        }
    }

    let path: String

    /// notify-send on the PATH, in a session that can show it.
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<DesktopNotifier, Failure> {
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let path = directories.map({ "\($0)/notify-send" }).first(where: FileManager.default.isExecutableFile(atPath:)) else {
            return .failure(.notInstalled)
        }
        // notify-send needs the session bus; without it (and without a display to find it by) it can only fail.
        let session = ["DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY"].contains { !(environment[$0] ?? "").isEmpty }
        guard session else { return .failure(.noDesktopSession) }
        return .success(DesktopNotifier(path: path))
    }

    /// The text a notification shows: no control characters, and no markup — notification
    /// daemons read `<b>`, `<a href>` and entities in the body, so journal words are escaped.
    static func plainBody(_ text: String) -> String {
        TerminalText.line(text).replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Runs notify-send with its output discarded (its errors are D-Bus jargon; we say our own).
    func send(title: String, body: String, urgent: Bool) -> Result<Void, Failure> {
        var pid: pid_t = 0
        let arguments = [path, "--app-name=IsoJournal"] + (urgent ? ["--urgency=critical"] : []) + [title, Self.plainBody(body)]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return .failure(.failed(exitStatus: 127)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        let code = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return code == 0 ? .success(()) : .failure(.failed(exitStatus: code))
    }
}
