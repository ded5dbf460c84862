import Foundation

/// One long table of the range's records for a spreadsheet: a `kind` column, ISO 8601 dates
/// and times, numbers without units and units in their own column, RFC 4180 quoting.
public enum CSVReport {
    public static let columns = ["kind", "date", "time", "name", "value", "unit", "flag", "detail", "note", "id", "revision"]

    public static func text(journal: Journal, range: ReportRange, timeZone: TimeZone) -> String {
        let labs = journal.labRecords
        var rows = [columns]
        for entry in journal.entries(from: range.from, to: range.to) {
            rows.append(row(entry, labs: labs, timeZone: timeZone))
        }
        // RFC 4180: CRLF after every record, the last included.
        return rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func row(_ entry: Entry, labs: LabRecords, timeZone: TimeZone) -> [String] {
        let context = RecordContext(timeZone: timeZone, labs: labs)
        let flag = entry.body?.payload?.alert(entry, context: context)?.label ?? ""
        // A kind only a newer IsoJournal knows, or a withdrawal: its words, nothing more.
        let fields = entry.body?.payload?.csvFields(entry, context: context)
            ?? CSVFields(name: entry.body?.kindName ?? "", detail: EntryDescription.line(entry, timeZone: timeZone))
        let time = fields.time ?? entry.occurredAt.map { Timestamp.offsetText($0, in: timeZone) } ?? ""
        let note = RecordNotes.of(entry).joined(separator: " / ")
        return [entry.body?.kindName ?? "", entry.day.iso, time, fields.name, fields.value, fields.unit, flag, fields.detail, note,
                entry.id.rawValue, String(entry.revision)]
    }

    /// A number as typed: no trailing ".0", no exponent, "." as the decimal point.
    static func number(_ value: Double) -> String {
        NumberText.plain(value) ?? String(value)
    }

    /// RFC 4180 quoting: a field with a comma, quote, CR or LF is quoted, quotes doubled.
    /// Text a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
    /// apostrophe, so a note can never become a live formula.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
