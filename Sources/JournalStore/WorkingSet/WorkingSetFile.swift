import Foundation
import Glibc
import JournalCore

/// The working-set cache on disk, `journal.cache` beside `journal.jsonl`: a derived copy of
/// what recent screens and commands read (see `WorkingSet`), so opening does not read years.
///
/// It is never needed: the journal is the only source of truth. On every open it is checked
/// against the journal (the same file by device and inode, at least as long as it covered, the
/// same first block and the same last covered line, by SHA-256), against this program (its
/// version) and against the clock and time zone; anything off and it is ignored, and a
/// read-write open writes a new one. A cut or damaged cache fails its own checksum.
///
/// Format (one JSON object per line): a header with the window and the journal position it
/// covers, the held revisions as journal lines, and `{"end": SHA-256 of everything before}`.
struct WorkingSetFile {
    static let name = "journal.cache"
    static let tempPrefix = "journal.cache.tmp-"
    static let formatVersion = 1
    /// The first bytes of the journal whose hash is kept (its header line, and more).
    static let headBlock = 4096

    struct Header: Codable {
        var isojournalWorkingSet: Int
        var program: String
        var window: WorkingSetWindow
        var device: UInt64
        var inode: UInt64
        var length: Int
        var lineCount: Int
        var schemaVersion: Int
        var lastLineLength: Int
        var lastLineSHA256: String
        var headSHA256: String
    }

    var header: Header
    var revisions: [Entry]

    /// Removes the cache and any half-written one (encrypting must leave no plain copy behind).
    static func removeAll(in layout: DataDirectory, fileSystem: any FileSystem) {
        for name in (try? fileSystem.listDirectory(layout.path)) ?? [] where name == Self.name || name.hasPrefix(Self.tempPrefix) {
            try? fileSystem.unlink(layout.file(name))
        }
    }

    /// What wrote it: other rules or another build of the program (which may count doses
    /// differently) read the journal afresh.
    static let program: String = {
        var binary = stat()
        let file = stat("/proc/self/exe", &binary) == 0 ? "\(binary.st_size)-\(binary.st_mtim.tv_sec).\(binary.st_mtim.tv_nsec)" : "unknown"
        return WorkingSet.fingerprint + "; program " + file
    }()

    static func hex(_ bytes: some Sequence<UInt8>) -> String { Checksum.sha256Hex(Array(bytes)) }

    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        var bytes = Array((try? encoder.encode(header)) ?? Data()) + [0x0A]
        var kinds: [EntryID: String] = [:]
        for entry in revisions {
            bytes += EntryCodec.encodeLine(entry, retractedKind: entry.body == nil ? kinds[entry.id] : nil)
            if let body = entry.body { kinds[entry.id] = body.kindName }
        }
        bytes += Array("{\"end\":\"\(Self.hex(bytes))\"}\n".utf8)
        return bytes
    }

    /// Reads a cache's bytes; nil when it is cut, damaged or from another program.
    static func decode(_ bytes: [UInt8]) -> WorkingSetFile? {
        guard bytes.last == 0x0A else { return nil }
        let body = bytes.dropLast()
        guard let endStart = body.lastIndex(of: 0x0A).map({ $0 + 1 }) else { return nil }
        let expected = Array("{\"end\":\"\(hex(bytes[..<endStart]))\"}".utf8)
        guard Array(body[endStart...]) == expected else { return nil }
        let lines = bytes[..<endStart].split(separator: 0x0A)
        guard let first = lines.first else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        guard let header = try? decoder.decode(Header.self, from: Data(first)),
              header.isojournalWorkingSet == formatVersion, header.program == program else { return nil }
        var revisions: [Entry] = []
        revisions.reserveCapacity(lines.count)
        for line in lines.dropFirst() {
            guard let entry = try? EntryCodec.decodeLine(Array(line)) else { return nil }
            revisions.append(entry)
        }
        return WorkingSetFile(header: header, revisions: revisions)
    }
}
