import Foundation

/// The visit summary as one self-contained HTML page: inline CSS and inline SVG charts, no
/// script, no link to anything outside the file, laid out to print on one or two pages.
public enum HTMLReport {
    public static func text(_ s: VisitSummary) -> String {
        var body = "<h1>\(e(s.title))</h1>\n<p class=\"small\">\(e(s.generatedLine))</p>\n"
        body += "<div class=\"cols\"><section><h2>Patient and course</h2>\(table(s.courseRows))</section>\n"
        body += "<section><h2>Cumulative dose</h2>\(list(s.doseLines))\(cumulativeChart(s))</section></div>\n"
        if s.course != nil {
            let captions = s.adherenceByMonth.map { month in
                "M\(month.month) " + (month.adherence.fraction.map { "\(Int(clamping: ($0 * 100).rounded()))%" } ?? "–")
            }
            let percents: [Double?] = s.adherenceByMonth.map { $0.adherence.fraction.map { $0 * 100 } }
            body += "<section><h2>Adherence</h2><div class=\"cols\">\(list(s.adherenceLines))"
            body += SVGChart.bars(percents, maximum: 100, alarmAt: nil, width: 220, height: 60,
                                  label: "Planned doses taken per course month, percent", captions: captions)
            body += "</div></section>\n"
        }
        body += "<section class=\"alerts\"><h2>Red flags and mood alerts</h2>"
        body += s.alerts.isEmpty ? "<p>None in these days.</p>" : list(s.alertLines, className: "alarm")
        body += "</section>\n"
        body += symptoms(s) + labs(s) + checklist(s)
        if !s.medicines.isEmpty {
            body += "<section><h2>Other medicines</h2>"
            body += list(s.medicines.map { "\($0.day.iso) \($0.medicine.name)" + ($0.medicine.warningShown.map { " — warning shown: \($0)" } ?? "") })
            body += "</section>\n"
        }
        body += "<section><h2>Notes</h2>"
        body += s.notes.isEmpty ? "<p>No notes in these days.</p>" : list(s.notes.map { "\($0.day.iso) \($0.about): \($0.text)" })
        body += "</section>\n"
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>\(e(s.title))</title>\n<style>\(css)</style>\n</head>\n<body>\n\(body)</body></html>\n"
    }

    static let css = """
        @page { margin: 12mm; }
        body { font: 9pt/1.3 sans-serif; color: #111; max-width: 186mm; margin: 0 auto; }
        h1 { font-size: 14pt; margin: 0 0 2px; } h2 { font-size: 10.5pt; margin: 8px 0 3px; border-bottom: 1px solid #999; }
        p, ul { margin: 2px 0; } ul { padding-left: 16px; } .small { font-size: 8pt; color: #444; }
        table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: 1px 4px; border-bottom: 1px solid #ddd; vertical-align: middle; }
        th { font-weight: 600; } .cols { display: flex; gap: 12px; align-items: flex-start; } .cols > * { flex: 1; }
        section { break-inside: avoid; } .alarm { color: #b00; font-weight: 600; } .tell { color: #a60; font-weight: 600; }
        .alerts li { color: #b00; font-weight: 600; }
        svg { display: block; } svg text { font: 7pt sans-serif; fill: #444; }
        .axis { stroke: #888; } .target { stroke: #b00; stroke-dasharray: 4 3; } .projection { stroke: #555; stroke-dasharray: 1 3; }
        .series { fill: none; stroke: #1f5fa8; stroke-width: 1.5; } .bar { fill: #1f5fa8; } .bar.alarm, .dot.alarm { fill: #b00; }
        .empty { fill: #ccc; } .dot { fill: #1f5fa8; }
        """

    private static func cumulativeChart(_ s: VisitSummary) -> String {
        guard let course = s.course, let first = s.cumulative.first, let last = s.cumulative.last else { return "" }
        let p = course.progress
        let finish = p.projectedFinishAtRecentIntake
        let span = Double(first.day.days(until: max(last.day, finish ?? last.day)))
        let points = s.cumulative.map { (x: Double(first.day.days(until: $0.day)), y: $0.cumulativeMgPerKg) }
        let projection = finish.flatMap { $0 > last.day ? (x: Double(first.day.days(until: $0)), y: p.targetMgPerKg) : nil }
        return SVGChart.line(points: points, xMax: max(1, span), yMax: p.targetMgPerKg * 1.05, target: p.targetMgPerKg,
                             projection: projection, width: 320, height: 90,
                             label: "Cumulative mg/kg against the \(MilligramText.format(p.targetMgPerKg)) mg/kg target",
                             xLabels: (first.day.iso, (finish.map { max($0, last.day) } ?? last.day).iso))
            + "<p class=\"small\">Blue: cumulative mg/kg. Red dashes: target. Dots: projection at the recent intake.</p>"
    }

    private static func symptoms(_ s: VisitSummary) -> String {
        var html = "<section><h2>Symptoms</h2><p class=\"small\">0 none · 1 noticeable · 2 limits some activities · 3 limits self-care. Bars: worst grade each week.</p>"
        guard !s.symptoms.isEmpty else { return html + "<p>No symptoms graded in these days.</p></section>\n" }
        html += "<table><tr><th>Symptom</th><th>Worst</th><th>Latest</th><th>Trend</th><th>Each week</th></tr>"
        for line in s.symptoms {
            let chart = SVGChart.bars(line.weekly.map { $0.map(Double.init) }, maximum: 3, alarmAt: 3,
                                      width: max(24, line.weekly.count * 12), height: 16, label: "\(line.name): worst grade each week")
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
        let charts = s.labTrends.filter { $0.points.count >= 2 }.map { trend in
            "<div><p class=\"small\">\(e(trend.test.name)), \(e(trend.unit.rawValue))</p>"
                + SVGChart.dots(trend.points.map { ($0.value, ($0.highestFlag?.level ?? .noted) > .noted) }, reference: nil,
                                width: 140, height: 40, label: "\(trend.test.name) over time") + "</div>"
        }
        if !charts.isEmpty { html += "<div class=\"cols\">" + charts.joined() + "</div>" }
        return html + "</section>\n"
    }

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
