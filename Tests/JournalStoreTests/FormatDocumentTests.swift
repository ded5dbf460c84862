import Foundation
import JournalCore
@testable import JournalStore
import Testing

/// FORMAT.md is a public contract: its examples must be exactly what this code reads and writes.
@Suite("FORMAT.md examples")
struct FormatDocumentTests {

    @Test func examplesAreReadAndWrittenExactlyAsShown() throws {
        let lines = try formatDocumentLines(fence: "json")
        #expect(lines.count == 4)
        let header = try JournalHeader.decodeLine(Data(lines[0].utf8))
        #expect(String(decoding: header.encodeLine(), as: UTF8.self) == lines[0] + "\n")
        for line in lines.dropFirst() {
            let entry = try EntryCodec.decodeLine(Array(line.utf8))
            try EntryCodec.check(entry)
            let kind = entry.isRetraction ? "symptom" : nil
            #expect(String(decoding: EntryCodec.encodeLine(entry, retractedKind: kind), as: UTF8.self) == line + "\n")
        }
    }
}
