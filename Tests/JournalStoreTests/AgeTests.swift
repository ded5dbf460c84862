import Foundation
import Testing
@testable import JournalStore

/// The age v1 reader and writer, on bytes. Work factor 10 here (scrypt is what makes a real
/// file slow; its cost is not what these tests check); the fixtures test 18.
@Suite("age v1: round trips and refusals")
struct AgeTests {
    static let passphrase = Array("correct horse battery staple".utf8)
    static let logN = 10

    static func sealed(_ plaintext: [UInt8]) throws -> [UInt8] {
        try Age.encrypt(plaintext, passphrase: passphrase, logN: logN)
    }

    static func pattern(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) } }

    @Test("round trip at every chunk boundary", arguments: [0, 1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 200 * 1024])
    func roundTrip(size: Int) throws {
        let plaintext = Self.pattern(size)
        let file = try Self.sealed(plaintext)
        #expect(Age.isAgeFile(file))
        #expect(try Age.decrypt(file, passphrase: Self.passphrase) == plaintext)
        // 16-byte nonce, one 16-byte tag a chunk, and an empty payload is one empty final chunk.
        let chunks = max(1, (size + 65_535) / 65_536)
        let header = try AgeHeader.parse(file)
        #expect(file.count - header.payloadStart == 16 + size + 16 * chunks)
    }

    @Test("the header is what the spec draws: one scrypt stanza, work factor 18 by default, 43-character MAC")
    func headerShape() throws {
        let file = try Age.encrypt([1, 2, 3], passphrase: Self.passphrase)
        let lines = String(decoding: file.prefix(200), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "age-encryption.org/v1")
        let arguments = lines[1].split(separator: " ")
        #expect(arguments.count == 4 && arguments[0] == "->" && arguments[1] == "scrypt" && arguments[3] == "18")
        #expect(arguments[2].count == 22, "16 bytes of salt, unpadded base64")
        #expect(lines[2].count == 43, "32-byte body: 16 sealed + 16 tag")
        #expect(lines[3].hasPrefix("--- ") && lines[3].count == 47)
        #expect(try Age.workFactor(of: file) == 18)
    }

    @Test("a wrong passphrase is refused as such")
    func wrongPassphrase() throws {
        let file = try Self.sealed(Array("secret".utf8))
        #expect(throws: AgeError.wrongPassphrase) { try Age.decrypt(file, passphrase: Array("Correct horse battery staple".utf8)) }
        #expect(throws: AgeError.wrongPassphrase) { try Age.decrypt(file, passphrase: []) }
    }

    @Test("every single changed byte is refused, never decrypted to something")
    func everyByteFlipped() throws {
        let plaintext = Array("a small snapshot\n".utf8)
        let file = try Self.sealed(plaintext)
        for index in file.indices {
            for mask: UInt8 in [0x01, 0x80] {
                var changed = file
                changed[index] ^= mask
                #expect(throws: AgeError.self, "byte \(index) ^ \(mask)") { try Age.decrypt(changed, passphrase: Self.passphrase) }
            }
        }
    }

    @Test("a file cut anywhere is refused", arguments: [0, 1, 22, 30, 60, 100, 130, 140, 150])
    func truncatedSmall(keep: Int) throws {
        let file = try Self.sealed(Self.pattern(20))
        #expect(keep < file.count)
        #expect(throws: AgeError.self) { try Age.decrypt(Array(file.prefix(keep)), passphrase: Self.passphrase) }
    }

    @Test("a multi-chunk file cut at or inside a chunk is refused; cut at a chunk boundary it says truncated")
    func truncatedChunks() throws {
        let file = try Self.sealed(Self.pattern(200 * 1024))
        let payload = try AgeHeader.parse(file).payloadStart + 16
        let sealedChunk = 64 * 1024 + 16
        for end in [payload, payload + 1, payload + sealedChunk - 1, payload + 2 * sealedChunk + 5, file.count - 1] {
            #expect(throws: AgeError.self, "cut at \(end)") { try Age.decrypt(Array(file.prefix(end)), passphrase: Self.passphrase) }
        }
        for chunks in 1...3 {
            #expect(throws: AgeError.truncated, "after \(chunks) whole chunks") {
                try Age.decrypt(Array(file.prefix(payload + chunks * sealedChunk)), passphrase: Self.passphrase)
            }
        }
        #expect(throws: AgeError.self, "trailing bytes") { try Age.decrypt(file + [0], passphrase: Self.passphrase) }
    }

    @Test("an empty final chunk after full ones is refused (the spec allows it only for an empty payload)")
    func emptyFinalChunk() throws {
        let fileKey = [UInt8](repeating: 7, count: 16)
        let nonce = [UInt8](repeating: 9, count: 16)
        let full = Self.pattern(64 * 1024)
        // What a sloppy writer would make: the full chunk sealed as not-final, then an empty final one.
        let key = AgePayload.payloadKey(fileKey: fileKey, nonce: nonce)
        let first = AgePayload.sealChunk(full[...], key: key, counter: 0, isFinal: false)
        let empty = AgePayload.sealChunk([], key: key, counter: 1, isFinal: true)
        #expect(throws: AgeError.damagedPayload) { try AgePayload.open(ArraySlice(nonce + first + empty), fileKey: fileKey) }
        #expect(try AgePayload.open(ArraySlice(AgePayload.seal(full, fileKey: fileKey, nonce: nonce)), fileKey: fileKey) == full)
        #expect(throws: AgeError.truncated, "no chunk at all") { try AgePayload.open(ArraySlice(nonce), fileKey: fileKey) }
    }

    @Test("the header MAC is checked: a header re-made with another MAC is refused")
    func headerMAC() throws {
        var random = FixedRandom()
        let file = try Age.encrypt(Array("x".utf8), passphrase: Self.passphrase, logN: Self.logN, random: { random.next($0) })
        let header = try AgeHeader.parse(file)
        // Same stanza (the passphrase still opens it), MAC made with another file key.
        let forged = AgeHeader.encode(stanzas: header.stanzas, fileKey: [UInt8](repeating: 1, count: 16))
        #expect(throws: AgeError.headerChanged) { try Age.decrypt(forged + file[header.payloadStart...], passphrase: Self.passphrase) }
    }

    @Test("stanza rules: scrypt must be alone, work factor at most 22 and plain decimal, salt 16 bytes, body 32")
    func stanzaRules() throws {
        let fileKey = [UInt8](repeating: 3, count: 16)
        let good = try AgeScrypt.stanza(fileKey: fileKey, passphrase: Self.passphrase, salt: [UInt8](repeating: 5, count: 16), logN: Self.logN)
        func file(_ stanzas: [AgeHeader.Stanza]) -> [UInt8] {
            AgeHeader.encode(stanzas: stanzas, fileKey: fileKey) + AgePayload.seal([1], fileKey: fileKey, nonce: [UInt8](repeating: 0, count: 16))
        }
        #expect(try Age.decrypt(file([good]), passphrase: Self.passphrase) == [1])
        #expect(throws: AgeError.passphraseNotAlone) { try Age.decrypt(file([good, good]), passphrase: Self.passphrase) }
        let other = AgeHeader.Stanza(arguments: ["X25519", "abc"], body: [1, 2, 3])
        #expect(throws: AgeError.passphraseNotAlone) { try Age.decrypt(file([other, good]), passphrase: Self.passphrase) }
        #expect(throws: AgeError.noPassphraseStanza) { try Age.decrypt(file([other]), passphrase: Self.passphrase) }
        func with(_ change: (inout AgeHeader.Stanza) -> Void) -> [UInt8] {
            var stanza = good
            change(&stanza)
            return file([stanza])
        }
        #expect(throws: AgeError.workFactorTooHigh("23", maximum: 22)) { try Age.decrypt(with { $0.arguments[2] = "23" }, passphrase: Self.passphrase) }
        #expect(throws: AgeError.workFactorTooHigh("99999999999999999999", maximum: 22)) {
            try Age.decrypt(with { $0.arguments[2] = "99999999999999999999" }, passphrase: Self.passphrase)
        }
        for bad in ["010", "+10", "0x0a", "-10", "0", "10a", " 10"] {
            #expect(throws: AgeError.self, "\(bad)") { try Age.decrypt(with { $0.arguments[2] = bad }, passphrase: Self.passphrase) }
        }
        #expect(throws: AgeError.self, "short salt") { try Age.decrypt(with { $0.arguments[1] = "AAAAAAAAAAAAAAAAAAAA" }, passphrase: Self.passphrase) }
        #expect(throws: AgeError.self, "extra argument") { try Age.decrypt(with { $0.arguments.append("x") }, passphrase: Self.passphrase) }
        #expect(throws: AgeError.self, "long body") { try Age.decrypt(with { $0.body.append(0) }, passphrase: Self.passphrase) }
        #expect(throws: AgeError.noPassphraseStanza, "the type is case-sensitive") {
            try Age.decrypt(with { $0.arguments[0] = "Scrypt" }, passphrase: Self.passphrase)
        }
    }

    @Test("header syntax: version, padding, line length, CR, missing MAC are refused")
    func headerSyntax() throws {
        let file = try Self.sealed([42])
        let text = String(decoding: file.prefix(try AgeHeader.parse(file).payloadStart), as: UTF8.self)
        let payload = Array(file[try AgeHeader.parse(file).payloadStart...])
        func refused(_ header: String, _ expected: AgeError? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
            let bytes = Array(header.utf8) + payload
            if let expected {
                #expect(throws: expected, sourceLocation: sourceLocation) { try Age.decrypt(bytes, passphrase: Self.passphrase) }
            } else {
                #expect(throws: AgeError.self, sourceLocation: sourceLocation) { try Age.decrypt(bytes, passphrase: Self.passphrase) }
            }
        }
        refused(text.replacingOccurrences(of: "org/v1", with: "org/v2"), .unsupportedVersion)
        refused(text.replacingOccurrences(of: "\n", with: "\r\n"))
        refused(text.replacingOccurrences(of: "-> scrypt ", with: "-> scrypt  "))
        refused(text.replacingOccurrences(of: "-> ", with: "->"))
        let lines = text.split(separator: "\n").map(String.init)
        refused([lines[0], lines[1], lines[2] + "=", lines[3]].joined(separator: "\n") + "\n")
        refused([lines[0], lines[1], lines[2], lines[3] + "="].joined(separator: "\n") + "\n")
        refused([lines[0], lines[1], lines[2], String(lines[3].dropLast())].joined(separator: "\n") + "\n")
        refused([lines[0], lines[1], lines[2]].joined(separator: "\n") + "\n", nil)
        refused([lines[0], lines[3]].joined(separator: "\n") + "\n")
        #expect(throws: AgeError.notAgeFile) { try Age.decrypt(Array("{\"format\":\"isojournal-snapshot\"}\n".utf8), passphrase: Self.passphrase) }
        #expect(!Age.isAgeFile(Array("age-encryption.org/v1".utf8)), "no newline: not the version line")
    }

    @Test("bodies wrap at 64 columns with a shorter final line, empty when the body fills its last line")
    func bodyWrapping() throws {
        let key = [UInt8](repeating: 0, count: 16)
        for size in [0, 47, 48, 49, 96] { // 48 bytes are exactly 64 base64 characters
            let stanza = AgeHeader.Stanza(arguments: ["test"], body: Self.pattern(size))
            let encoded = AgeHeader.encode(stanzas: [stanza], fileKey: key)
            let lines = String(decoding: encoded, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let body = lines[2..<(lines.count - 2)]
            #expect(body.dropLast().allSatisfy { $0.count == 64 } && body.last!.count < 64, "\(size)")
            #expect(try AgeHeader.parse(encoded).stanzas == [stanza])
        }
    }

    @Test("base64: unpadded, canonical only")
    func base64() {
        for size in 0...7 {
            let bytes = Self.pattern(size)
            #expect(AgeBase64.decode(AgeBase64.encode(bytes)) == bytes)
        }
        #expect(String(decoding: AgeBase64.encode(Array("any carnal pleas".utf8)), as: UTF8.self) == "YW55IGNhcm5hbCBwbGVhcw")
        #expect(AgeBase64.decode(Array("YW55IGNhcm5hbCBwbGVhcw".utf8)) == Array("any carnal pleas".utf8))
        #expect(AgeBase64.decode(Array("YW55IGNhcm5hbCBwbGVhcx".utf8)) == nil, "low bits set: not canonical")
        #expect(AgeBase64.decode(Array("YW55IGNhcm5hbCBwbGVhcw==".utf8)) == nil, "padding")
        #expect(AgeBase64.decode(Array("Y".utf8)) == nil)
        #expect(AgeBase64.decode(Array("YW5-".utf8)) == nil, "URL alphabet")
    }
}

/// Deterministic "random" bytes for tests that need to rebuild a file.
struct FixedRandom {
    var counter: UInt8 = 0
    mutating func next(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in counter &+= 1; return counter }
    }
}
