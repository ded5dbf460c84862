import Foundation
import JournalCore

extension JournalStore {
    /// A journal kept on several machines as the one file a snapshot holds: a version-2 header,
    /// then every revision of the merged journal, in the merged order, each with its origin —
    /// so a reader replaying the lines in order sees the same journal, marks included.
    /// nil for a one-file journal (its file is the snapshot's content as it is).
    public func mergedJournalBytes(createdAt: Date) throws(StoreError) -> [UInt8]? {
        guard deviceLogs != nil else { return nil }
        var bytes = JournalHeader(schemaVersion: JournalHeader.deviceLogsVersion, createdAt: createdAt).encodeLine()
        var lastKind: [EntryID: String] = [:]
        for entry in journal.revisions {
            if case .unrecognized(let kind)? = entry.body {
                throw .invalidChange(id: entry.id.rawValue, detail: "it is a \"\(kind)\" record from a newer IsoJournal; "
                                     + "update IsoJournal to make a snapshot of this journal")
            }
            bytes += EntryCodec.encodeLine(entry, retractedKind: entry.body == nil ? lastKind[entry.id] : nil)
            if let kind = entry.body?.kindName { lastKind[entry.id] = kind }
        }
        // Every line must read back (it is what a caregiver's copy will read).
        do {
            _ = try JournalReader.read(bytes, firstLine: 1, startsWithHeader: true)
        } catch {
            throw .damaged(file: journalPath, line: error.line, detail: error.detail)
        }
        return bytes
    }
}

extension Snapshot {
    /// A snapshot of journal bytes already in memory (a merged several-machines journal).
    public static func make(journalBytes: [UInt8], createdAt: Date) -> [UInt8] {
        header(for: journalBytes, createdAt: createdAt) + journalBytes
    }
}
