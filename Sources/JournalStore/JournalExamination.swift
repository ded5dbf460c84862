import Foundation
import JournalCore

/// A line-by-line look at the bytes of a journal that, unlike loading, does not stop at the
/// first line it cannot read: `isojournal check` lists every bad line, and `repair` keeps
/// every line that still reads. Pure: bytes in, findings out.
public struct JournalExamination: Sendable {
    /// A complete line that cannot be read, numbered from 1 (the header).
    public struct BadLine: Equatable, Sendable {
        public let line: Int
        public let detail: String
    }

    /// The header as read, or nil when line 1 is missing, unfinished or unreadable (then
    /// `badLines` starts with line 1).
    public private(set) var header: JournalHeader?
    /// Lines ending in "\n", header included.
    public private(set) var completeLines = 0
    public private(set) var badLines: [BadLine] = []
    /// Revisions that read, in file order (empty for a newer format, which is not read).
    public private(set) var journal = Journal()
    /// Revision anomalies and future dates among the lines that read (see `JournalAudit`).
    public private(set) var audit = JournalAudit()
    /// Bytes after the last "\n": a save cut off by a crash (or one in progress).
    public private(set) var unfinishedBytes = 0
    /// The byte ranges of the header line and of every entry line that reads, "\n" included.
    private(set) var headerRange: Range<Int>?
    private(set) var goodEntryRanges: [Range<Int>] = []

    /// True when a newer IsoJournal wrote the file: its lines are not judged.
    public var isNewerVersion: Bool { (header?.schemaVersion ?? 0) > JournalHeader.currentSchemaVersion }
    /// Every complete line reads (an unfinished end is not damage: opening sets it aside).
    public var isSound: Bool { badLines.isEmpty && header != nil }
    public var readableEntryLines: Int { goodEntryRanges.count }

    public init(_ bytes: [UInt8]) {
        var start = 0
        var number = 0
        while start < bytes.count, let newline = bytes[start...].firstIndex(of: 0x0A) {
            number += 1
            let line = Data(bytes[start..<newline])
            if number == 1 {
                examineHeader(line, range: start..<(newline + 1))
                if isNewerVersion { break }
            } else {
                do throws(EntryCodec.Problem) {
                    let entry = try SchemaMigration.decodeEntry(line, writtenIn: header?.schemaVersion ?? JournalHeader.currentSchemaVersion)
                    journal.apply(entry)
                    audit.add(entry, line: number)
                    goodEntryRanges.append(start..<(newline + 1))
                } catch {
                    badLines.append(BadLine(line: number, detail: error.detail))
                }
            }
            start = newline + 1
        }
        if isNewerVersion {
            // Count the lines without judging them.
            completeLines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            unfinishedBytes = bytes.count - ((bytes.lastIndex(of: 0x0A) ?? -1) + 1)
            return
        }
        completeLines = number
        unfinishedBytes = bytes.count - start
        if number == 0 {
            let detail = bytes.isEmpty ? "the file is empty" : "its first line (the header) is unfinished"
            badLines.insert(BadLine(line: 1, detail: detail), at: 0)
        }
    }

    private mutating func examineHeader(_ line: Data, range: Range<Int>) {
        do throws(EntryCodec.Problem) {
            header = try JournalHeader.decodeLine(line)
            headerRange = range
        } catch {
            badLines.append(BadLine(line: 1, detail: error.detail))
        }
    }

    /// The journal a repair writes: the header line as it was (a fresh one, created `now`,
    /// when it could not be read), then every entry line that reads, byte for byte and in
    /// order. Unreadable lines and an unfinished end are left out.
    func repairedBytes(from original: [UInt8], now: Date) -> [UInt8] {
        var bytes = headerRange.map { Array(original[$0]) } ?? JournalHeader(createdAt: now).encodeLine()
        for range in goodEntryRanges { bytes += original[range] }
        return bytes
    }
}
