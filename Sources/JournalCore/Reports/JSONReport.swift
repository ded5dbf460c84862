import Foundation

/// The range's records as one JSON document. Each record is exactly a line of the journal
/// file (same field names, see FORMAT.md), produced by the store's codec passed in as
/// `encodeLine`, so the core needs no copy of the file format.
public enum JSONReport {
    public static func text(journal: Journal, range: ReportRange, generatedAt: Date,
                            encodeLine: (Entry) -> [UInt8]) -> String {
        let records = journal.entries(from: range.from, to: range.to).map { entry in
            "    " + String(decoding: encodeLine(entry), as: UTF8.self).trimmingCharacters(in: .newlines)
        }
        return """
            {
              "format": "isojournal-report",
              "from": "\(range.from.iso)",
              "to": "\(range.to.iso)",
              "generatedAt": "\(Timestamp.utcText(generatedAt))",
              "records": [
            \(records.joined(separator: ",\n"))
              ]
            }

            """
    }
}
