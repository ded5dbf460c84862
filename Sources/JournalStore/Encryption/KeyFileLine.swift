import Crypto
import Foundation

/// The fields of a version-1 key file and their exact spelling (documented on `JournalKey`).
struct KeyFileLine: Equatable {
    var logN: Int
    var r: Int
    var p: Int
    var salt: [UInt8]
    var keyID: String
    var wrappedKey: [UInt8]

    static let checkKey = Array(#","check":""#.utf8)
    /// `,"check":"` + 16 hex digits + `"}`
    static let checkSuffixCount = checkKey.count + 16 + 2
    /// Nonce + 32-byte key + tag.
    static let wrappedKeyCount = 12 + 32 + 16

    /// What the wrapped key is bound to: every parameter, so none can be changed unnoticed.
    var authenticatedData: [UInt8] {
        let salt64 = String(decoding: StrictBase64.encode(salt), as: UTF8.self)
        return Array("\(JournalKey.formatName)|\(JournalKey.currentVersion)|scrypt|\(logN)|\(r)|\(p)|\(salt64)|\(keyID)".utf8)
    }

    /// The whole file: one line ending in "\n".
    func encodeLine() -> [UInt8] {
        var json = JSONText()
        json.add("format", string: JournalKey.formatName)
        json.add("version", int: JournalKey.currentVersion)
        json.add("kdf", string: "scrypt")
        json.add("logN", int: logN)
        json.add("r", int: r)
        json.add("p", int: p)
        json.add("salt", rawJSON: quoted(StrictBase64.encode(salt)))
        json.add("keyID", string: keyID)
        json.add("wrappedKey", rawJSON: quoted(StrictBase64.encode(wrappedKey)))
        var line = json.bytes
        line += Self.checkKey + Array(Self.checkValue(line).utf8) + Array(#""}"#.utf8) + [0x0A]
        return line
    }

    static func checkValue(_ covered: some Sequence<UInt8>) -> String {
        Hex.lowercase(SHA256.hash(data: Array(covered)).prefix(8))
    }

    /// Reads and checks a key file: damage first (the check value), then newer versions, then
    /// each field. It does not need the passphrase.
    static func parse(_ fileBytes: [UInt8]) throws(KeyError) -> KeyFileLine {
        guard fileBytes.count <= 4096 else { throw .damaged(detail: "it is far too long to be a key file") }
        let line = fileBytes.last == 0x0A ? fileBytes.dropLast() : fileBytes[...]
        guard line.count > checkSuffixCount, line.hasSuffix(Array(#""}"#.utf8)) else {
            throw .damaged(detail: "it does not end the way a key file ends")
        }
        let checkStart = line.endIndex - checkSuffixCount
        let hexStart = checkStart + checkKey.count
        let written = line[hexStart..<(hexStart + 16)]
        guard line[checkStart..<hexStart].elementsEqual(checkKey), Hex.isLowercase(written, count: 16) else {
            throw .damaged(detail: "it has no check value where one belongs")
        }
        guard written.elementsEqual(checkValue(line[..<checkStart]).utf8) else {
            throw .damaged(detail: "its contents do not match its check value (it was changed after it was written)")
        }
        // Format and version first, on their own: a newer version may spell other fields differently.
        let identity: Identity
        let fields: Fields
        do {
            identity = try JSONDecoder().decode(Identity.self, from: Data(line))
        } catch {
            throw .damaged(detail: "it is not the JSON of a key file")
        }
        guard identity.format == JournalKey.formatName else { throw .damaged(detail: "it is not an IsoJournal key file") }
        guard let version = identity.version, version >= 1 else { throw .damaged(detail: "it has no valid version") }
        guard version == JournalKey.currentVersion else { throw .newerVersion(detail: "key file version \(version)") }
        do {
            fields = try JSONDecoder().decode(Fields.self, from: Data(line))
        } catch {
            throw .damaged(detail: "one of its fields is not of the right kind")
        }
        guard let kdf = fields.kdf else { throw .damaged(detail: "it does not say how the key is derived") }
        guard kdf == "scrypt" else { throw .newerVersion(detail: "key derivation \"\(kdf)\"") }
        guard let logN = fields.logN, let r = fields.r, let p = fields.p else {
            throw .damaged(detail: "its scrypt parameters are missing")
        }
        guard r == JournalKey.r, p == JournalKey.p else {
            throw .damaged(detail: "its scrypt parameters r=\(r), p=\(p) are not the ones IsoJournal uses")
        }
        guard (JournalKey.minimumLogN...JournalKey.maximumLogN).contains(logN) else {
            throw .workFactorOutOfRange(logN: logN)
        }
        guard let salt = fields.salt.flatMap({ StrictBase64.decode(Array($0.utf8)) }), salt.count == JournalKey.saltCount
        else { throw .damaged(detail: "its salt is not 16 bytes of base64") }
        guard let keyID = fields.keyID, Hex.isLowercase(Array(keyID.utf8), count: 16) else {
            throw .damaged(detail: "its key ID is not 16 hex digits")
        }
        guard let wrapped = fields.wrappedKey.flatMap({ StrictBase64.decode(Array($0.utf8)) }),
            wrapped.count == wrappedKeyCount
        else { throw .damaged(detail: "its wrapped key is not \(wrappedKeyCount) bytes of base64") }
        return KeyFileLine(logN: logN, r: r, p: p, salt: salt, keyID: keyID, wrappedKey: wrapped)
    }

    private struct Identity: Decodable {
        var format: String?
        var version: Int?
    }

    private struct Fields: Decodable {
        var kdf: String?
        var logN: Int?
        var r: Int?
        var p: Int?
        var salt: String?
        var keyID: String?
        var wrappedKey: String?
    }
}

private func quoted(_ ascii: [UInt8]) -> [UInt8] { [0x22] + ascii + [0x22] }

extension Collection where Element == UInt8 {
    fileprivate func hasSuffix(_ suffix: [UInt8]) -> Bool {
        count >= suffix.count && self.suffix(suffix.count).elementsEqual(suffix)
    }
}
