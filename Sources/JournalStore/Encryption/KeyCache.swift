import CKeyring
import Crypto
import Foundation
import Glibc

/// An unlocked journal key kept for a while in this account's kernel keyring (keyrings(7)),
/// so that a run of commands asks for the passphrase (and pays for scrypt, about half a
/// second) once — as sudo and ssh-agent do. Only this account's processes can read it (never
/// another user's, never the disk), it expires by itself, and `forget` removes it at once.
/// Where the kernel or a sandbox refuses keyrings, nothing is kept and every command asks again.
public enum KeyCache {
    /// 15 minutes unless `ISOJOURNAL_KEY_CACHE_SECONDS` says otherwise (0: never keep it).
    public static let defaultSeconds = 900

    static func name(_ keyID: String) -> String { "isojournal:" + keyID }

    /// Keeps `key` for `seconds`; false when the keyring refused.
    @discardableResult
    public static func remember(_ key: DataKey, seconds: Int) -> Bool {
        guard seconds > 0 else { return false }
        return key.symmetricKey.withUnsafeBytes { bytes in
            ckeyring_add(name(key.keyID), bytes.baseAddress, bytes.count, UInt32(clamping: seconds)) >= 0
        }
    }

    /// The key with this id, if it is still kept (and really is that key).
    public static func recall(keyID: String) -> DataKey? {
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { ckeyring_read(name(keyID), $0.baseAddress, $0.count) }
        guard count == 32 else { return nil }
        let key = DataKey(SymmetricKey(data: buffer.prefix(32)))
        for index in buffer.indices { buffer[index] = 0 }
        return key.keyID == keyID ? key : nil
    }

    /// Removes the kept key at once; false when none was kept.
    @discardableResult
    public static func forget(keyID: String) -> Bool { ckeyring_forget(name(keyID)) >= 0 }
}
