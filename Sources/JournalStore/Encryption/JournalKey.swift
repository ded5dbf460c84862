import Crypto
import _CryptoExtras
import Foundation

/// The key file `journal.key`: the journal's data key, wrapped with a key derived from the
/// passphrase. Plaintext, the same file on every device (all devices share one passphrase);
/// it is small and changes only when the passphrase does, so a sync conflict on it is rare.
///
/// One line of JSON followed by "\n", keys in this order, no spaces:
///
/// ```
/// {"format":"isojournal-key","version":1,"kdf":"scrypt","logN":17,"r":8,"p":1,
///  "salt":"<base64>","keyID":"<16 hex>","wrappedKey":"<base64>","check":"<16 hex>"}
/// ```
///
/// - `salt`: 16 random bytes, fresh for every passphrase (create and rewrap).
/// - passphrase key = scrypt(passphrase, salt, N = 2^logN, r, p, 32 bytes). The passphrase is
///   its UTF-8 bytes after Unicode NFC normalisation, so "é" typed as one or two code points
///   on different systems is the same passphrase. Version 1 always writes r = 8, p = 1 and
///   reads nothing else; logN is 10...22 (22 means 4 GiB of memory, the most it will accept).
/// - `wrappedKey`: 12-byte random nonce + ChaCha20-Poly1305 ciphertext of the 32-byte data key
///   + 16-byte tag (60 bytes), under the passphrase key, with authenticated data the UTF-8 of
///   `isojournal-key|1|scrypt|<logN>|<r>|<p>|<salt base64>|<keyID>`: changing a parameter or
///   the key ID makes unlocking fail instead of producing a key.
/// - `keyID`: `DataKey.identifier(of:)`, i.e. hex of the first 8 bytes of
///   HMAC-SHA256(key: data key, message "isojournal key id"). A log header names the key it
///   needs by this ID, and it can be read without the passphrase (`keyID(of:)`).
/// - `check`: hex of the first 8 bytes of SHA-256 over every byte of the line before
///   `,"check":"`. It tells accidental damage ("damaged") from a wrong passphrase, which
///   otherwise look the same. It is not a security measure: whoever edits the file on purpose
///   can recompute it, and can then only make unlocking fail. Every later version keeps
///   `check` as the last key computed this way, and keeps `format` and `version`, so an older
///   IsoJournal can say "newer" rather than "damaged".
///
/// Base64 is standard with padding (RFC 4648 §4) and only the canonical spelling is read.
/// A missing final "\n" is tolerated; anything else differing is "damaged". A file is 261
/// bytes (logN of two digits); more than 4096 is refused as damaged.
///
/// A reader checks, in this order, and derives nothing until all pass: the check value
/// (`damaged`), `format` (`damaged`), `version` (above 1: `newerVersion`), `kdf` (not
/// "scrypt": `newerVersion`), r = 8 and p = 1 (`damaged`), logN within 10...22
/// (`workFactorOutOfRange`, so a file cannot make it spend minutes or gigabytes), the sizes
/// and spellings of salt, keyID and wrappedKey (`damaged`). Then a tag that does not verify
/// means `wrongPassphrase`, and a key whose ID differs from `keyID` means `damaged`.
public enum JournalKey {
    public static let fileName = "journal.key"
    public static let formatName = "isojournal-key"
    public static let currentVersion = 1
    /// Below this scrypt is too cheap to be worth a passphrase (tests use it to stay fast).
    public static let minimumLogN = 10
    /// 2^22 with r = 8 is 4 GiB and several seconds; a file asking for more is refused unread.
    public static let maximumLogN = 22
    /// What `ScryptTuning.pickLogN` chose on the development machine (2^17, 128 MiB; see ScryptTuning).
    public static let defaultLogN = 17

    static let r = 8
    static let p = 1
    static let saltCount = 16

    /// A new data key and the key file bytes that hold it under `passphrase`.
    public static func create(passphrase: String, logN: Int = defaultLogN) throws(KeyError)
        -> (fileBytes: [UInt8], dataKey: DataKey)
    {
        let dataKey = DataKey.random()
        let bytes = try wrap(dataKey, passphrase: passphrase, logN: logN, salt: randomSalt(), nonce: ChaChaPoly.Nonce())
        return (bytes, dataKey)
    }

