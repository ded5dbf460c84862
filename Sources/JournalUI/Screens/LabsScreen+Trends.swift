import JournalCore

/// The Trends view: one test's values over time, a sparkline, the change from the first
/// value (the baseline), and a bar per value with the flag limit marked.
extension LabsScreen {
    func drawTrends(_ test: LabTest, into canvas: inout Canvas, today: LocalDate) {
        Chrome.drawTitle("IsoJournal · Labs · Trends", right: DateText.long(today), into: &canvas)
        Chrome.drawHints(keyMap(today: today).hints(), into: &canvas)
        canvas.put(" ◂ " + test.name + " ▸", row: 2, column: 0, style: .bold)
        let body = Chrome.bodyRows(height: canvas.height)
        guard let unit = trendUnit.flatMap({ test.units.contains($0) ? $0 : nil }) ?? records.displayUnit(for: test),
              let trend = LabTrend(test: test, results: records.results, unit: unit) else {
            drawPregnancyTests(into: &canvas, rows: body)
            return
        }
        let right = "shown in \(unit.rawValue)"
        canvas.put(right, row: 2, column: max(0, canvas.width - DisplayWidth.of(right) - 1), style: .dim)
        guard let baseline = trend.baseline, let latest = trend.latest else {
            canvas.put("   No results for \(test.name) yet. Press Esc, then r to add one.", row: 4, column: 0, style: .dim)
            return
        }
        var summary = "baseline \(LabValueText.withUnit(baseline.value, unit, converted: baseline.entered != nil))"
        if let change = trend.changeFromBaseline {
            summary = LabValueText.format(baseline.value, unit, converted: baseline.entered != nil) + " → "
                + LabValueText.withUnit(latest.value, unit, converted: latest.entered != nil) + ", "
                + LabTrend.changeText(change, percent: trend.percentChangeFromBaseline, unit: unit,
                                      converted: baseline.entered != nil || latest.entered != nil) + " from baseline"
        }
        let spark = Sparkline.text(trend.points.map(\.value), width: 16)
        let x = canvas.put("   Trend  ", row: 4, column: 0, style: .bold)
        let afterSpark = canvas.put(spark, row: 4, column: x, style: Style(foreground: .cyan))
        canvas.put(DisplayWidth.truncate(summary, to: max(0, canvas.width - afterSpark - 3)), row: 4, column: afterSpark + 2)

        let reference = referenceLine(for: trend)
        let legendRows = reference == nil ? 0 : 1
        let converted = trend.points.contains { $0.entered != nil }
        let footer = legendRows + (converted ? 1 : 0)
        canvas.put("   " + DisplayWidth.fit("Specimen date", to: 16) + DisplayWidth.fit("Value", to: 12) + "  Change", row: 6,
                   column: 0, style: .bold)
        let firstRow = 7
        let lastRow = body.upperBound - footer - (footer > 0 ? 1 : 0)
        let capacity = max(1, lastRow - firstRow)
        let barColumn = 3 + 16 + 12 + 2 + 16 + 2
        let barWidth = max(0, canvas.width - barColumn - 1)
        let scale = max(trend.points.map(\.value).max() ?? 0, reference?.value ?? 0)
        // Baseline always shows; when there are too many values the oldest after it are summarised.
        var shown: [LabTrend.Point?] = trend.points
        if trend.points.count > capacity {
            shown = capacity < 3 ? trend.points.suffix(capacity).map { $0 } : [trend.points[0], nil] + trend.points.suffix(capacity - 2)
        }
        for (offset, point) in shown.enumerated() {
            let y = firstRow + offset
            guard let point else {
                canvas.put("   … \(trend.points.count - capacity + 1) more", row: y, column: 0, style: .dim)
                continue
            }
            let value = LabValueText.withUnit(point.value, unit, converted: point.entered != nil) + (point.entered == nil ? "" : "*")
            let change = point == baseline ? "baseline"
                : LabTrend.changeText(point.value - baseline.value, percent: nil, unit: unit,
                                      converted: point.entered != nil || baseline.entered != nil)
            let flagged = point.highestFlag.map { $0.level > .noted } ?? false
            let style: Style = flagged ? .warning : .plain
            canvas.put("   " + DisplayWidth.fit(DateText.short(point.day), to: 16) + DisplayWidth.fit(value, to: 12)
                + "  " + DisplayWidth.fit(change, to: 16) + (point.highestFlag == nil ? "  " : "! "), row: y, column: 0, style: style)
            let bar = Sparkline.bar(point.value, scale: scale, width: barWidth)
            canvas.put(bar, row: y, column: barColumn, style: flagged ? .warning : Style(foreground: .cyan))
            if let reference, let column = Sparkline.column(of: reference.value, scale: scale, width: barWidth),
               column >= DisplayWidth.of(bar) {
                canvas.put("┊", row: y, column: barColumn + column, style: .dim)
            }
        }
        var legendRow = body.upperBound - footer
        if let reference {
            canvas.put(DisplayWidth.truncate("   ┊ " + reference.label, to: canvas.width), row: legendRow, column: 0, style: .dim)
            legendRow += 1
        }
        if converted {
            canvas.put(DisplayWidth.truncate("   * entered in another unit and converted (entered values are kept)", to: canvas.width),
                       row: legendRow, column: 0, style: .dim)
        }
    }

