import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `notify-send`, when the desktop has it. Local only: it talks to the session's
/// notification daemon, nothing leaves the machine.
struct DesktopNotifier {
    let path: String

    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> DesktopNotifier? {
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for directory in directories {
            let candidate = "\(directory)/notify-send"
            if FileManager.default.isExecutableFile(atPath: candidate) { return DesktopNotifier(path: candidate) }
        }
        return nil
    }

    /// True when notify-send ran and exited 0.
    func send(title: String, body: String) -> Bool {
        var pid: pid_t = 0
        let arguments = [path, "--app-name=IsoJournal", title, body]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, path, nil, nil, argv, environ) == 0 else { return false }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status == 0
    }
}
