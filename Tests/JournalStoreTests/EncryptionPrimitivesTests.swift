import Crypto
import Foundation
@testable import JournalStore
import Testing

/// The key file and sealed lines: round trips, every kind of damage detected, and fixtures that
/// pin the byte format (computed independently with Python's hashlib.scrypt and pyca/cryptography).
/// Every key file here uses logN 10 so the suite stays fast.
@Suite("Encryption primitives")
struct EncryptionPrimitivesTests {
    static let logN = JournalKey.minimumLogN
    static let recordLine = Array(
        #"{"id":"symptom-2026-11-26-dry-lips","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"grade":2,"symptom":"dry-lips"}}"#
            .utf8)

    // MARK: Key file

    @Test func keyFileRoundTripsAndIsOneLine() throws {
        let (file, key) = try JournalKey.create(passphrase: "correct horse", logN: Self.logN)
        #expect(try JournalKey.unlock(file, passphrase: "correct horse") == key)
        #expect(try JournalKey.keyID(of: file) == key.keyID)
        #expect(file.last == 0x0A && file.filter { $0 == 0x0A }.count == 1)
        let text = String(decoding: file, as: UTF8.self)
        #expect(text.hasPrefix(#"{"format":"isojournal-key","version":1,"kdf":"scrypt","logN":10,"r":8,"p":1,"salt":""#))
        #expect(text.contains(#""keyID":"\#(key.keyID)""#))
        // A missing final "\n" (an editor's doing) is tolerated.
        #expect(try JournalKey.unlock(Array(file.dropLast()), passphrase: "correct horse") == key)
    }

    @Test func eachKeyFileHasItsOwnKeyAndSalt() throws {
        let (first, firstKey) = try JournalKey.create(passphrase: "same", logN: Self.logN)
        let (second, secondKey) = try JournalKey.create(passphrase: "same", logN: Self.logN)
        #expect(firstKey != secondKey && firstKey.keyID != secondKey.keyID)
        #expect(try KeyFileLine.parse(first).salt != KeyFileLine.parse(second).salt)
    }

    @Test func wrongOrEmptyPassphraseDoesNotUnlock() throws {
        let (file, _) = try JournalKey.create(passphrase: "correct horse", logN: Self.logN)
        #expect(throws: KeyError.wrongPassphrase) { try JournalKey.unlock(file, passphrase: "correct hors") }
        #expect(throws: KeyError.wrongPassphrase) { try JournalKey.unlock(file, passphrase: "Correct horse") }
        #expect(throws: KeyError.wrongPassphrase) { try JournalKey.unlock(file, passphrase: "") }
        #expect(throws: KeyError.emptyPassphrase) { try JournalKey.create(passphrase: "", logN: Self.logN) }
    }

    @Test func passphraseIsTheSameWhicheverWayAnAccentIsTyped() throws {
        let (file, key) = try JournalKey.create(passphrase: "caf\u{E9} cr\u{E8}me", logN: Self.logN)
        #expect(try JournalKey.unlock(file, passphrase: "cafe\u{301} cre\u{300}me") == key)
    }

    @Test func workFactorOutsideTheLimitsIsRefused() {
        #expect(throws: KeyError.workFactorOutOfRange(logN: 9)) { try JournalKey.create(passphrase: "x", logN: 9) }
        #expect(throws: KeyError.workFactorOutOfRange(logN: 23)) { try JournalKey.create(passphrase: "x", logN: 23) }
    }

    @Test func everyFlippedByteOfTheKeyFileIsDamage() throws {
        let (file, _) = try JournalKey.create(passphrase: "pass", logN: Self.logN)
        for position in file.indices {
            for mask: UInt8 in [0x01, 0x20, 0x80] {
                var changed = file
                changed[position] ^= mask
                let error = keyError { _ = try JournalKey.unlock(changed, passphrase: "pass") }
                #expect(isDamaged(error), "byte \(position) ^ \(mask): \(String(describing: error))")
            }
        }
        for length in 0..<(file.count - 1) {
            let error = keyError { _ = try JournalKey.unlock(Array(file.prefix(length)), passphrase: "pass") }
            #expect(isDamaged(error), "cut to \(length) bytes")
        }
    }

