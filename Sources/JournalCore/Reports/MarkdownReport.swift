/// The visit summary as Markdown: one page of headings, tables and lists that reads well
/// as plain text too.
public enum MarkdownReport {
    public static func text(_ s: VisitSummary) -> String {
        var out: [String] = ["# \(s.title)", "", s.generatedLine, ""]
        if let state = s.courseStateLines {
            // The reason is the patient's words: no live Markdown or HTML, no line breaks.
            out += ["## " + (state.isStop ? "⚠ " : "") + md(state.heading), ""] + state.lines.map { "- " + md($0) } + [""]
        }
        if !s.unactedLabFlags.isEmpty {
            out += ["## Flagged lab results not yet acted on", ""] + s.unactedLabFlags.map { "- **" + UnactedLabFlags.line($0) + "**" }
            out += ["", VisitSummary.unactedLabFlagsMeaning, ""]
        }
        out += ["## Patient and course", "", "| | |", "|---|---|"]
        out += s.courseRows.map { "| \(cell($0.0)) | \(cell($0.1)) |" }
        out.append("")
        if s.course != nil {
            out += ["## Cumulative dose", ""] + s.doseLines.map { "- " + $0 } + [""]
            out += ["## Adherence", ""] + s.adherenceLines.map { "- " + $0 }
            let months = s.adherenceByMonth.map { "month \($0.month) \($0.adherence.taken)/\($0.adherence.planned)" }
            if !months.isEmpty { out.append("- By course month: " + months.joined(separator: ", ")) }
            out.append("")
        }
        out += ["## Red flags and mood alerts", ""]
        out += s.alerts.isEmpty ? ["None in these days."] : s.alerts.map { "- **\($0.day.iso)** \(md($0.text))" }
        out.append("")
        out += ["## Symptoms (0 none, 1 noticeable, 2 limits some activities, 3 limits self-care)", ""]
        if s.symptoms.isEmpty {
            out.append("No symptoms graded in these days.")
        } else {
            out += ["| Symptom | Worst | Latest | Trend | Worst each week |", "|---|---|---|---|---|"]
            for line in s.symptoms {
                let weeks = line.weekly.map { $0.map(String.init) ?? "·" }.joined(separator: " ")
                out.append("| \(cell(line.name)) | \(VisitSummary.gradeText(line.worst)) | \(VisitSummary.gradeText(line.latest)) | \(line.direction.rawValue) | \(weeks) |")
            }
        }
        out.append("")
        out += ["## Labs", ""]
        if s.labs.isEmpty {
            out.append("No results in these days.")
        } else {
            out += ["| Specimen date | Test | Result | Flag | Result before |", "|---|---|---|---|---|"]
            for line in s.labs {
                out.append("| \(line.day.iso) | \(cell(line.result.test.name)) | \(cell(s.labValueText(line))) | \(cell(s.labFlagText(line))) | \(cell(s.labPreviousText(line))) |")
            }
        }
        out.append("")
        if let list = s.checklist {
            out += ["## Checklist, course month \(list.month) (\(list.firstDay.iso) to \(list.lastDay.iso))", ""]
            for item in list.items {
                let box = { if case .done = item.status { return "[x]" } else { return "[ ]" } }()
                out.append("- \(box) \(md(item.title)): \(md(s.checklistStatus(item))) — \(md(item.detail))" + (item.note.map { " (note: \(md($0)))" } ?? ""))
            }
            out.append("")
        }
        if !s.medicines.isEmpty {
            out += ["## Other medicines", ""]
            out += s.medicines.map { "- \($0.day.iso) \(md($0.medicine.name))" + ($0.medicine.warningShown.map { " — warning shown: \(md($0))" } ?? "") }
            out.append("")
        }
        out += ["## Notes", ""]
        // Each line holds the patient's words: no live Markdown or HTML.
        out += s.notes.isEmpty ? ["No notes in these days."] : s.noteLines.map { "- " + md($0) }
        out.append("")
        return out.joined(separator: "\n")
    }

    /// A table cell: one line, "|" escaped, and no live Markdown or HTML.
    static func cell(_ text: String) -> String { md(text) }

    /// Any text that may hold words from the journal (notes, names, custom checklist items).
    static func md(_ text: String) -> String { MarkdownText.inline(text) }
}
