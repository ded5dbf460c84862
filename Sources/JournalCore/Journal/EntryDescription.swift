import Foundation

/// One line of plain words for a record, as the shell's `show` and the history screens
/// print it: "Chapped lips 2 (limits some activities): cracked corners". Each kind writes its
/// own line (`RecordPayload.line`); this adds the two cases that have no payload.
public enum EntryDescription {
    public static func line(_ entry: Entry, timeZone: TimeZone) -> String {
        switch entry.body {
        case nil:
            return "(withdrawn)" + (entry.reason.map { ": " + $0 } ?? "")
        case .unrecognized(let kind)?:
            return "(a '\(kind)' record from a newer IsoJournal)"
        case let body?:
            return body.payload?.line(entry, timeZone: timeZone) ?? ""
        }
    }
}
