import Crypto

/// The textual header of an age v1 file: the version line, the recipient stanzas, the MAC line.
///
/// Parsed strictly by the ABNF of the spec (c2sp.org/age): LF line ends only, arguments of
/// visible ASCII separated by single spaces, bodies of canonical base64 wrapped at exactly 64
/// columns and ended by a shorter (possibly empty) line. Anything else is refused, because a
/// header that parses two ways is one whose MAC can be argued about.
struct AgeHeader: Equatable {
    static let versionLine = Array("age-encryption.org/v1".utf8)
    static let versionPrefix = Array("age-encryption.org/".utf8)
    static let columns = 64

    struct Stanza: Equatable {
        var arguments: [String]
        var body: [UInt8]
    }

    var stanzas: [Stanza]
    /// The 32-byte HMAC-SHA-256 on the MAC line.
    var mac: [UInt8]
    /// The header bytes the MAC covers: from the version line through the `---` mark.
    var authenticated: [UInt8]
    /// Where the payload starts in the file.
    var payloadStart: Int

    /// The bytes of the header for `stanzas`, ended by the MAC computed with `fileKey`.
    static func encode(stanzas: [Stanza], fileKey: [UInt8]) -> [UInt8] {
        var text = versionLine + [0x0A]
        for stanza in stanzas {
            text += Array(("-> " + stanza.arguments.joined(separator: " ")).utf8) + [0x0A]
            let body = AgeBase64.encode(stanza.body)
            var start = 0
            // Full 64-column lines, then a shorter final one: empty when the body fills its last line.
            while start + columns <= body.count {
                text += body[start..<(start + columns)] + [0x0A]
                start += columns
            }
            text += body[start...] + [0x0A]
        }
        text += Array("---".utf8)
        return text + [0x20] + AgeBase64.encode(mac(over: text, fileKey: fileKey)) + [0x0A]
    }

    /// HMAC-SHA-256 keyed by HKDF-SHA-256(ikm: file key, salt: empty, info: "header").
    static func mac(over authenticated: [UInt8], fileKey: [UInt8]) -> [UInt8] {
        let key = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: fileKey), salt: [UInt8](),
                                         info: Array("header".utf8), outputByteCount: 32)
        return Array(HMAC<SHA256>.authenticationCode(for: authenticated, using: key))
    }

    /// Whether the MAC line matches the header for `fileKey` (compared in constant time).
    func macMatches(fileKey: [UInt8]) -> Bool {
        let key = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: fileKey), salt: [UInt8](),
                                         info: Array("header".utf8), outputByteCount: 32)
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: authenticated, using: key)
    }

    /// Parses the header at the start of `file`.
    static func parse(_ file: [UInt8]) throws(AgeError) -> AgeHeader {
        var reader = LineReader(bytes: file)
        guard let version = reader.next() else { throw .notAgeFile }
        guard version.starts(with: versionPrefix) else { throw .notAgeFile }
        guard Array(version) == versionLine else { throw .unsupportedVersion }

        var stanzas: [Stanza] = []
        while true {
            guard let line = reader.next() else { throw .malformedHeader("it ends before its MAC line") }
            if line.starts(with: Array("---".utf8)) {
                let macStart = line.startIndex
                guard !stanzas.isEmpty else { throw .malformedHeader("it has no recipient stanza") }
                guard line.count == 4 + 43, line[line.startIndex + 3] == 0x20,
                      let mac = AgeBase64.decode(line[(line.startIndex + 4)...]), mac.count == 32 else {
                    throw .malformedHeader("its MAC line is not `--- ` and 43 base64 characters")
                }
                return AgeHeader(stanzas: stanzas, mac: mac, authenticated: Array(file[..<(macStart + 3)]),
                                 payloadStart: reader.position)
            }
            guard line.starts(with: Array("-> ".utf8)) else {
                throw .malformedHeader("a line starts with neither `->` nor `---`")
            }
            let arguments = line[(line.startIndex + 3)...].split(separator: 0x20, omittingEmptySubsequences: false)
            guard !arguments.isEmpty, arguments.allSatisfy({ !$0.isEmpty && $0.allSatisfy { (0x21...0x7E).contains($0) } }) else {
                throw .malformedHeader("a stanza has an empty or invalid argument")
            }
            var body: [UInt8] = []
            while true {
                guard let bodyLine = reader.next() else { throw .malformedHeader("a stanza body has no final line") }
                guard bodyLine.count <= columns, bodyLine.allSatisfy(AgeBase64.isCharacter) else {
                    throw .malformedHeader("a stanza body line is not base64 of at most 64 columns")
                }
                body += bodyLine
                if bodyLine.count < columns { break }
            }
            guard let decoded = AgeBase64.decode(body) else { throw .malformedHeader("a stanza body is not canonical base64") }
            stanzas.append(Stanza(arguments: arguments.map { String(decoding: $0, as: UTF8.self) }, body: decoded))
        }
    }
}

/// Lines ended by LF; a last piece without LF is not a line (the header must end with one).
private struct LineReader {
    let bytes: [UInt8]
    private(set) var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> ArraySlice<UInt8>? {
        guard position < bytes.count, let end = bytes[position...].firstIndex(of: 0x0A) else { return nil }
        defer { position = end + 1 }
        return bytes[position..<end]
    }
}
