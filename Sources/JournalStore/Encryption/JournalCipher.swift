import Foundation

/// Where the store seals and opens journal lines (see `SealedLine`), with the store's words for
/// what can go wrong.
enum JournalCipher {
    /// The plaintext line of a sealed one.
    static func open(_ line: [UInt8], key: DataKey?) throws(EntryCodec.Problem) -> [UInt8] {
        guard let key else {
            throw EntryCodec.Problem("it is encrypted, and the journal was opened without its passphrase")
        }
        do {
            return try SealedLine.open(line, key: key)
        } catch {
            switch error {
            case .otherKey(let keyID): throw EntryCodec.Problem("it is encrypted with another key (\(keyID)) than this journal's")
            case .damaged(let detail): throw EntryCodec.Problem("it is encrypted and was changed or damaged (\(detail))")
            }
        }
    }

    /// A line as it goes to disk: sealed when the journal is encrypted. `line` ends in "\n".
    static func onDisk(_ line: [UInt8], key: DataKey?) -> [UInt8] {
        guard let key else { return line }
        return SealedLine.seal(plaintextLine: Array(line.dropLast()), key: key) + [0x0A]
    }
}

extension FolderEncryption {
    /// A file's bytes with every sealed line opened (lines that do not open are left sealed, so
    /// a check reports them): for `check`, which reads files line by line.
    public static func openedLines(_ bytes: [UInt8], key: DataKey) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let line = Array(bytes[start..<end])
            output += SealedLine.isSealed(line) ? ((try? SealedLine.open(line, key: key)) ?? line) : line
            if end < bytes.count { output.append(0x0A) }
            start = end + 1
        }
        return output
    }
}
