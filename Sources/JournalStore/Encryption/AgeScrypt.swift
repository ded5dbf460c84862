import Crypto
import _CryptoExtras

/// The age scrypt recipient stanza: `-> scrypt <base64 16-byte salt> <log2 N>` whose body is
/// the file key sealed with ChaCha20-Poly1305 (zero nonce) under
/// scrypt(passphrase, salt: "age-encryption.org/v1/scrypt" || salt, N = 2^logN, r = 8, p = 1).
enum AgeScrypt {
    static let label = Array("age-encryption.org/v1/scrypt".utf8)
    static let saltSize = 16

    static func stanza(fileKey: [UInt8], passphrase: [UInt8], salt: [UInt8], logN: Int) throws(AgeError) -> AgeHeader.Stanza {
        let key = try wrapKey(passphrase: passphrase, salt: salt, logN: logN)
        let box = try! ChaChaPoly.seal(fileKey, using: key, nonce: zeroNonce) // 32-byte key, 12-byte nonce: cannot fail
        return AgeHeader.Stanza(arguments: ["scrypt", String(decoding: AgeBase64.encode(salt), as: UTF8.self), String(logN)],
                                body: Array(box.ciphertext) + Array(box.tag))
    }

    /// The salt and work factor of an scrypt stanza, checked before any expensive work.
    static func parameters(of stanza: AgeHeader.Stanza, maximumLogN: Int) throws(AgeError) -> (salt: [UInt8], logN: Int) {
        guard stanza.arguments.count == 3 else { throw .malformedHeader("the scrypt stanza does not have exactly three arguments") }
        guard let salt = AgeBase64.decode(Array(stanza.arguments[1].utf8)), salt.count == saltSize else {
            throw .malformedHeader("the scrypt salt is not canonical base64 of 16 bytes")
        }
        // Decimal with no leading zero, sign or other character: `^[1-9][0-9]*$`.
        let digits = Array(stanza.arguments[2].utf8)
        guard let first = digits.first, (0x31...0x39).contains(first), digits.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw .malformedHeader("the scrypt work factor is not a plain decimal number")
        }
        guard digits.count <= 2, let logN = Int(stanza.arguments[2]), logN <= maximumLogN else {
            throw .workFactorTooHigh(stanza.arguments[2], maximum: maximumLogN)
        }
        guard stanza.body.count == 32 else { throw .malformedHeader("the scrypt stanza body is not 32 bytes") }
        return (salt, logN)
    }

    /// The file key in `stanza`; `.wrongPassphrase` when the passphrase does not open it.
    static func unwrap(_ stanza: AgeHeader.Stanza, passphrase: [UInt8], maximumLogN: Int) throws(AgeError) -> [UInt8] {
        let (salt, logN) = try parameters(of: stanza, maximumLogN: maximumLogN)
        let key = try wrapKey(passphrase: passphrase, salt: salt, logN: logN)
        do {
            let box = try ChaChaPoly.SealedBox(nonce: zeroNonce, ciphertext: stanza.body.prefix(16), tag: stanza.body.suffix(16))
            return Array(try ChaChaPoly.open(box, using: key))
        } catch {
            throw .wrongPassphrase
        }
    }

    static func wrapKey(passphrase: [UInt8], salt: [UInt8], logN: Int) throws(AgeError) -> SymmetricKey {
        do {
            return try KDF.Scrypt.deriveKey(from: passphrase, salt: label + salt, outputByteCount: 32,
                                            rounds: 1 << logN, blockSize: 8, parallelism: 1)
        } catch {
            throw .keyDerivationFailed // out of memory for the work factor, the only way this fails
        }
    }

    private static let zeroNonce = try! ChaChaPoly.Nonce(data: [UInt8](repeating: 0, count: 12))
}