    @Test func editedParametersAreDamageAndRecheckedOnesStillDoNotUnlock() throws {
        let (file, key) = try JournalKey.create(passphrase: "pass", logN: Self.logN)
        let text = String(decoding: file, as: UTF8.self)
        let parsed = try KeyFileLine.parse(file)
        let salt = String(decoding: StrictBase64.encode(parsed.salt), as: UTF8.self)
        var otherSalt = parsed.salt
        otherSalt[0] ^= 1
        let newSalt = String(decoding: StrictBase64.encode(otherSalt), as: UTF8.self)
        let edits: [(String, String)] = [
            (#""logN":10"#, #""logN":11"#), (salt, newSalt), (key.keyID, String(key.keyID.reversed())),
        ]
        for (old, new) in edits {
            let edited = text.replacingOccurrences(of: old, with: new)
            #expect(edited != text)
            // As damage: the check value no longer matches.
            #expect(isDamaged(keyError { _ = try JournalKey.unlock(Array(edited.utf8), passphrase: "pass") }))
            // On purpose, check recomputed: the wrapped key is bound to the parameters, so no key comes out.
            #expect(throws: KeyError.wrongPassphrase) {
                try JournalKey.unlock(rechecked(edited), passphrase: "pass")
            }
        }
    }

    @Test func unknownVersionsAndParametersAreRefusedBeforeDeriving() throws {
        let text = String(decoding: try JournalKey.create(passphrase: "pass", logN: Self.logN).fileBytes, as: UTF8.self)
        func unlock(_ old: String, _ new: String) -> KeyError? {
            keyError { _ = try JournalKey.unlock(rechecked(text.replacingOccurrences(of: old, with: new)), passphrase: "pass") }
        }
        #expect(unlock(#""logN":10"#, #""logN":30"#) == .workFactorOutOfRange(logN: 30))
        #expect(unlock(#""logN":10"#, #""logN":9"#) == .workFactorOutOfRange(logN: 9))
        #expect(unlock(#""version":1"#, #""version":2"#) == .newerVersion(detail: "key file version 2"))
        #expect(unlock(#""kdf":"scrypt""#, #""kdf":"argon2id""#) == .newerVersion(detail: #"key derivation "argon2id""#))
        #expect(isDamaged(unlock(#""r":8"#, #""r":16"#)))
        #expect(isDamaged(unlock(#""version":1"#, #""version":0"#)))
        #expect(isDamaged(unlock(#""format":"isojournal-key""#, #""format":"isojournal""#)))
        #expect(isDamaged(unlock(#""logN":10"#, #""logN":"10""#)))
        #expect(isDamaged(keyError { _ = try JournalKey.unlock(Array("not a key file\n".utf8), passphrase: "pass") }))
    }

    @Test func rewrapKeepsTheDataKeyAndRetiresTheOldPassphrase() throws {
        let (file, key) = try JournalKey.create(passphrase: "old one", logN: Self.logN)
        let sealed = SealedLine.seal(plaintextLine: Self.recordLine, key: key)
        let rewrapped = try JournalKey.rewrap(file, old: "old one", new: "new one")
        let unlocked = try JournalKey.unlock(rewrapped, passphrase: "new one")
        #expect(unlocked == key && unlocked.keyID == key.keyID)
        #expect(try SealedLine.open(sealed, key: unlocked) == Self.recordLine)
        #expect(throws: KeyError.wrongPassphrase) { try JournalKey.unlock(rewrapped, passphrase: "old one") }
        #expect(try KeyFileLine.parse(rewrapped).salt != KeyFileLine.parse(file).salt)
        #expect(try KeyFileLine.parse(rewrapped).logN == Self.logN, "the work factor is kept unless asked")
        #expect(try KeyFileLine.parse(JournalKey.rewrap(file, old: "old one", new: "n", logN: 11)).logN == 11)
        #expect(throws: KeyError.wrongPassphrase) { try JournalKey.rewrap(file, old: "wrong", new: "new one") }
        #expect(throws: KeyError.emptyPassphrase) { try JournalKey.rewrap(file, old: "old one", new: "") }
    }

