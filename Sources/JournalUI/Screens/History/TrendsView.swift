import Foundation
import JournalCore

/// Trends as terminal charts: a symptom's worst grade per week, cumulative mg/kg against the
/// target, adherence per course month, and a lab test's values. ←→ picks the chart, ↑↓ the
/// symptom or test; the chart takes all the room the window gives it.
struct TrendsView: Equatable, Sendable {
    enum Chart: Int, CaseIterable, Sendable {
        case symptoms, cumulative, adherence, labs

        var title: String {
            switch self {
            case .symptoms: return "Symptom grade per week"
            case .cumulative: return "Cumulative mg/kg against the target"
            case .adherence: return "Doses taken per course month"
            case .labs: return "Lab values"
            }
        }
    }

    var chart = Chart.symptoms
    var symptomIndex = 0
    var labIndex = 0

    static let keyMap = KeyMap([.key("←→", "chart"), .key("↑↓", "symptom / test"), .key("Tab", "view"), .key("R", "reload"), .key("Esc", "back")])

    mutating func handle(_ key: Key, context: HistoryScreen.Context) {
        let count = Chart.allCases.count
        switch key {
        case .left: chart = Chart(rawValue: (chart.rawValue + count - 1) % count)!
        case .right: chart = Chart(rawValue: (chart.rawValue + 1) % count)!
        case .up, .down:
            let step = key == .down ? 1 : -1
            if chart == .symptoms {
                let total = max(1, SymptomSeries.loggedSymptoms(in: context.journal).count)
                symptomIndex = (symptomIndex + step + total) % total
            } else if chart == .labs {
                let total = max(1, Self.labTrends(context.journal).count)
                labIndex = (labIndex + step + total) % total
            }
        default: break
        }
    }

    static func labTrends(_ journal: Journal) -> [LabTrend] {
        let records = journal.labRecords
        return LabTest.allCases.compactMap { test in
            records.displayUnit(for: test).flatMap { LabTrend(test: test, results: records.results, unit: $0) }
        }.filter { !$0.points.isEmpty }
    }

    /// "12 Nov".
    static func caption(_ day: LocalDate) -> String { "\(day.day) \(DateText.months[day.month - 1].prefix(3))" }

    func draw(into canvas: inout Canvas, context: HistoryScreen.Context, rows: Range<Int>) {
        canvas.put(" ◂ " + chart.title + " ▸", row: rows.lowerBound, column: 0, style: .bold)
        let chartRows = (rows.lowerBound + 3)..<(rows.upperBound - 1)
        let lines: (String, String)
        switch chart {
        case .symptoms: lines = drawSymptoms(into: &canvas, context: context, rows: chartRows)
        case .cumulative: lines = drawCumulative(into: &canvas, context: context, rows: chartRows)
        case .adherence: lines = drawAdherence(into: &canvas, context: context, rows: chartRows)
        case .labs: lines = drawLabs(into: &canvas, context: context, rows: chartRows)
        }
        canvas.put(DisplayWidth.truncate("   " + lines.0, to: canvas.width), row: rows.lowerBound + 1, column: 0)
        canvas.put(DisplayWidth.truncate("   " + lines.1, to: canvas.width), row: rows.upperBound - 1, column: 0, style: .dim)
    }

    private func place(_ chart: ColumnChart, into canvas: inout Canvas, rows: Range<Int>) {
        chart.draw(into: &canvas, top: rows.lowerBound, left: 2, width: canvas.width - 4, height: rows.count)
    }

    private func drawSymptoms(into canvas: inout Canvas, context: HistoryScreen.Context, rows: Range<Int>) -> (String, String) {
        let symptoms = SymptomSeries.loggedSymptoms(in: context.journal)
        guard !symptoms.isEmpty else { return ("No symptoms logged yet.", "") }
        let slug = symptoms[min(symptomIndex, symptoms.count - 1)]
        let series = SymptomSeries(symptom: slug, journal: context.journal)
        let first = series.grades.keys.min() ?? context.today
        let weeks = series.weeklyWorst(from: first, to: context.today)
        let colours: [Color] = [.green, .yellow, .magenta, .red]
        let columns = weeks.map { week in
            ColumnChart.Column(week.grade.map(Double.init), style: Style(foreground: colours[min(3, week.grade ?? 0)]))
        }
        place(ColumnChart(columns: columns, maximum: 3, captions: weeks.map { Self.caption($0.week) }, ticks: [0, 1, 2, 3]),
              into: &canvas, rows: rows)
        let name = SymptomCatalogue.shipped.name(of: slug)
        let recent = series.direction(from: context.today.adding(days: -27), to: context.today)
        return ("↑↓ \(name) (\(min(symptomIndex, symptoms.count - 1) + 1) of \(symptoms.count)) · last 4 weeks: \(recent.rawValue)",
                "Each column: the worst grade of a week (Mon–Sun); · nothing graded.")
    }

