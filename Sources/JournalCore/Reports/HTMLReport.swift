import Foundation

/// The visit summary as one self-contained HTML page: inline CSS and inline SVG charts, no
/// script, no link to anything outside the file, laid out to print on one or two pages.
public enum HTMLReport {
    public static func text(_ s: VisitSummary) -> String {
        var body = "<header><h1>\(e(s.title))</h1>\n<p class=\"small\">\(e(s.generatedLine))</p></header>\n"
        if let state = s.courseStateLines {
            body += "<section class=\"alerts keep\"><h2 class=\"\(state.isStop ? "alarm" : "tell")\">\(e(state.heading))</h2>\(list(state.lines))</section>\n"
        }
        body += unactedLabFlags(s)
        body += "<div class=\"cols\"><section class=\"keep\"><h2>Patient and course</h2>\(table(s.courseRows))</section>\n"
        body += "<section class=\"keep\"><h2>Cumulative dose</h2>\(list(s.doseLines))\(cumulativeChart(s))</section></div>\n"
        if s.course != nil {
            body += "<section class=\"keep\"><h2>Adherence</h2><div class=\"cols\">\(list(s.adherenceLines))\(adherenceChart(s))</div></section>\n"
        }
        body += "<section class=\"alerts keep\"><h2>Red flags and mood alerts</h2>"
        body += s.alerts.isEmpty ? "<p>None in these days.</p>" : list(s.alertLines, className: "alarm")
        body += "</section>\n"
        body += symptoms(s) + labs(s) + checklist(s)
        if !s.medicines.isEmpty {
            body += "<section><h2>Other medicines</h2>"
            body += list(s.medicines.map { "\($0.day.iso) \($0.medicine.name)" + ($0.medicine.warningShown.map { " — warning shown: \($0)" } ?? "") })
            body += "</section>\n"
        }
        body += "<section><h2>Notes</h2>"
        body += s.notes.isEmpty ? "<p>No notes in these days.</p>" : list(s.noteLines)
        body += "</section>\n"
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>\(e(s.title))</title>\n<style>\(css)</style>\n</head>\n<body>\n\(body)</body></html>\n"
    }

    /// Printing: small sections (class "keep") never split across a page; long ones (symptoms,
    /// labs, notes) may break between rows, so a section that does not fit at the bottom of a
    /// page starts there instead of leaving half a page empty. A heading stays with what follows.
    static let css = """
        @page { margin: 12mm; }
        body { font: 9pt/1.3 sans-serif; color: #111; max-width: 186mm; margin: 0 auto; }
        h1 { font-size: 14pt; margin: 0 0 2px; } h2 { font-size: 10.5pt; margin: 8px 0 3px; border-bottom: 1px solid #999; break-after: avoid; }
        p, ul { margin: 2px 0; } ul { padding-left: 16px; } .small { font-size: 8pt; color: #444; }
        table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: 1px 4px; border-bottom: 1px solid #ddd; vertical-align: middle; }
        th { font-weight: 600; } .cols { display: flex; gap: 12px; align-items: flex-start; } .cols > * { flex: 1; }
        .charts { display: flex; flex-wrap: wrap; gap: 4px 10px; } .charts > div { break-inside: avoid; }
        section.keep, header, tr, li, svg { break-inside: avoid; } thead { display: table-header-group; }
        .alarm { color: #b00; font-weight: 600; } .tell { color: #a60; font-weight: 600; }
        .alerts li { color: #b00; font-weight: 600; }
        svg { display: block; } svg text { font: 7pt sans-serif; fill: #444; } svg text.target-label { fill: #b00; }
        .axis { stroke: #888; } .grid { stroke: #e4e4e4; } .target { stroke: #b00; stroke-dasharray: 4 3; } .projection { stroke: #555; stroke-dasharray: 1 3; }
        .series { fill: none; stroke: #1f5fa8; stroke-width: 1.5; } .bar { fill: #1f5fa8; } .bar.alarm, .dot.alarm { fill: #b00; }
        .empty { fill: #ccc; } .dot { fill: #1f5fa8; } .marker { fill: none; stroke: #b00; stroke-width: 1.2; }
        """

    /// Cumulative mg/kg from the start to the end of the range, the target across it, and the
    /// projection when the target is still ahead. The axis reaches past the highest value, so a
    /// course beyond its target is drawn where it is.
    private static func cumulativeChart(_ s: VisitSummary) -> String {
        guard let course = s.course, let first = s.cumulative.first, let last = s.cumulative.last else { return "" }
        let p = course.progress
        let reached = s.targetReachedDay
        let finish = reached == nil && course.settings.lastDoseDate == nil ? p.projectedFinishAtRecentIntake.flatMap { $0 > last.day ? $0 : nil } : nil
        let end = finish ?? last.day
        func x(_ day: LocalDate) -> Double { Double(first.day.days(until: day)) }
        let points = s.cumulative.map { (x: x($0.day), y: $0.cumulativeMgPerKg) }
        let labels = [(x: 0.0, text: first.day.iso), (x: x(end), text: end.iso)]
        let chart = SVGChart.line(points: points, xMax: max(1, x(end)), target: p.targetMgPerKg,
                                  projection: finish.map { (x: x($0), y: p.targetMgPerKg) },
                                  marker: reached.map { (x: x($0), y: p.targetMgPerKg) }, width: 330, height: 110,
                                  label: "Cumulative mg/kg against the \(MilligramText.format(p.targetMgPerKg)) mg/kg target",
                                  xLabels: labels, yUnit: "mg/kg")
        return chart + "<p class=\"small\">Blue: cumulative mg/kg. Red dashes: target." + (reached == nil ? "" : " Ring: the day it was reached.")
            + (finish == nil ? "" : " Dots: projection at the recent intake.") + "</p>"
    }

