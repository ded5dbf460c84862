import Foundation
import Glibc
import JournalCore

/// The one folder that holds a journal, and the names of the files in it.
///
/// ```
/// journal.jsonl               the journal (append-only JSON Lines)
/// journal.lock                locked around every load-modify-save; never renamed
/// journal.torn-<UTC time>     an unfinished last line, set aside after a crash
/// journal.jsonl.tmp-<random>  a new journal being created (removed at start if left over)
/// ```
public struct DataDirectory: Equatable, Sendable {
    public let path: String

    public init(path: String) {
        // "dir/" and "dir" are the same folder; keep "/" itself.
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.path = trimmed
    }

    /// Where the journal lives: an explicit path (the `--data-dir` option), else
    /// `ISOJOURNAL_DATA_DIR`, else `$XDG_DATA_HOME/isojournal`, else
    /// `$HOME/.local/share/isojournal`. Empty values count as unset, and a relative
    /// `XDG_DATA_HOME` is ignored, as the XDG specification asks. Without `HOME` (cron, some
    /// services) the account's home folder from the password database is used.
    public static func resolve(explicit: String?, environment: [String: String],
                               accountHome: () -> String? = DataDirectory.accountHome) throws(StoreError) -> String {
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        if let explicit, !explicit.isEmpty { return DataDirectory(path: explicit).path }
        if let chosen = value("ISOJOURNAL_DATA_DIR") { return DataDirectory(path: chosen).path }
        if let xdg = value("XDG_DATA_HOME"), xdg.hasPrefix("/") {
            return DataDirectory(path: xdg).file("isojournal")
        }
        if let home = value("HOME") ?? accountHome().flatMap({ $0.isEmpty ? nil : $0 }) {
            return DataDirectory(path: home).file(".local/share/isojournal")
        }
        throw StoreError.noDataFolder
    }

    /// The current user's home folder according to the password database, if it has one.
    public static func accountHome() -> String? {
        var record = passwd()
        var found: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getpwuid_r(getuid(), &record, &buffer, buffer.count, &found) == 0, found != nil,
              let home = record.pw_dir else { return nil }
        return String(cString: home)
    }

    static let journalName = "journal.jsonl"
    static let lockName = "journal.lock"
    static let tempPrefix = "journal.jsonl.tmp-"
    static let tornPrefix = "journal.torn-"

    public var journalPath: String { file(Self.journalName) }
    public var lockPath: String { file(Self.lockName) }

    /// A fresh name for a journal being created; random so two attempts never collide.
    func newTempPath() -> String {
        let random = UInt64.random(in: .min ... .max)
        let hex = String(random, radix: 16)
        return file(Self.tempPrefix + String(repeating: "0", count: 16 - hex.count) + hex)
    }

    /// `journal.torn-20261126T221005Z`, with "-2", "-3"... when that second is already taken.
    func tornPath(at time: Date, attempt: Int) -> String {
        let stamp = Timestamp.utcText(time).filter { $0 != "-" && $0 != ":" }
        return file(Self.tornPrefix + stamp + (attempt > 1 ? "-\(attempt)" : ""))
    }

    public func file(_ name: String) -> String { path == "/" ? "/" + name : path + "/" + name }
}
