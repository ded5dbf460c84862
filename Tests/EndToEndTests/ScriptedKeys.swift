import Foundation

/// The hidden `isojournal open --keys FILE --size WxH` mode: the real program (store, screens,
/// clock) on a key script, each `<screen>` printed as plain text. For checks that only need
/// what the screen shows; tmux stays for signals, resizing and real-terminal behaviour.
extension TemporaryJournal {
    /// Runs `script` (notation in Sources/isojournal/Interactive/KeyScript.swift); with `at`,
    /// under faketime with the clock stopped at that UTC time ("2026-11-26 08:05:00").
    func runKeys(_ script: String, width: Int = 80, height: Int = 24, at time: String? = nil) -> Subprocess.Result {
        let folder = URL(fileURLWithPath: directory).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("keys-\(UUID().uuidString)").path
        FileManager.default.createFile(atPath: file, contents: Data(script.utf8))
        defer { try? FileManager.default.removeItem(atPath: file) }
        return runAt(time, "open", "--keys", file, "--size", "\(width)x\(height)")
    }

    /// A command with the clock stopped at `time` (faketime), or the real clock when nil.
    func runAt(_ time: String?, _ arguments: String...) -> Subprocess.Result {
        runAt(time, arguments)
    }

    func runAt(_ time: String?, _ arguments: [String]) -> Subprocess.Result {
        let clock = time.flatMap { time in FakeTime.path.map { [$0, time] } } ?? []
        return Subprocess.run(clock + [Binary.path] + arguments, environment: environment)
    }
}

/// libfaketime's `faketime`, when installed (Debian: `apt-get install faketime`): whole-screen
/// checks need a fixed date and time.
enum FakeTime {
    static let path: String? = ["/usr/bin/faketime", "/usr/local/bin/faketime"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// The screens a `--keys` run printed: each is exactly `height` lines.
func scriptedScreens(_ output: String, height: Int = 24) -> [String] {
    var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return stride(from: 0, to: lines.count, by: height).map { lines[$0..<min(lines.count, $0 + height)].joined(separator: "\n") }
}
