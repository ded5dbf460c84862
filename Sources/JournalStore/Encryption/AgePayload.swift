import Crypto

/// The age v1 payload: a 16-byte nonce, then the plaintext in 64 KiB chunks, each sealed with
/// ChaCha20-Poly1305 under HKDF-SHA-256(ikm: file key, salt: nonce, info: "payload") and the
/// nonce "11-byte big-endian chunk counter, then 0x01 for the final chunk and 0x00 before it".
///
/// The final-chunk flag is what makes truncation detectable: a file cut at a chunk boundary
/// ends on a chunk sealed as not-final, which then fails to open as the final one.
enum AgePayload {
    static let chunkSize = 64 * 1024
    static let tagSize = 16
    static let nonceSize = 16

    static func seal(_ plaintext: [UInt8], fileKey: [UInt8], nonce: [UInt8]) -> [UInt8] {
        let key = payloadKey(fileKey: fileKey, nonce: nonce)
        var output = nonce
        output.reserveCapacity(nonceSize + plaintext.count + (plaintext.count / chunkSize + 1) * tagSize)
        var start = 0
        var counter: UInt64 = 0
        repeat { // an empty plaintext is one empty final chunk
            let end = min(start + chunkSize, plaintext.count)
            let isFinal = end == plaintext.count
            output += sealChunk(plaintext[start..<end], key: key, counter: counter, isFinal: isFinal)
            start = end
            counter += 1
        } while start < plaintext.count
        return output
    }

    /// The plaintext of `payload` (the bytes after the header), or why it cannot be trusted.
    static func open(_ payload: ArraySlice<UInt8>, fileKey: [UInt8]) throws(AgeError) -> [UInt8] {
        guard payload.count >= nonceSize else { throw .truncated }
        let key = payloadKey(fileKey: fileKey, nonce: Array(payload.prefix(nonceSize)))
        var rest = payload.dropFirst(nonceSize)
        guard !rest.isEmpty else { throw .truncated } // there must be a final chunk, even for an empty file
        var plaintext: [UInt8] = []
        plaintext.reserveCapacity(rest.count)
        var counter: UInt64 = 0
        while !rest.isEmpty {
            // Only the last piece of the file can be the final chunk; anything longer than one
            // sealed chunk means more chunks follow.
            let isFinal = rest.count <= chunkSize + tagSize
            let sealed = rest.prefix(chunkSize + tagSize)
            guard sealed.count > tagSize || (isFinal && counter == 0 && sealed.count == tagSize) else {
                // A chunk shorter than its tag, or an empty final chunk after others (the spec
                // allows an empty final chunk only when the whole payload is empty).
                throw sealed.count < tagSize ? .truncated : .damagedPayload
            }
            let box: ChaChaPoly.SealedBox
            do {
                box = try ChaChaPoly.SealedBox(nonce: chunkNonce(counter, isFinal: isFinal),
                                               ciphertext: sealed.dropLast(tagSize), tag: sealed.suffix(tagSize))
                plaintext += try ChaChaPoly.open(box, using: key)
            } catch {
                // Cut at a chunk boundary: the last whole chunk was sealed as not-final.
                if isFinal, sealed.count == chunkSize + tagSize, opensAsNotFinal(sealed, counter: counter, key: key) {
                    throw .truncated
                }
                throw .damagedPayload
            }
            rest = rest.dropFirst(sealed.count)
            counter += 1
        }
        return plaintext
    }

    /// One chunk: ciphertext then its 16-byte tag.
    static func sealChunk(_ plaintext: ArraySlice<UInt8>, key: SymmetricKey, counter: UInt64, isFinal: Bool) -> [UInt8] {
        // Force-try: the key is 32 bytes and the nonce 12, the only ways sealing can fail.
        let box = try! ChaChaPoly.seal(plaintext, using: key, nonce: chunkNonce(counter, isFinal: isFinal))
        return Array(box.ciphertext) + Array(box.tag)
    }

    private static func opensAsNotFinal(_ sealed: ArraySlice<UInt8>, counter: UInt64, key: SymmetricKey) -> Bool {
        guard let box = try? ChaChaPoly.SealedBox(nonce: chunkNonce(counter, isFinal: false),
                                                  ciphertext: sealed.dropLast(tagSize), tag: sealed.suffix(tagSize)) else { return false }
        return (try? ChaChaPoly.open(box, using: key)) != nil
    }

    static func payloadKey(fileKey: [UInt8], nonce: [UInt8]) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: fileKey), salt: nonce,
                               info: Array("payload".utf8), outputByteCount: 32)
    }

    static func chunkNonce(_ counter: UInt64, isFinal: Bool) -> ChaChaPoly.Nonce {
        var bytes = [UInt8](repeating: 0, count: 12)
        for index in 0..<8 { bytes[10 - index] = UInt8(truncatingIfNeeded: counter >> UInt64(8 * index)) }
        bytes[11] = isFinal ? 1 : 0
        return try! ChaChaPoly.Nonce(data: bytes) // 12 bytes: always a valid nonce
    }
}
