import Crypto

/// age v1 files (c2sp.org/age) encrypted with a passphrase: what `age -p` writes and
/// `age -d` reads. Pure bytes in, bytes out; no file or terminal is touched here.
///
/// Only the scrypt (passphrase) recipient is implemented: a file encrypted to age keys is
/// refused with a sentence saying so. Files are held in memory whole, which suits snapshots
/// (a journal of ten years is ~10 MB).
public enum Age {
    /// The work factor written: age's own default (about a second on a laptop), so a stolen
    /// snapshot costs a guesser what an `age -p` file does.
    public static let defaultLogN = 18
    /// The largest work factor read: 2^22 × 1 KiB is 4 GiB of memory and several seconds. A
    /// file asking for more is refused rather than letting a crafted file exhaust memory or hang.
    public static let maximumLogN = 22

    /// Whether `bytes` starts with the age v1 version line (how a reader tells an encrypted
    /// snapshot from a plain one).
    public static func isAgeFile(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: AgeHeader.versionLine + [0x0A])
    }

    /// `plaintext` encrypted to `passphrase` as an age v1 file.
    public static func encrypt(_ plaintext: [UInt8], passphrase: [UInt8], logN: Int = defaultLogN) throws(AgeError) -> [UInt8] {
        try encrypt(plaintext, passphrase: passphrase, logN: logN, random: randomBytes)
    }

    /// The plaintext of the age file `file`, after checking the header, its MAC and every chunk.
    /// Nothing partial is ever returned: a damaged or truncated file throws.
    public static func decrypt(_ file: [UInt8], passphrase: [UInt8], maximumLogN: Int = maximumLogN) throws(AgeError) -> [UInt8] {
        let header = try AgeHeader.parse(file)
        let stanza = try passphraseStanza(of: header)
        _ = try AgeScrypt.parameters(of: stanza, maximumLogN: maximumLogN) // refuse a huge work factor before any work
        let fileKey = try AgeScrypt.unwrap(stanza, passphrase: passphrase, maximumLogN: maximumLogN)
        return try open(file, header: header, fileKey: fileKey)
    }

    /// The work factor a passphrase file asks for, so a caller can say "this takes a while"
    /// or refuse before asking for the passphrase at all.
    public static func workFactor(of file: [UInt8], maximumLogN: Int = maximumLogN) throws(AgeError) -> Int {
        try AgeScrypt.parameters(of: passphraseStanza(of: AgeHeader.parse(file)), maximumLogN: maximumLogN).logN
    }

    // MARK: - Internals, visible to the tests

    static func encrypt(_ plaintext: [UInt8], passphrase: [UInt8], logN: Int,
                        random: (Int) -> [UInt8]) throws(AgeError) -> [UInt8] {
        let fileKey = random(16)
        let stanza = try AgeScrypt.stanza(fileKey: fileKey, passphrase: passphrase, salt: random(AgeScrypt.saltSize), logN: logN)
        return AgeHeader.encode(stanzas: [stanza], fileKey: fileKey)
            + AgePayload.seal(plaintext, fileKey: fileKey, nonce: random(AgePayload.nonceSize))
    }

    /// The header MAC and the payload checked with a known file key (the test vectors give one).
    static func open(_ file: [UInt8], header: AgeHeader, fileKey: [UInt8]) throws(AgeError) -> [UInt8] {
        guard header.macMatches(fileKey: fileKey) else { throw .headerChanged }
        return try AgePayload.open(file[header.payloadStart...], fileKey: fileKey)
    }

    /// The one scrypt stanza. The spec makes a passphrase stanza the only stanza, so that
    /// knowing the passphrase means the file was made by someone who knew it.
    static func passphraseStanza(of header: AgeHeader) throws(AgeError) -> AgeHeader.Stanza {
        let scrypt = header.stanzas.filter { $0.arguments.first == "scrypt" }
        guard !scrypt.isEmpty else { throw .noPassphraseStanza }
        guard header.stanzas.count == 1 else { throw .passphraseNotAlone }
        return scrypt[0]
    }

    private static func randomBytes(_ count: Int) -> [UInt8] {
        // SymmetricKey draws from the system CSPRNG (getrandom on Linux).
        SymmetricKey(size: SymmetricKeySize(bitCount: count * 8)).withUnsafeBytes { Array($0) }
    }
}

/// Why an age file was not opened. Worded for a sentence "FILE …" by the caller.
public enum AgeError: Error, Equatable, Sendable {
    /// The first line is not an age version line.
    case notAgeFile
    /// An age file of a version other than v1.
    case unsupportedVersion
    case malformedHeader(String)
    /// Encrypted to age keys, not to a passphrase.
    case noPassphraseStanza
    /// A passphrase stanza alongside other stanzas, which the spec forbids.
    case passphraseNotAlone
    case workFactorTooHigh(String, maximum: Int)
    case wrongPassphrase
    /// The header MAC does not match: the header was changed after it was written.
    case headerChanged
    /// A chunk does not authenticate: the payload was changed or damaged.
    case damagedPayload
    /// The file ends before its final chunk.
    case truncated
    case keyDerivationFailed

    /// The reason, as the end of a sentence that names the file.
    public var reason: String {
        switch self {
        case .notAgeFile: return "is not an age-encrypted file"
        case .unsupportedVersion: return "is an age file of a version other than v1, which IsoJournal cannot read"
        case .malformedHeader(let detail): return "has a damaged age header (\(detail))"
        case .noPassphraseStanza: return "is encrypted to age keys, not to a passphrase; decrypt it with `age -d -i KEYFILE` first"
        case .passphraseNotAlone: return "has a passphrase stanza alongside other recipients, which age forbids"
        case let .workFactorTooHigh(value, maximum):
            return "asks for an scrypt work factor of \(value), above the \(maximum) IsoJournal accepts (it could take minutes and gigabytes)"
        case .wrongPassphrase: return "does not open with that passphrase"
        case .headerChanged: return "was changed after it was encrypted (its header MAC does not match)"
        case .damagedPayload: return "was changed or damaged after it was encrypted (a chunk does not authenticate)"
        case .truncated: return "is cut short (it ends before its final chunk)"
        case .keyDerivationFailed: return "could not be opened: there was not enough memory for its scrypt work factor"
        }
    }
}