    /// Where the first "tell your prescriber" limit falls, in the trend's unit: an absolute
    /// limit (triglycerides), or the latest upper limit of normal (ALT, AST).
    private func referenceLine(for trend: LabTrend) -> (value: Double, label: String)? {
        let day = trend.latest?.day ?? LocalDate(year: 2000, month: 1, day: 1)!
        let rules = LabFlagRules.shipped.rules(for: trend.test, on: day)
        if trend.test.hasUpperLimit {
            guard let uln = records.results(of: trend.test).last(where: { $0.result.upperLimitOfNormal != nil })?
                .result.upperLimitOfNormal else { return nil }
            return (uln, "upper limit of normal (\(LabValueText.withUnit(uln, .unitsPerLiter)), from your latest report)")
        }
        let absolute = rules.filter { $0.limit != nil && $0.unit != nil && $0.level >= .tell }
        guard let rule = absolute.min(by: { $0.level < $1.level }), let ruleUnit = rule.unit,
              let (limit, overridden) = LabFlagging.threshold(of: rule, settings: records.settings),
              let value = trend.test.convert(limit, from: ruleUnit, to: trend.unit) else { return nil }
        let whose = overridden ? "your own limit" : "practice default"
        return (value, "\(LabValueText.withUnit(value, trend.unit, converted: ruleUnit != trend.unit)): the \"tell your prescriber\" limit (\(whose))")
    }

    private func drawPregnancyTests(into canvas: inout Canvas, rows: Range<Int>) {
        let tests = records.pregnancyTests.reversed()
        guard !tests.isEmpty else {
            canvas.put("   No pregnancy tests yet. Press Esc, then r to add one.", row: 4, column: 0, style: .dim)
            return
        }
        canvas.put("   " + DisplayWidth.fit("Specimen date", to: 16) + DisplayWidth.fit("Result", to: 12) + "Taken at",
                   row: 4, column: 0, style: .bold)
        for (offset, dated) in tests.prefix(max(0, rows.upperBound - 5)).enumerated() {
            let result = dated.result
            let style: Style = result.outcome == .positive ? .alarm : .plain
            canvas.put("   " + DisplayWidth.fit(DateText.short(dated.day), to: 16)
                + DisplayWidth.fit(result.outcome?.rawValue ?? "–", to: 12) + (result.setting?.rawValue ?? ""),
                row: 5 + offset, column: 0, style: style)
        }
    }
}
