import Foundation
import Glibc
import JournalCore

/// Splits a stretch of the journal into complete lines and decodes them.
///
/// Only lines ending in "\n" count. Whatever follows the last "\n" is the tail: an append
/// still in progress (seen without the lock) or one cut off by a crash (seen under it).
enum JournalReader {
    struct Result {
        /// Set when the stretch starts at the beginning of the file.
        var header: JournalHeader?
        var entries: [Entry] = []
        /// Bytes through the last "\n".
        var completeLength = 0
        var lineCount = 0
        /// The last complete line, "\n" included, so a later read can check the file is the same.
        var lastLine: [UInt8] = []
        var tail: ArraySlice<UInt8> = []
        /// With `stopAtDamage`: the first complete line that could not be read; reading stopped there.
        var damage: Failure?
    }

    /// A complete line that could not be read; `schemaVersion` is the header's when it was read.
    struct Failure: Error {
        var line: Int
        var detail: String
        var schemaVersion: Int?
    }

    /// `firstLine` is the line number of the first byte (1 at the start of the file).
    /// `schemaVersion` is the header's, when the stretch starts after it.
    /// `stopAtDamage`: a line that cannot be read ends the reading without an error, the lines
    /// before it kept (another machine's log may be arriving through a sync tool).
    /// `key`: an encrypted journal's data key; each sealed line is opened with it before it is
    /// read (lines that are not sealed read as they are, as during `encrypt`).
    static func read(_ bytes: [UInt8], firstLine: Int, startsWithHeader: Bool,
                     schemaVersion: Int = JournalHeader.currentSchemaVersion, stopAtDamage: Bool = false,
                     key: DataKey? = nil) throws(Failure) -> Result {
        var result = Result()
        var failure: Failure?
        bytes.withUnsafeBytes { (all: UnsafeRawBufferPointer) in
            guard let base = all.baseAddress else { return }
            var start = 0
            while start < all.count,
                  let found = memchr(base + start, 0x0A, all.count - start) {
                let end = base.distance(to: UnsafeRawPointer(found))
                let line = UnsafeRawBufferPointer(rebasing: all[start..<end])
                let number = firstLine + result.lineCount
                do throws(EntryCodec.Problem) {
                    if startsWithHeader && result.lineCount == 0 {
                        result.header = try JournalHeader.decodeLine(Data(line))
                    } else {
                        let version = result.header?.schemaVersion ?? schemaVersion
                        if SealedLine.isSealed(line) {
                            let plain = try JournalCipher.open(Array(line), key: key)
                            result.entries.append(try SchemaMigration.decodeEntry(Data(plain), writtenIn: version))
                        } else {
                            result.entries.append(try SchemaMigration.decodeEntry(line, writtenIn: version))
                        }
                    }
                } catch {
                    failure = Failure(line: number, detail: error.detail, schemaVersion: result.header?.schemaVersion)
                    return
                }
                result.lineCount += 1
                result.completeLength = end + 1
                start = end + 1
            }
        }
        if let failure {
            guard stopAtDamage, !(startsWithHeader && result.header == nil) else { throw failure }
            result.damage = failure
        }
        if result.completeLength > 0 {
            let lastStart = bytes[..<(result.completeLength - 1)].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            result.lastLine = Array(bytes[lastStart..<result.completeLength])
        }
        result.tail = bytes[result.completeLength...]
        if startsWithHeader && result.header == nil {
            throw Failure(line: 1, detail: bytes.isEmpty ? "the file is empty"
                          : "its first line (the header) is unfinished", schemaVersion: nil)
        }
        return result
    }
}
