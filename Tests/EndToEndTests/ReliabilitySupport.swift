import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A running copy of a program that the test can kill at any moment (posix_spawn, so no
/// Foundation `Process` machinery stands between the test and the child).
final class RunningProcess {
    let pid: pid_t
    private let scratch: String
    private(set) var status: Int32?

    /// Starts `arguments` with stdin /dev/null and stdout/stderr to files; nil if it could not start.
    init?(_ arguments: [String], environment: [String: String] = [:]) {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("isoj-proc-\(UUID().uuidString)").path
        guard mkdir(scratch, 0o700) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, scratch + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, scratch + "/err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // The child starts with no signal blocked and default actions, whatever the test runner has.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0)=\($1)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        guard posix_spawnp(&child, arguments[0], &actions, &attributes, argv, envp) == 0 else {
            try? FileManager.default.removeItem(atPath: scratch)
            return nil
        }
        pid = child
    }

    deinit {
        if status == nil { kill(pid, SIGKILL); _ = wait() }
        try? FileManager.default.removeItem(atPath: scratch)
    }

    /// Waits for the end; the raw `waitpid` status.
    @discardableResult
    func wait() -> Int32 {
        if let status { return status }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
        status = raw
        return raw
    }

    /// Non-blocking: true once the process has ended.
    var hasEnded: Bool {
        if status != nil { return true }
        var raw: Int32 = 0
        if waitpid(pid, &raw, WNOHANG) == pid { status = raw; return true }
        return false
    }

    /// The exit code, or nil if a signal ended it.
    var exitCode: Int32? {
        let raw = wait()
        return raw & 0x7f == 0 ? (raw >> 8) & 0xff : nil
    }

    /// The signal that ended it, if one did.
    var signal: Int32? {
        let raw = wait()
        return raw & 0x7f == 0 ? nil : raw & 0x7f
    }

    var stdout: String { (try? String(contentsOfFile: scratch + "/out", encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: scratch + "/err", encoding: .utf8)) ?? "" }
}

/// SplitMix64: a small generator with a seed, so a "random" run can be repeated exactly.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Settings the reliability script raises for the full runs.
enum ReliabilitySettings {
    static func integer(_ name: String, default value: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) } ?? value
    }
}

extension TemporaryJournal {
    /// `show --json` parsed; nil when the command failed or did not print a JSON array. A
    /// journal file with its header and no record yet is sound: no records (`show` refuses it
    /// with "holds no records", so a report never passes for an all-clear).
    func records() -> [[String: Any]]? {
        let shown = run("show", "--json")
        if shown.status == 1, shown.stderr.contains("holds no records yet") { return [] }
        guard shown.status == 0 else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(shown.stdout.utf8))) as? [[String: Any]]
    }

    /// Names in the data folder, sorted.
    var fileNames: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted() }

    var journalPath: String { directory + "/journal.jsonl" }

    func bytes(_ name: String = "journal.jsonl") -> [UInt8]? {
        FileManager.default.contents(atPath: directory + "/" + name).map { [UInt8]($0) }
    }

    func permissions(_ name: String? = nil) -> Int? {
        let path = name.map { directory + "/" + $0 } ?? directory
        return (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    /// Creates the data folder (0700) and writes `bytes` as the journal.
    func write(_ bytes: [UInt8], name: String = "journal.jsonl", mode: Int = 0o600) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        FileManager.default.createFile(atPath: directory + "/" + name, contents: Data(bytes),
                                       attributes: [.posixPermissions: mode])
        _ = chmod(directory + "/" + name, mode_t(mode))
    }
}

/// A `note` value of a `show --json` record.
func note(of record: [String: Any]) -> String? { (record["data"] as? [String: Any])?["note"] as? String }

/// The day `days` after 2000-01-01, as YYYY-MM-DD.
func isoDay(_ days: Int) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let date = calendar.date(byAdding: .day, value: days, to: calendar.date(from: DateComponents(year: 2000, month: 1, day: 1))!)!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
}

extension TmuxSession {
    /// Waits for the Today screen, passing the first-run course set-up ("Esc later") if it
    /// is offered. True once Today is shown.
    @discardableResult
    func reachToday(seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let text = screen
            if text.contains("Symptoms today") { return true }
            if text.contains("Set up your course") { send("Escape") }
            usleep(50_000)
        }
        return screen.contains("Symptoms today")
    }
}
