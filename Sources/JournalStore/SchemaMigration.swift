import Foundation
import JournalCore

/// The one place where lines written in an older format version would be brought up to date.
///
/// Format version 1 is the only version there has ever been, so today every line is already
/// in the current form and nothing is migrated. Every entry line the store reads — loading,
/// catching up with another copy, `check`, `repair` — goes through `decodeEntry`, so when a
/// version 2 appears:
/// 1. add a case below that reads a version-1 line into the version-2 model;
/// 2. on the first open for writing, under the lock, keep the original file unchanged as
///    `journal.jsonl.v1-<UTC time>`, write the whole journal in the new format to a
///    `journal.jsonl.tmp-…` file, sync it, rename it over `journal.jsonl`, sync the folder;
/// 3. never append a version-2 line to a version-1 file (nor the reverse).
/// A file from a newer version (higher than `JournalHeader.currentSchemaVersion`) is never
/// migrated or written: it is opened for viewing only, reading the keys this version knows.
enum SchemaMigration {
    /// One entry line as this version's model. A line must also hold only what this version
    /// would write itself (`EntryCodec.check`), so that every entry read can be written again
    /// exactly: e.g. a time that is valid text but lies outside years 1–9999 once its offset is
    /// applied ("9999-12-31T23:59:59-05:00") makes the line damaged. Kinds only a newer
    /// IsoJournal knows are exempt: they are kept byte for byte, never written again.
    static func decodeEntry(_ line: UnsafeRawBufferPointer, writtenIn version: Int) throws(EntryCodec.Problem) -> Entry {
        let entry: Entry
        switch version {
        case JournalHeader.currentSchemaVersion: // 1: the current form
            entry = try EntryCodec.decodeLine(line)
        default: // a newer version, read for viewing only (versions below 1 are refused by the header)
            entry = try EntryCodec.decodeLine(line)
        }
        if case .unrecognized? = entry.body { return entry }
        try EntryCodec.check(entry)
        return entry
    }

    static func decodeEntry(_ line: Data, writtenIn version: Int) throws(EntryCodec.Problem) -> Entry {
        let outcome = line.withUnsafeBytes { raw in
            Result { () throws(EntryCodec.Problem) -> Entry in try decodeEntry(raw, writtenIn: version) }
        }
        return try outcome.get()
    }
}