    @Test func keyFileFormatIsStable() throws {
        // Computed with Python: hashlib.scrypt(n=1024, r=8, p=1) and pyca ChaCha20Poly1305.
        let fixture = #"{"format":"isojournal-key","version":1,"kdf":"scrypt","logN":10,"r":8,"p":1,"salt":"AAECAwQFBgcICQoLDA0ODw==","keyID":"b4648c65ef26eb3b","wrappedKey":"sLGys7S1tre4ubq7V4GiShMf67apjTIY2AnCbbTGNpw5agYQto5cUrJh5QJ2kMfcD749oel5lqFS5dQ2","check":"c40de5a01f7121ea"}"#
            + "\n"
        let key = try JournalKey.unlock(Array(fixture.utf8), passphrase: "correct horse battery staple")
        #expect(key == Self.fixtureKey)
        let written = try JournalKey.wrap(
            Self.fixtureKey, passphrase: "correct horse battery staple", logN: 10, salt: Array(0..<16),
            nonce: ChaChaPoly.Nonce(data: Array(UInt8(0xB0)..<0xBC)))
        #expect(String(decoding: written, as: UTF8.self) == fixture)
    }

    // MARK: Sealed lines

    static let fixtureKey = DataKey(SymmetricKey(data: Array(UInt8(0)..<32)))

    @Test func sealedLineFormatIsStable() throws {
        // Computed with Python's pyca ChaCha20Poly1305 and hmac (key bytes 0...31, nonce a0...ab).
        let fixture = #"{"sealedWith":"b4648c65ef26eb3b","box":"oKGio6Slpqeoqaqrd4kRO2/c4N7ZYoNgk5fQya1s5ZJyW02RgvW/wwhPr2Uc8zSmjLua/OT2xJE/OhEoLuZwGnp1BvFTO2ZiYAjXrdKUFSpdjdOEAMrwuz2Cn1MxqCLRKuikkkEZerq++fqZsGUDwfZ5V9edcFJUufEq2Hr0kXl3NIvRyc6aKJD3wl8bSN7Eu4vZsHzYr0kV2DUju7ZzkFtEYyGNVfqUQ0+Y796+k4q0DNTobh7m1g=="}"#
        #expect(Self.fixtureKey.keyID == "b4648c65ef26eb3b")
        #expect(try SealedLine.open(Array(fixture.utf8), key: Self.fixtureKey) == Self.recordLine)
        let sealed = try SealedLine.seal(
            plaintextLine: Self.recordLine, key: Self.fixtureKey, nonce: ChaChaPoly.Nonce(data: Array(UInt8(0xA0)..<0xAC)))
        #expect(String(decoding: sealed, as: UTF8.self) == fixture)
    }

    @Test(arguments: ["", "x", #"{"id":"note-1","rev":1,"data":{"text":"naïve ⏎ \"quoted\" \\ \t"}}"#])
    func sealedLinesRoundTrip(plain: String) throws {
        let key = DataKey.random()
        let sealed = SealedLine.seal(plaintextLine: Array(plain.utf8), key: key)
        #expect(SealedLine.isSealed(sealed))
        #expect(SealedLine.keyID(of: sealed) == key.keyID)
        #expect(try SealedLine.open(sealed, key: key) == Array(plain.utf8))
    }

    @Test func plainLinesAreNotTakenForSealedOnes() {
        #expect(!SealedLine.isSealed(Self.recordLine))
        #expect(!SealedLine.isSealed(JournalHeader(createdAt: nil).encodeLine()))
        #expect(SealedLine.keyID(of: Self.recordLine) == nil)
        #expect(throws: SealedLine.OpenError.damaged(detail: "it is not a sealed line")) {
            try SealedLine.open(Self.recordLine, key: Self.fixtureKey)
        }
    }

    @Test func sealingTheSameLineTwiceGivesDifferentLines() {
        let key = DataKey.random()
        let first = SealedLine.seal(plaintextLine: Self.recordLine, key: key)
        let second = SealedLine.seal(plaintextLine: Self.recordLine, key: key)
        #expect(first != second)
        #expect(first.prefix(SealedLine.prefix.count + 16 + 9 + 16) != second.prefix(SealedLine.prefix.count + 16 + 9 + 16),
                "the nonces differ")
    }

