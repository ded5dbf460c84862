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
        var name = "", value = "", unit = "", detail = ""
        var time = entry.occurredAt.map { Timestamp.offsetText($0, in: timeZone) } ?? ""
        let flag = RecordAlert.of(entry, labs: labs)?.label ?? ""
        switch entry.body {
        case .symptom(let rating)?:
            name = rating.symptom; value = String(rating.grade); unit = "grade 0-3"
            detail = SymptomCatalogue.shipped.label(forGrade: rating.grade)
        case .redFlag(let report)?:
            name = report.flag; detail = RedFlagCatalogue.shipped.flag(id: report.flag)?.question ?? report.flag
            if time.isEmpty { time = report.acknowledgedAt.map { Timestamp.offsetText($0, in: timeZone) } ?? "" }
        case .dose(let intake)?:
            name = intake.slot; detail = intake.status.rawValue
            if let mg = intake.milligrams { value = number(mg); unit = "mg" }
        case .weight(let weight)?:
            name = "weight"; value = number(weight.kilograms); unit = "kg"
        case .labResult(let result)?:
            name = result.test.rawValue
            if let outcome = result.outcome { value = outcome.rawValue } else if let v = result.value { value = number(v) }
            unit = result.unit?.rawValue ?? ""
            detail = labs.results.first { $0.id == entry.id }?.highestFlag?.limitText ?? ""
            if labs.results.first(where: { $0.id == entry.id })?.isJudged == false { detail = LabJudgement.notJudgedText }
            if let uln = result.upperLimitOfNormal { detail += (detail.isEmpty ? "" : "; ") + "upper limit of normal \(number(uln)) U/L" }
        case .labAppointment(let appointment)?:
            name = appointment.what.rawValue; detail = appointment.status.rawValue
            if let minute = appointment.minuteOfDay { time = Timestamp.clockText(minuteOfDay: minute) }
        case .moodCheck(let check)?:
            name = check.phq9Score == nil ? "PHQ-2" : "PHQ-9"
            value = String(check.phq9Score ?? check.phq2Score); unit = "score"
            detail = "answers " + check.answers.map(String.init).joined(separator: " ")
        case .checklistTick(let tick)?:
            name = tick.item; value = tick.done ? "done" : "not done"; detail = "course month \(tick.month)"
        default:
            name = entry.body?.kindName ?? ""
            detail = EntryDescription.line(entry, timeZone: timeZone)
        }
        let note = RecordNotes.of(entry).joined(separator: " / ")
        return [entry.body?.kindName ?? "", entry.day.iso, time, name, value, unit, flag, detail, note,
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