    private func drawCumulative(into canvas: inout Canvas, context: HistoryScreen.Context, rows: Range<Int>) -> (String, String) {
        guard let records = context.journal.courseRecords else { return ("Set up the course to see the cumulative dose.", "") }
        let progress = CourseProgress(records: records, now: context.now, timeZone: context.timeZone)
        let totals = CourseSeries.cumulative(records, through: context.today)
        guard !totals.isEmpty else { return ("The course starts on \(DateText.short(records.settings.startDate)).", "") }
        // Squeeze the whole course into the width: each column is the total at the end of `step` days.
        let plotWidth = max(1, canvas.width - 4 - 8)
        let step = max(1, Int(clamping: (Double(totals.count) / Double(plotWidth)).rounded(.up)))
        let sampled = stride(from: step - 1, to: totals.count + step - 1, by: step).map { totals[min($0, totals.count - 1)] }
        let target = progress.targetMgPerKg
        let chart = ColumnChart(columns: sampled.map { ColumnChart.Column($0.cumulativeMgPerKg, style: Style(foreground: .cyan)) },
                                maximum: max(target, totals.last?.cumulativeMgPerKg ?? 0),
                                reference: (target, "target \(MilligramText.format(target))"),
                                captions: sampled.map { Self.caption($0.day) })
        place(chart, into: &canvas, rows: rows)
        let percent = Int(clamping: (progress.fractionOfTarget * 100).rounded())
        let finish = progress.projectedFinishAtRecentIntake.map { "target about \(DateText.short($0)) at recent intake" } ?? "no recent intake"
        return ("\(String(format: "%.1f", progress.cumulativeMgPerKg)) of \(MilligramText.format(target)) mg/kg (\(percent)%) · \(finish)",
                step == 1 ? "One column per day." : "One column per \(step) days.")
    }

    private func drawAdherence(into canvas: inout Canvas, context: HistoryScreen.Context, rows: Range<Int>) -> (String, String) {
        guard let records = context.journal.courseRecords else { return ("Set up the course to see adherence.", "") }
        let months = CourseSeries.adherenceByMonth(records, now: context.now, timeZone: context.timeZone)
        let columns = months.map { month in
            ColumnChart.Column(month.adherence.fraction.map { $0 * 100 },
                               style: (month.adherence.fraction ?? 1) < 0.8 ? Style(foreground: .yellow) : Style(foreground: .green))
        }
        let captions = months.map { "M\($0.month) " + ($0.adherence.fraction.map { "\(Int(clamping: ($0 * 100).rounded()))%" } ?? "–") }
        place(ColumnChart(columns: columns, maximum: 100, captions: captions, widestColumn: 9, scaleText: { "\(Int(clamping: $0.rounded()))%" }),
              into: &canvas, rows: rows)
        let text = months.map { "M\($0.month) \($0.adherence.taken)/\($0.adherence.planned)" }.joined(separator: " · ")
        let missing = months.reduce(0) { $0 + $1.adherence.skipped }
        let unrecorded = months.reduce(0) { $0 + $1.adherence.unrecorded }
        return (text.isEmpty ? "No doses were due yet." : text,
                "Paused days are not counted. In all: \(missing) skipped, \(unrecorded) not recorded.")
    }

    private func drawLabs(into canvas: inout Canvas, context: HistoryScreen.Context, rows: Range<Int>) -> (String, String) {
        let trends = Self.labTrends(context.journal)
        guard !trends.isEmpty else { return ("No lab values yet.", "") }
        let trend = trends[min(labIndex, trends.count - 1)]
        let records = context.journal.labRecords
        let reference = Self.reference(for: trend, records: records)
        let columns = trend.points.map { point in
            ColumnChart.Column(point.value, style: (point.highestFlag?.level ?? .noted) > .noted ? .warning : Style(foreground: .cyan))
        }
        let top = ColumnChart.roundScale(max(trend.points.map(\.value).max() ?? 0, reference?.value ?? 0) * 1.05)
        place(ColumnChart(columns: columns, maximum: top, reference: reference, captions: trend.points.map { Self.caption($0.day) },
                          widestColumn: 8, scaleText: { LabValueText.format($0, trend.unit, converted: true) }), into: &canvas, rows: rows)
        let latest = trend.latest.map { LabValueText.withUnit($0.value, trend.unit, converted: $0.entered != nil) } ?? "–"
        return ("↑↓ \(trend.test.name) (\(min(labIndex, trends.count - 1) + 1) of \(trends.count)) · latest \(latest)",
                "In \(trend.unit.rawValue); flagged values in yellow. The dashed line is the limit named.")
    }

    /// The "tell your prescriber" limit (triglycerides) or the lab's upper limit of normal (ALT, AST).
    static func reference(for trend: LabTrend, records: LabRecords) -> (value: Double, label: String)? {
        if trend.test.hasUpperLimit {
            guard let uln = records.results(of: trend.test).last(where: { $0.result.upperLimitOfNormal != nil })?.result.upperLimitOfNormal
            else { return nil }
            return (uln, "upper limit of normal")
        }
        let day = trend.latest?.day ?? LocalDate(year: 2000, month: 1, day: 1)!
        guard let rule = LabFlagRules.shipped.rules(for: trend.test, on: day).filter({ $0.limit != nil && $0.level >= .tell }).min(by: { $0.level < $1.level }),
              let ruleUnit = rule.unit, let (limit, _) = LabFlagging.threshold(of: rule, settings: records.settings),
              let value = trend.test.convert(limit, from: ruleUnit, to: trend.unit) else { return nil }
        return (value, "tell your prescriber")
    }
}
