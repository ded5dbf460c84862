import Foundation

/// A machine's id in a journal kept on several machines: 12 lowercase hex digits, random,
/// made once per machine. It names the machine's own log (`journal.<id>.jsonl`), so it is
/// kept to characters that are safe in a file name on every system a sync tool reaches.
public enum DeviceID {
    public static func make() -> String {
        let value = UInt64.random(in: 0 ..< (1 << 48))
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// 4 to 32 characters of 0-9 and a-z: what this or a later IsoJournal may make.
    public static func isWellFormed(_ id: String) -> Bool {
        (4...32).contains(id.utf8.count) && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) }
    }
}
