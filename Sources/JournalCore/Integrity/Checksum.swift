import Crypto

/// SHA-256 through swift-crypto, in the two shapes the callers need. Used to detect a
/// snapshot that was changed or damaged after it was written (an integrity check, not a
/// signature: anyone can recompute it) and to derive stable identifiers in the FHIR export.
/// A namespace of its own so `SHA256` stays Crypto's name wherever both are imported.
public enum Checksum {
    /// The 32-byte SHA-256 digest of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: bytes))
    }

    /// The SHA-256 digest as 64 lowercase hex digits, as `sha256sum` prints it.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
