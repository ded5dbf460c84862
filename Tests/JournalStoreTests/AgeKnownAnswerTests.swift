import Foundation
import Testing
import JournalCore
@testable import JournalStore

/// Files written by Debian's `age` 1.1.1 (`age -p`, work factor 18), committed under
/// Tests/AgeFixtures with how they were made: what another client writes, we must read.
@Suite("age v1: files made by the age tool")
struct AgeKnownAnswerTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AgeFixtures")
    static let passphrase = Array("correct horse battery staple".utf8)

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    @Test("a one-chunk file made by age -p")
    func small() throws {
        let file = try Self.fixture("small.age")
        #expect(try Age.workFactor(of: file) == 18)
        #expect(try Age.decrypt(file, passphrase: Self.passphrase)
                == Array("IsoJournal age fixture: made by Debian's age 1.1.1 with age -p.\n".utf8))
    }

    /// (Each decryption here costs a work-factor-18 scrypt, seconds in a debug build: the
    /// refusals are tested on cheap files in AgeTests.)
    @Test("a three-chunk file made by age -p")
    func threeChunks() throws {
        let file = try Self.fixture("three-chunks.age")
        #expect(try Age.decrypt(file, passphrase: Self.passphrase) == (0..<150_000).map { UInt8($0 * 7 % 251) })
    }

    /// The C2SP age test kit (age-encryption.org/testkit), when a copy is at $AGE_TESTKIT_DIR:
    /// not committed here. Checks the scrypt files with their passphrase and, for the stream
    /// and header files, the header MAC and payload with the file key each one states.
    @Test("the C2SP testkit, when AGE_TESTKIT_DIR points at a copy")
    func testkit() throws {
        guard let directory = ProcessInfo.processInfo.environment["AGE_TESTKIT_DIR"] else { return }
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() {
            guard name.hasPrefix("scrypt") || name.hasPrefix("stream_") || name.hasPrefix("hmac_")
                    || name.hasPrefix("stanza_") || name.hasPrefix("header_") || name.hasPrefix("version_") else { continue }
            let whole = [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name)))
            guard let blank = (0..<(whole.count - 1)).first(where: { whole[$0] == 0x0A && whole[$0 + 1] == 0x0A }) else { continue }
            var fields: [String: String] = [:]
            for line in String(decoding: whole[..<blank], as: UTF8.self).split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                fields[String(line[..<colon])] = String(line[line.index(colon, offsetBy: 2)...])
            }
            let file = Array(whole[(blank + 2)...])
            if fields["compressed"] != nil || fields["armored"] == "yes" { continue }
            let expect = fields["expect"] ?? ""
            var result: Result<[UInt8], AgeError>
            if let passphrase = fields["passphrase"] {
                result = Result { () throws(AgeError) -> [UInt8] in try Age.decrypt(file, passphrase: Array(passphrase.utf8)) }
            } else if let key = fields["file key"].flatMap(hexBytes), expect != "no match" {
                // Not a passphrase file: check the header syntax, its MAC and the payload with the given key.
                result = Result { () throws(AgeError) -> [UInt8] in try Age.open(file, header: AgeHeader.parse(file), fileKey: key) }
                if expect == "header failure" || expect == "HMAC failure", case .success = result {
                    // The header parsed and matched: its failure is in a stanza we do not implement.
                    continue
                }
            } else { continue }
            switch (expect, result) {
            case ("success", .success(let plain)):
                #expect(Checksum.sha256Hex(plain) == fields["payload"], "\(name)")
            case ("success", .failure(let error)):
                Issue.record("\(name): expected success, got \(error)")
            case (_, .success):
                Issue.record("\(name): expected \(expect), but it opened")
            default: break
            }
            checked += 1
        }
        #expect(checked > 30)
    }
}

private func hexBytes(_ text: String) -> [UInt8]? {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else { return nil }
    return stride(from: 0, to: digits.count, by: 2).compactMap { UInt8(String(decoding: digits[$0..<($0 + 2)], as: UTF8.self), radix: 16) }
}