    /// The data key in `fileBytes`, if `passphrase` is the right one.
    public static func unlock(_ fileBytes: [UInt8], passphrase: String) throws(KeyError) -> DataKey {
        let file = try KeyFileLine.parse(fileBytes)
        let secret = normalised(passphrase)
        // An empty passphrase is never set (create refuses it), and scrypt would trap on it.
        guard !secret.isEmpty else { throw .wrongPassphrase }
        let wrapping = try derive(secret, salt: file.salt, logN: file.logN)
        let keyBytes: [UInt8]
        do {
            let box = try ChaChaPoly.SealedBox(combined: file.wrappedKey)
            keyBytes = Array(try ChaChaPoly.open(box, using: wrapping, authenticating: file.authenticatedData))
        } catch {
            throw .wrongPassphrase
        }
        guard keyBytes.count == 32 else { throw .damaged(detail: "the key inside it is not 32 bytes") }
        let dataKey = DataKey(SymmetricKey(data: keyBytes))
        guard dataKey.keyID == file.keyID else {
            throw .damaged(detail: "the key inside it does not match its key ID \(file.keyID)")
        }
        return dataKey
    }

    /// The same data key under a new passphrase (fresh salt and nonce), so no log is rewritten.
    /// `logN` nil keeps the file's work factor. The old passphrase no longer unlocks the result.
    public static func rewrap(_ fileBytes: [UInt8], old: String, new: String, logN: Int? = nil) throws(KeyError)
        -> [UInt8]
    {
        let dataKey = try unlock(fileBytes, passphrase: old)
        let current = try KeyFileLine.parse(fileBytes).logN
        let workFactor = logN ?? current
        return try wrap(dataKey, passphrase: new, logN: workFactor, salt: randomSalt(), nonce: ChaChaPoly.Nonce())
    }

    /// The ID of the data key the file holds, read without the passphrase (to match a log header).
    public static func keyID(of fileBytes: [UInt8]) throws(KeyError) -> String {
        try KeyFileLine.parse(fileBytes).keyID
    }

    /// The key file for `dataKey`; salt and nonce are parameters only so a test can fix them.
    static func wrap(_ dataKey: DataKey, passphrase: String, logN: Int, salt: [UInt8], nonce: ChaChaPoly.Nonce)
        throws(KeyError) -> [UInt8]
    {
        let secret = normalised(passphrase)
        guard !secret.isEmpty else { throw .emptyPassphrase }
        guard (minimumLogN...maximumLogN).contains(logN) else { throw .workFactorOutOfRange(logN: logN) }
        precondition(salt.count == saltCount)
        var file = KeyFileLine(logN: logN, r: r, p: p, salt: salt, keyID: dataKey.keyID, wrappedKey: [])
        let wrapping = try derive(secret, salt: salt, logN: logN)
        do {
            let box = try dataKey.symmetricKey.withUnsafeBytes { raw in
                try ChaChaPoly.seal(Array(raw), using: wrapping, nonce: nonce, authenticating: file.authenticatedData)
            }
            file.wrappedKey = Array(box.combined)
        } catch {
            preconditionFailure("ChaCha20-Poly1305 cannot fail to seal 32 bytes: \(error)")
        }
        return file.encodeLine()
    }

    /// scrypt with version 1's r and p; `secret` must not be empty.
    static func derive(_ secret: [UInt8], salt: [UInt8], logN: Int) throws(KeyError) -> SymmetricKey {
        do {
            return try KDF.Scrypt.deriveKey(
                from: secret, salt: salt, outputByteCount: 32, rounds: 1 << logN, blockSize: r, parallelism: p)
        } catch {
            throw .derivationFailed
        }
    }

    static func normalised(_ passphrase: String) -> [UInt8] {
        Array(passphrase.precomposedStringWithCanonicalMapping.utf8)
    }

    static func randomSalt() -> [UInt8] {
        SymmetricKey(size: SymmetricKeySize(bitCount: saltCount * 8)).withUnsafeBytes { Array($0) }
    }
}