    @Test func sealedLineIsOneAsciiLineShowingNothingOfThePlaintext() throws {
        let plain = Array(#"{"id":"note-1","rev":1,"data":{"text":"CANARY-4c1b9e secret diary text, CANARY-4c1b9e again"}}"#.utf8)
        let sealed = SealedLine.seal(plaintextLine: plain, key: DataKey.random())
        #expect(!sealed.contains(0x0A) && !sealed.contains(0x0D))
        #expect(sealed.allSatisfy { (0x20...0x7E).contains($0) })
        for start in 0...(plain.count - 8) {
            let window = plain[start..<(start + 8)]
            #expect(!contains(sealed, window), "plaintext bytes \(start)..<\(start + 8) show in the sealed line")
        }
    }

    @Test func everyFlippedByteOfASealedLineIsDetected() throws {
        let key = DataKey.random()
        let sealed = SealedLine.seal(plaintextLine: Self.recordLine, key: key)
        let keyIDBytes = SealedLine.prefix.count..<(SealedLine.prefix.count + 16)
        for position in sealed.indices {
            for mask: UInt8 in [0x01, 0x20, 0x80] {
                var changed = sealed
                changed[position] ^= mask
                do throws(SealedLine.OpenError) {
                    let opened = try SealedLine.open(changed, key: key)
                    Issue.record("byte \(position) ^ \(mask) went unnoticed: \(opened.count) bytes came out")
                } catch .otherKey {
                    // Only a key ID that is still 16 lowercase hex digits reads as another key's line.
                    #expect(keyIDBytes.contains(position))
                } catch .damaged {
                }
            }
        }
        for length in 0..<sealed.count {
            #expect(throws: SealedLine.OpenError.self) { try SealedLine.open(Array(sealed.prefix(length)), key: key) }
        }
    }

    @Test func base64IsFoundationsSpellingAndEveryOtherSpellingIsRefused() {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for count in 1...64 {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255) }
            let encoded = StrictBase64.encode(bytes)
            #expect(encoded == Array(Data(bytes).base64EncodedData()))
            #expect(StrictBase64.decode(encoded) == bytes)
            // Of the 64 digits that could stand last before padding, only the written one reads as these bytes.
            let padding = encoded.reversed().prefix { $0 == UInt8(ascii: "=") }.count
            let last = encoded.count - 1 - padding
            let accepted = alphabet.filter { digit in
                var other = encoded
                other[last] = digit
                return StrictBase64.decode(other) == bytes
            }
            #expect(accepted == [encoded[last]], "\(count) bytes")
            for position in encoded.indices {
                for bad in [UInt8(ascii: "="), UInt8(ascii: "-"), UInt8(ascii: "\n"), 0x80] where encoded[position] != bad {
                    var other = encoded
                    other[position] = bad
                    #expect(StrictBase64.decode(other) == nil || (bad == UInt8(ascii: "=") && position >= last))
                }
            }
        }
    }

    @Test func onlyTheCanonicalBase64SpellingIsRead() throws {
        #expect(StrictBase64.decode(Array("QQ==".utf8)) == [0x41])
        #expect(StrictBase64.decode(Array("QR==".utf8)) == nil, "the same byte, with the unused bits set")
        #expect(StrictBase64.decode(Array("QQ".utf8)) == nil && StrictBase64.decode(Array("Q Q=".utf8)) == nil)
        // A box of 28 + 30 bytes ends in "==": its last digit has 4 unused bits; setting one is damage.
        let key = DataKey.random()
        let sealed = SealedLine.seal(plaintextLine: Array(Self.recordLine.prefix(30)), key: key)
        #expect(sealed.suffix(4).elementsEqual(#"=="}"#.utf8))
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        let last = sealed.count - 5
        var changed = sealed
        changed[last] = alphabet[try #require(alphabet.firstIndex(of: sealed[last])) ^ 1]
        #expect(isDamaged(changed, key: key))
    }

    @Test func aLineSealedWithAnotherKeyIsToldApartFromADamagedOne() throws {
        let mine = DataKey.random()
        let theirs = DataKey.random()
        let sealed = SealedLine.seal(plaintextLine: Self.recordLine, key: theirs)
        #expect(throws: SealedLine.OpenError.otherKey(keyID: theirs.keyID)) { try SealedLine.open(sealed, key: mine) }
        #expect(SealedLine.keyID(of: sealed) == theirs.keyID)
        // The same line with its box damaged, opened with the right key, is damage.
        var damaged = sealed
        damaged[damaged.count - 10] = damaged[damaged.count - 10] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(isDamaged(damaged, key: theirs))
    }

    // MARK: The data key never shows its bytes

    @Test func dataKeyDoesNotPrintItsBytes() {
        let key = Self.fixtureKey
        let hex = Hex.lowercase(0..<32)
        var dumped = ""
        dump(key, to: &dumped)
        for shown in [key.description, key.debugDescription, "\(key)", String(reflecting: key), dumped] {
            #expect(shown.contains(key.keyID))
            #expect(!shown.lowercased().contains(hex.prefix(16)), "\(shown)")
            #expect(!shown.contains("0, 1, 2, 3"), "\(shown)")
        }
    }

    // MARK: Tuning

    @Test func tuningPicksTheLargestWorkFactorWithinTheBudget() {
        func doubling(from seconds: Double) -> (Int) -> Double {
            { logN in seconds * Double(1 << (logN - ScryptTuning.lowestChoice)) }
        }
        #expect(ScryptTuning.pickLogN(secondsFor: doubling(from: 0.06)) == 19)  // 0.96 s
        #expect(ScryptTuning.pickLogN(secondsFor: doubling(from: 0.07)) == 18)  // 0.56 s; 1.12 s is over
        #expect(ScryptTuning.pickLogN(secondsFor: doubling(from: 2.0)) == 15, "never below the floor")
        #expect(ScryptTuning.pickLogN(secondsFor: doubling(from: 0.001)) == 20, "never above the ceiling")
        // A step that turns out slower than predicted (memory) is not taken.
        #expect(ScryptTuning.pickLogN(secondsFor: { $0 >= 17 ? 1.5 : 0.3 }) == 16)
        var measured: [Int] = []
        _ = ScryptTuning.pickLogN(secondsFor: { measured.append($0); return 0.6 })
        #expect(measured == [15], "a step predicted over budget is not even tried")
    }

    /// Prints the numbers for the design note; run with ISOJOURNAL_MEASURE=1 (ideally a release build).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ISOJOURNAL_MEASURE"] != nil))
    func measureCosts() throws {
        for logN in 15...18 {
            print("scrypt logN \(logN): \(String(format: "%.3f", ScryptTuning.measure(logN: logN))) s")
        }
        print("pickLogN: \(ScryptTuning.pickLogN())")
        let key = DataKey.random()
        let lines = (0..<10_000).map { i in Array(String(repeating: "x", count: 190).utf8) + Array(String(format: "%010d", i).utf8) }
        let clock = ContinuousClock()
        var sealed: [[UInt8]] = []
        let sealing = clock.measure { sealed = lines.map { SealedLine.seal(plaintextLine: $0, key: key) } }
        var opened = 0
        let opening = try clock.measure { for line in sealed { opened += try SealedLine.open(line, key: key).count } }
        #expect(opened == 2_000_000)
        print("10,000 lines of 200 bytes: seal \(sealing), open \(opening); sealed line \(sealed[0].count) bytes")
    }
}

/// The KeyError `body` threw; nil if it threw nothing (or something else, which fails a test too).
private func keyError(_ body: () throws -> Void) -> KeyError? {
    do {
        try body()
        return nil
    } catch {
        return error as? KeyError
    }
}

private func isDamaged(_ error: KeyError?) -> Bool {
    if case .damaged = error { return true }
    return false
}

private func isDamaged(_ line: [UInt8], key: DataKey) -> Bool {
    do throws(SealedLine.OpenError) {
        _ = try SealedLine.open(line, key: key)
        return false
    } catch {
        if case .damaged = error { return true }
        return false
    }
}

/// `text` (a key file, "\n" included) with its check value recomputed, as a deliberate edit would.
private func rechecked(_ text: String) -> [UInt8] {
    let line = Array(text.utf8.dropLast())
    let covered = Array(line.dropLast(KeyFileLine.checkSuffixCount))
    return covered + KeyFileLine.checkKey + Array(KeyFileLine.checkValue(covered).utf8) + Array(#""}"#.utf8) + [0x0A]
}

private func contains(_ haystack: [UInt8], _ needle: ArraySlice<UInt8>) -> Bool {
    guard haystack.count >= needle.count else { return false }
    return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
}
