import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and collects its exit status and output. Uses posix_spawn directly:
/// Foundation's Process hangs waiting on a forked `tmux new-session -d` on this platform.
struct Subprocess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// `stdin` nil means /dev/null.
    static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("isoj-run-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = scratch.appendingPathComponent("out").path
        let errPath = scratch.appendingPathComponent("err").path
        let inPath = scratch.appendingPathComponent("in").path
        FileManager.default.createFile(atPath: inPath, contents: Data((stdin ?? "").utf8))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin == nil ? "/dev/null" : inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let envStrings = env.map { "\($0)=\($1)" }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = envStrings.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        // The child starts with no signal blocked and default actions, as from a shell. The test
        // runner blocks some (SIGHUP, SIGTERM among them); a tmux server and its panes inheriting
        // that mask would survive `kill-server` and linger after the test.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            return Result(status: -1, stdout: "", stderr: "spawn failed: \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Result(status: code, stdout: out, stderr: err)
    }
}

/// Where the built `isojournal` is: beside the test bundle, or named by ISOJOURNAL_BINARY.
enum Binary {
    static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["ISOJOURNAL_BINARY"] { return explicit }
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        // On Linux the test runner is <build>/debug/<Package>PackageTests.xctest.
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("isojournal").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/isojournal").path
    }()
}

/// A fresh, private data directory for one test.
final class TemporaryJournal {
    let directory: String
    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("isoj-e2e-\(UUID().uuidString)/journal").path
    }
    deinit { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: directory).deletingLastPathComponent().path) }

    /// Added to every run's environment (e.g. `ISOJOURNAL_STATE_DIR`, this machine's device file).
    var extraEnvironment: [String: String] = [:]
    var environment: [String: String] {
        ["ISOJOURNAL_DATA_DIR": directory, "TZ": "UTC", "LANG": "C.UTF-8"].merging(extraEnvironment) { $1 }
    }

    func run(_ arguments: String..., stdin: String? = nil) -> Subprocess.Result {
        Subprocess.run([Binary.path] + arguments, environment: environment, stdin: stdin)
    }
}
