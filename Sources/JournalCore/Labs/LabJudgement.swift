/// Whether the rules could judge a result at all. ALT and AST are flagged against a
/// multiple of the lab's own upper limit of normal (ULN); a value logged without that
/// limit is kept, but no flag can be raised, and saying nothing would read as "fine".
public enum LabJudgement {
    /// The words every list shows beside such a result.
    public static let notJudgedText = "not judged — add the lab's upper limit"

    /// Why the rules in force on `day` cannot judge `result`, or nil when they can (or when
    /// no rule for the test needs anything it lacks).
    public static func notJudgedBecause(_ result: LabResult, on day: LocalDate, rules: LabFlagRules = .shipped) -> String? {
        guard result.value != nil, !(result.upperLimitOfNormal.map { $0 > 0 } ?? false),
              rules.rules(for: result.test, on: day).contains(where: { $0.timesUpperLimit != nil }) else { return nil }
        return "no upper limit of normal (ULN) was entered; the \(result.test.name) limits are multiples of it"
    }

    /// How to correct it: a result re-entered for the same test and specimen day replaces
    /// the first (the first stays in history).
    public static func howToAddLimit(_ result: LabResult, day: LocalDate) -> String {
        let value = result.value.map { LabValueText.format($0, result.unit ?? .unitsPerLiter) } ?? "VALUE"
        return "re-enter it with the limit printed on the report: isojournal log lab \(result.test.rawValue) \(value) --uln N --date \(day.iso)"
    }
}
