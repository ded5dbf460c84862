import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Helpers for the caregiver tests: a journal folder's exact state, and the real binary in tmux.
enum FolderState {
    /// Every entry of a folder with its mode and bytes, so "nothing changed" can be checked exactly.
    static func of(_ directory: String) -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        return names.map { name in
            let path = directory + "/" + name
            var info = stat()
            _ = stat(path, &info)
            let bytes = FileManager.default.contents(atPath: path) ?? Data()
            return "\(name) mode \(String(info.st_mode & 0o7777, radix: 8)) size \(info.st_size) bytes \(bytes.base64EncodedString())"
        }
    }
}

extension TemporaryJournal {
    /// Starts the binary in a private tmux server with this journal's environment.
    func tmux(_ arguments: String, width: Int = 80, height: Int = 24) -> TmuxSession {
        let env = environment.map { "\($0)='\($1)'" }.sorted().joined(separator: " ")
        return TmuxSession("env \(env) '\(Binary.path)' \(arguments)", width: width, height: height)
    }

    /// Fills the journal with the demo (made up, dated relative to today).
    func fillWithDemo() -> Subprocess.Result {
        run("demo", "--into", directory, "--no-open")
    }
}
