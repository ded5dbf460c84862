import Crypto
import Foundation

/// One journal line sealed on its own, so a save stays one append + fsync.
///
/// A sealed line is ASCII, has no "\n", and is exactly (no spaces):
///
/// ```
/// {"sealedWith":"<keyID>","box":"<base64>"}
/// ```
///
/// - `sealedWith`: the `DataKey.keyID` (16 lowercase hex digits) of the key that sealed it.
/// - `box`: standard base64 with padding (RFC 4648 §4, canonical spelling only) of the
///   12-byte random nonce + ChaCha20-Poly1305 ciphertext + 16-byte tag. The plaintext is the
///   plain line without its "\n"; the authenticated data is the fixed ASCII
///   `isojournal-line-v1`. It is NOT bound to the file or device: the sync tidy step moves
///   lines verbatim between devices' logs. (Order, record ids and revisions are inside the
///   plaintext, so moving a line cannot change what it says.)
///
/// `seal` traps on a plaintext containing "\n" (a caller's mistake: it would come back as two
/// lines). A 200-byte line becomes 346 bytes: 38 fixed + base64 of 12 + 200 + 16.
/// Cost per 200-byte line (release build, 2 loaded cores): seal 7–16 µs, open 5.5–9 µs, of
/// which the ChaCha20-Poly1305 call itself is ~4 µs and base64 ~1 µs.
///
/// Telling lines apart without decrypting: a sealed line starts with the 15 bytes
/// `{"sealedWith":"`; a plain record starts `{"id":` and a header `{"format":`.
/// Reading one with `open`:
/// - the layout above is wrong in any byte, or the box does not open → `.damaged`;
/// - the layout is right but `sealedWith` names another key → `.otherKey`: sealed with a key
///   this reader does not have (for instance a second key file made on another device before
///   the first one synced). Such a line must be kept, never repaired away. A line whose key ID
///   was itself damaged also lands here, which is the safe side.
///
/// The nonce is 96 random bits per line: with n lines under one key the chance of any repeat
/// is about n²/2^97, i.e. 2^-57 for a million lines (more than a lifetime of entries).
public enum SealedLine {
    /// The authenticated data of every version-1 sealed line.
    public static let context: [UInt8] = Array("isojournal-line-v1".utf8)
    /// The bytes every sealed line starts with.
    public static let prefix: [UInt8] = Array(#"{"sealedWith":""#.utf8)
    static let middle: [UInt8] = Array(#"","box":""#.utf8)
    static let end: [UInt8] = Array(#""}"#.utf8)
    /// Nonce + tag: the box of an empty line.
    static let overhead = 12 + 16

    /// Why a sealed line could not be opened.
    public enum OpenError: Error, Equatable, Sendable, CustomStringConvertible {
        /// Sealed with the key of this ID, which is not the one given.
        case otherKey(keyID: String)
        /// Not a well-formed sealed line, or changed after it was sealed.
        case damaged(detail: String)

        public var description: String {
            switch self {
            case let .otherKey(keyID): return "it was sealed with another key (key ID \(keyID))"
            case let .damaged(detail): return detail
            }
        }
    }

    /// Cheap: true when the line starts like a sealed line (it may still be damaged).
    public static func isSealed(_ line: some Collection<UInt8>) -> Bool {
        line.starts(with: prefix)
    }

    /// The sealed line for `plaintextLine`, which must not contain "\n" (it is one line of the log).
    public static func seal(plaintextLine: [UInt8], key: DataKey) -> [UInt8] {
        seal(plaintextLine: plaintextLine, key: key, nonce: ChaChaPoly.Nonce())
    }

    /// `seal` with the nonce given: only tests call this, to pin the format with a fixture.
    static func seal(plaintextLine: [UInt8], key: DataKey, nonce: ChaChaPoly.Nonce) -> [UInt8] {
        precondition(!plaintextLine.contains(0x0A), "a sealed line holds one line, without its \"\\n\"")
        let box: ChaChaPoly.SealedBox
        do {
            box = try ChaChaPoly.seal(plaintextLine, using: key.symmetricKey, nonce: nonce, authenticating: context)
        } catch {
            preconditionFailure("ChaCha20-Poly1305 with a 32-byte key cannot fail to seal: \(error)")
        }
        let encoded = StrictBase64.encode(box.combined)
        var line: [UInt8] = []
        line.reserveCapacity(prefix.count + 16 + middle.count + encoded.count + end.count)
        line += prefix
        line += key.keyID.utf8
        line += middle
        line += encoded
        line += end
        return line
    }

    /// The plaintext line (without "\n") that `seal` was given. `line` is one line of the log,
    /// without its "\n".
    public static func open(_ line: [UInt8], key: DataKey) throws(OpenError) -> [UInt8] {
        let (keyID, combined) = try parse(line)
        guard keyID.elementsEqual(key.keyID.utf8) else {
            throw .otherKey(keyID: String(decoding: keyID, as: UTF8.self))
        }
        do {
            let box = try ChaChaPoly.SealedBox(combined: combined)
            return Array(try ChaChaPoly.open(box, using: key.symmetricKey, authenticating: context))
        } catch {
            throw .damaged(detail: "it does not open with key \(key.keyID) (it was changed or damaged after it was sealed)")
        }
    }

    /// The key ID a well-formed sealed line names, or nil if the line is not one.
    public static func keyID(of line: [UInt8]) -> String? {
        (try? parse(line)).map { String(decoding: $0.keyID, as: UTF8.self) }
    }

    /// Splits a sealed line into its key ID and box, checking every byte of the layout.
    private static func parse(_ line: [UInt8]) throws(OpenError) -> (keyID: ArraySlice<UInt8>, box: [UInt8]) {
        guard isSealed(line) else { throw .damaged(detail: "it is not a sealed line") }
        let idEnd = prefix.count + 16
        let boxStart = idEnd + middle.count
        guard line.count >= boxStart + end.count else { throw .damaged(detail: "the sealed line is cut short") }
        let keyID = line[prefix.count..<idEnd]
        guard Hex.isLowercase(keyID, count: 16), line[idEnd..<boxStart].elementsEqual(middle) else {
            throw .damaged(detail: "the sealed line does not name its key as it should")
        }
        guard line.suffix(end.count).elementsEqual(end) else { throw .damaged(detail: "the sealed line is cut short") }
        guard let box = StrictBase64.decode(line[boxStart..<(line.count - end.count)]), box.count >= overhead else {
            throw .damaged(detail: "the sealed content is not valid base64 of a sealed box")
        }
        return (keyID, box)
    }
}
