import Foundation

/// What a file in the data folder is, by its name, in the several-machines layout.
///
/// ```
/// journal.jsonl                        v1: the journal; v2: a header only, saying "see the logs"
/// journal.<device>.jsonl               one machine's log; only that machine appends to it
/// journal.<device>.lock                that machine's lock (flock), never synced back by content
/// <stem>.sync-conflict-YYYYMMDD-HHMMSS-<id>.jsonl        Syncthing's copy of a file both sides changed
/// <stem> (conflicted copy YYYY-MM-DD HHMMSS).jsonl       Nextcloud's
/// <stem> (<name>'s conflicted copy YYYY-MM-DD).jsonl     Dropbox's
/// ```
/// A conflict copy is read like the file it is a copy of (its new lines join the journal,
/// lines it shares with the original count once) and is never written.
public enum LogFileName: Equatable, Sendable {
    /// `journal.jsonl` (a version-1 journal or the version-2 header file).
    case journal
    /// `journal.<device>.jsonl`.
    case deviceLog(device: String)
    /// A sync tool's copy of one of the above.
    indirect case conflictCopy(of: LogFileName, tool: String)

    public init?(_ name: String) {
        guard name.hasSuffix(".jsonl") else { return nil }
        let base = String(name.dropLast(".jsonl".count))
        if base == "journal" { self = .journal; return }
        if base.hasPrefix("journal."), DeviceID.isWellFormed(String(base.dropFirst("journal.".count))) {
            self = .deviceLog(device: String(base.dropFirst("journal.".count)))
            return
        }
        guard let (stem, tool) = Self.conflictStem(base), let original = LogFileName(stem + ".jsonl") else { return nil }
        // A copy of a copy (two conflicts in a row) is still a copy of the first original.
        if case .conflictCopy(let first, _) = original { self = .conflictCopy(of: first, tool: tool) } else {
            self = .conflictCopy(of: original, tool: tool)
        }
    }

    public var device: String? {
        switch self {
        case .journal: return nil
        case .deviceLog(let device): return device
        case .conflictCopy(let original, _): return original.device
        }
    }

    public var isConflictCopy: Bool { if case .conflictCopy = self { return true } else { return false } }

    public static func deviceLog(_ device: String) -> String { "journal.\(device).jsonl" }
    public static func lock(_ device: String) -> String { "journal.\(device).lock" }

    /// The original's stem ("journal" or "journal.<device>") and the tool's name, when the name
    /// (without ".jsonl") ends in a sync tool's conflict marker.
    private static func conflictStem(_ full: String) -> (String, String)? {
        // Syncthing: <stem>.sync-conflict-20261130-142233-ABCDEFG
        if let range = full.range(of: ".sync-conflict-", options: .backwards) {
            let marker = full[range.upperBound...]
            let parts = marker.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 8, parts[1].count == 6,
                  parts[0].allSatisfy(\.isNumber), parts[1].allSatisfy(\.isNumber), !parts[2].isEmpty else { return nil }
            return (String(full[..<range.lowerBound]), "Syncthing")
        }
        // Nextcloud and Dropbox: "<stem> (conflicted copy …)" and "<stem> (… conflicted copy …)".
        if let open = full.range(of: " (", options: .backwards), full.hasSuffix(")"),
           full[open.upperBound...].contains("conflicted copy") {
            let tool = full[open.upperBound...].hasPrefix("conflicted copy") ? "Nextcloud" : "Dropbox"
            return (String(full[..<open.lowerBound]), tool)
        }
        return nil
    }
}
