import Foundation

/// Runs the real binary through a pseudo-terminal with scripts/plain-pty.py (python3 pexpect).
enum PlainPty {
    enum Step {
        case expect(String)
        case send(String)
        case eof
        /// Answer every `prompt` with `send` until `until` appears.
        case answer(prompt: String, with: String, until: String)

        var json: [String: Any] {
            switch self {
            case .expect(let regex): return ["expect": regex]
            case .send(let line): return ["send": line]
            case .eof: return ["eof": true]
            case .answer(let prompt, let line, let until): return ["until": until, "prompt": prompt, "send": line]
            }
        }
    }

    struct Outcome {
        /// The exit status, or nil when a step failed or pexpect is missing (`problem` says which).
        let status: Int32?
        let problem: String?
        let transcript: [UInt8]
        var text: String { String(decoding: transcript, as: UTF8.self) }
        var skipped: Bool { problem?.hasPrefix("skipped") ?? false }
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/plain-pty.py").path

    static func run(_ arguments: [String], steps: [Step], environment: [String: String]) -> Outcome {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("isoj-pty-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stepsPath = scratch.appendingPathComponent("steps.json").path
        let transcriptPath = scratch.appendingPathComponent("transcript").path
        let data = (try? JSONSerialization.data(withJSONObject: steps.map(\.json))) ?? Data()
        FileManager.default.createFile(atPath: stepsPath, contents: data)
        let result = Subprocess.run(["python3", script, stepsPath, transcriptPath, Binary.path] + arguments, environment: environment)
        let transcript = FileManager.default.contents(atPath: transcriptPath).map { [UInt8]($0) } ?? []
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? result.stderr
        if result.status == 0, let status = Int32(last) {
            return Outcome(status: status, problem: nil, transcript: transcript)
        }
        return Outcome(status: nil, problem: last.isEmpty ? "python3 failed: \(result.stderr)" : last, transcript: transcript)
    }
}
