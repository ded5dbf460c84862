import Foundation
import JournalCore

/// The one place where lines written in an older format version are brought up to date.
///
/// Version 1 (one file) and version 2 (one log per machine, `LayoutUpgrade`) share the line
/// form; version 2 adds the origin keys, so a version-1 line reads as it is. Every entry line
/// the store reads — loading, catching up, `check`, `repair` — goes through `decodeEntry`.
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
        case JournalHeader.singleFileVersion, JournalHeader.deviceLogsVersion:
            // Version 2 only added the origin keys ("dev", "seq", "known"); a version-1 line
            // reads as it is, with no origin.
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