    /// At the top, so it is read first: flagged results nobody has acted on yet.
    private static func unactedLabFlags(_ s: VisitSummary) -> String {
        guard !s.unactedLabFlags.isEmpty else { return "" }
        return "<section class=\"alerts keep\"><h2>Flagged lab results not yet acted on</h2>"
            + list(s.unactedLabFlags.map(UnactedLabFlags.line), className: "alarm")
            + "<p class=\"small\">\(e(VisitSummary.unactedLabFlagsMeaning))</p></section>\n"
    }

    /// Planned doses taken in each course month, 0–100 %, one bar a month.
    private static func adherenceChart(_ s: VisitSummary) -> String {
        let captions = s.adherenceByMonth.map { month in
            "M\(month.month) " + (month.adherence.fraction.map { "\(Int(($0 * 100).rounded()))%" } ?? "–")
        }
        let percents: [Double?] = s.adherenceByMonth.map { $0.adherence.fraction.map { $0 * 100 } }
        return SVGChart.bars(percents, maximum: 100, alarmAt: nil, width: 330, height: 80,
                             label: "Planned doses taken per course month, percent", captions: captions,
                             yTicks: [0, 50, 100], yUnit: "% taken")
    }

    private static func symptoms(_ s: VisitSummary) -> String {
        var html = "<section><h2>Symptoms</h2><p class=\"small\">0 none · 1 noticeable · 2 limits some activities · 3 limits self-care. Bars: worst grade each week.</p>"
        guard !s.symptoms.isEmpty else { return html + "<p>No symptoms graded in these days.</p></section>\n" }
        html += "<table><tr><th>Symptom</th><th>Worst</th><th>Latest</th><th>Trend</th><th>Each week</th></tr>"
        for line in s.symptoms {
            let chart = SVGChart.bars(line.weekly.map { $0.map(Double.init) }, maximum: 3, alarmAt: 3,
                                      width: min(130, max(24, line.weekly.count * 12)), height: 16, label: "\(line.name): worst grade each week")
            html += "<tr><td>\(e(line.name))</td><td>\(e(VisitSummary.gradeText(line.worst)))</td>"
                + "<td>\(e(VisitSummary.gradeText(line.latest)))</td><td>\(e(line.direction.rawValue))</td><td>\(chart)</td></tr>"
        }
        return html + "</table></section>\n"
    }

    private static func labs(_ s: VisitSummary) -> String {
        var html = "<section><h2>Labs</h2>"
        guard !s.labs.isEmpty else { return html + "<p>No results in these days.</p></section>\n" }
        html += "<table><tr><th>Specimen date</th><th>Test</th><th>Result</th><th>Flag</th><th>Result before</th></tr>"
        for line in s.labs {
            let flagClass = line.flags.first.map { $0.level.isAlarm ? " class=\"alarm\"" : ($0.level > .noted ? " class=\"tell\"" : "") } ?? ""
            html += "<tr><td>\(line.day.iso)</td><td>\(e(line.result.test.name))</td><td>\(e(s.labValueText(line)))</td>"
                + "<td\(flagClass)>\(e(s.labFlagText(line)))</td><td>\(e(s.labPreviousText(line)))</td></tr>"
        }
        html += "</table>"
        // The last results up to the range's end: a year of monthly draws, however long the journal.
        let charts = s.labTrends.filter { $0.points.count >= 2 }.map { trend in
            let recent = trend.points.suffix(labTrendPoints)
            return "<div><p class=\"small\">\(e(trend.test.name)), \(e(trend.unit.rawValue))</p>"
                + SVGChart.dots(recent.map { ($0.day, $0.value, ($0.highestFlag?.level ?? .noted) > .noted) },
                                width: 176, height: 58, label: "\(trend.test.name) over time") + "</div>"
        }
        if !charts.isEmpty { html += "<div class=\"charts\">" + charts.joined() + "</div>" }
        return html + "</section>\n"
    }

    /// How many of a test's results its chart shows, the newest.
    static let labTrendPoints = 12

    private static func checklist(_ s: VisitSummary) -> String {
        guard let list = s.checklist else { return "" }
        var html = "<section><h2>Checklist, course month \(list.month) (\(list.firstDay.iso) to \(list.lastDay.iso))</h2><table>"
        for item in list.items {
            let cls = item.status == .alarm ? " class=\"alarm\"" : (item.status.needsAttention ? " class=\"tell\"" : "")
            html += "<tr><td>\(e(item.title))</td><td\(cls)>\(e(s.checklistStatus(item)))</td><td>\(e(item.detail + (item.note.map { " (note: \($0))" } ?? "")))</td></tr>"
        }
        return html + "</table></section>\n"
    }

    private static func table(_ rows: [(String, String)]) -> String {
        "<table>" + rows.map { "<tr><th>\(e($0.0))</th><td>\(e($0.1))</td></tr>" }.joined() + "</table>"
    }

    private static func list(_ lines: [String], className: String? = nil) -> String {
        "<ul\(className.map { " class=\"\($0)\"" } ?? "")>" + lines.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
    }

    private static func e(_ text: String) -> String { HTMLText.escape(text) }
}
