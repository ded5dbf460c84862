import Crypto

/// The random 256-bit key that seals every journal line. It never changes for a journal
/// (changing the passphrase rewraps it, see `JournalKey.rewrap`), so no log is ever rewritten.
///
/// Printing, interpolating or dumping a `DataKey` shows only its `keyID`: the bytes must not
/// end up in a log, a crash report or a test failure message.
public struct DataKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The key itself; only the encryption code reads it.
    let symmetricKey: SymmetricKey
    /// 16 lowercase hex digits naming this key (see `DataKey.identifier(of:)`), written in the
    /// key file and in every sealed line so a reader can tell "not my key" from "damaged".
    public let keyID: String

    init(_ key: SymmetricKey) {
        precondition(key.bitCount == 256, "a data key is 32 bytes")
        symmetricKey = key
        keyID = Self.identifier(of: key)
    }

    /// A fresh key from the system's cryptographic random generator.
    static func random() -> DataKey { DataKey(SymmetricKey(size: .bits256)) }

    /// Hex of the first 8 bytes of HMAC-SHA256(key: the data key, message: "isojournal key id").
    /// A one-way function of the key, so publishing it reveals nothing about the key.
    static func identifier(of key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("isojournal key id".utf8), using: key)
        return Hex.lowercase(Array(mac).prefix(8))
    }

    /// Constant-time comparison (SymmetricKey's own `==`).
    public static func == (lhs: DataKey, rhs: DataKey) -> Bool { lhs.symmetricKey == rhs.symmetricKey }

    public var description: String { "DataKey(keyID: \(keyID), key bytes not shown)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["keyID": keyID], displayStyle: .struct) }
}

/// Lowercase hex, the spelling of key IDs and check values.
enum Hex {
    static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True for exactly `count` lowercase hex digits (what `lowercase` writes, nothing else).
    static func isLowercase(_ bytes: some Collection<UInt8>, count: Int) -> Bool {
        bytes.count == count && bytes.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
