import Foundation
import JournalCore
@testable import JournalStore
import Testing

/// FORMAT.md is a public contract: its examples must be exactly what this code reads and writes.
@Suite("FORMAT.md examples")
struct FormatDocumentTests {
    /// The lines of every ```json block in FORMAT.md.
    func exampleLines() throws -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("FORMAT.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines: [String] = []
        var inside = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```json" { inside = true } else if line == "```" { inside = false } else if inside { lines.append(String(line)) }
        }
        return lines
    }

    @Test func examplesAreReadAndWrittenExactlyAsShown() throws {
        let lines = try exampleLines()
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
