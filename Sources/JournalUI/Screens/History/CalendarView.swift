import JournalCore

/// The calendar heat map: one symptom's grade on every day, month by month. Each day shows
/// its grade as a digit on a colour, so it reads with or without colour. As many months as
/// the window holds, the newest last.
struct CalendarView: Equatable, Sendable {
    var symptomIndex = 0
    /// How many months back the newest month shown is (0: this month).
    var monthsBack = 0

    static let keyMap = KeyMap([.key("←→", "symptom"), .key("[ ]", "months"), .key("Tab", "view"), .key("f", "filter"), .key("R", "reload"), .key("Esc", "back")])
    static let cellWidth = 5
    static let monthWidth = 7 * cellWidth
    static let monthHeight = 8
    static let gap = 3

    mutating func handle(_ key: Key, context: HistoryScreen.Context) {
        let symptoms = SymptomSeries.loggedSymptoms(in: context.journal)
        switch key {
        case .left, .character("h"): symptomIndex = (symptomIndex + max(1, symptoms.count) - 1) % max(1, symptoms.count)
        case .right, .character("l"): symptomIndex = (symptomIndex + 1) % max(1, symptoms.count)
        case .character("["), .pageUp: monthsBack = min(monthsBack + 1, max(0, Self.monthCount(context) - 1))
        case .character("]"), .pageDown: monthsBack = max(0, monthsBack - 1)
        default: break
        }
    }

    /// Months from the first graded day (or the course start) to this month.
    static func monthCount(_ context: HistoryScreen.Context) -> Int {
        let first = earliestDay(context.journal) ?? context.today
        return index(of: context.today) - index(of: first) + 1
    }

    static func earliestDay(_ journal: Journal) -> LocalDate? {
        let graded = journal.currentEntries.compactMap { entry -> LocalDate? in
            if case .symptom? = entry.body { return entry.day } else { return nil }
        }
        return (graded + [journal.courseRecords?.settings.startDate].compactMap { $0 }).min()
    }

    /// Months since year 0, so month arithmetic is plain subtraction.
    static func index(of day: LocalDate) -> Int { day.year * 12 + day.month - 1 }
    static func firstDay(ofIndex index: Int) -> LocalDate { LocalDate(year: index / 12, month: index % 12 + 1, day: 1)! }

    func draw(into canvas: inout Canvas, context: HistoryScreen.Context, rows: Range<Int>) {
        let symptoms = SymptomSeries.loggedSymptoms(in: context.journal)
        guard !symptoms.isEmpty else {
            canvas.put("   No symptoms logged yet: the calendar fills in as days are graded.", row: rows.lowerBound, column: 0, style: .dim)
            return
        }
        let catalogue = SymptomCatalogue.shipped
        let slug = symptoms[min(symptomIndex, symptoms.count - 1)]
        let series = SymptomSeries(symptom: slug, journal: context.journal)
        canvas.put(" ◂ " + catalogue.name(of: slug) + " ▸", row: rows.lowerBound, column: 0, style: .bold)
        canvas.put("\(min(symptomIndex, symptoms.count - 1) + 1) of \(symptoms.count)", row: rows.lowerBound,
                   column: DisplayWidth.of(catalogue.name(of: slug)) + 8, style: .dim)
        if let summary = series.summary(from: LocalDate(year: 1, month: 1, day: 1)!, to: context.today) {
            let text = "   Worst \(summary.worst.grade) on \(DateText.short(summary.worst.day)) · latest \(summary.latest.grade) "
                + "\(DateText.relative(summary.latest.day, today: context.today)) · graded on \(series.grades.count) days"
            canvas.put(DisplayWidth.truncate(text, to: canvas.width), row: rows.lowerBound + 1, column: 0)
        }
        let perRow = max(1, (canvas.width - 2 + Self.gap) / (Self.monthWidth + Self.gap))
        let gridRows = max(1, (rows.count - 5) / (Self.monthHeight + 1))
        let newest = Self.index(of: context.today) - monthsBack
        let count = min(perRow * gridRows, max(1, Self.monthCount(context) - monthsBack))
        for slot in 0..<count {
            let month = newest - count + 1 + slot
            let top = rows.lowerBound + 3 + (slot / perRow) * (Self.monthHeight + 1)
            let left = 2 + (slot % perRow) * (Self.monthWidth + Self.gap)
            drawMonth(month, series: series, today: context.today, into: &canvas, top: top, left: left)
        }
        let labels = catalogue.scale.sorted { $0.grade < $1.grade }.map(\.label)
        GradeCell.drawLegend(into: &canvas, lastRow: rows.upperBound - 1, column: 1, labels: labels)
    }

    private func drawMonth(_ month: Int, series: SymptomSeries, today: LocalDate, into canvas: inout Canvas, top: Int, left: Int) {
        let first = Self.firstDay(ofIndex: month)
        canvas.put(DateText.months[first.month - 1] + " \(first.year)", row: top, column: left, style: .bold)
        for (index, name) in ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"].enumerated() {
            canvas.put(name, row: top + 1, column: left + index * Self.cellWidth, style: .dim)
        }
        let length = LocalDate.daysIn(month: first.month, year: first.year)
        for offset in 0..<length {
            let day = first.adding(days: offset)
            let cell = first.isoWeekday - 1 + offset
            let row = top + 2 + cell / 7
            let x = left + (cell % 7) * Self.cellWidth
            let number = day.day < 10 ? " \(day.day)" : "\(day.day)"
            canvas.put(number, row: row, column: x, style: day == today ? Style(bold: true, underline: true) : .dim)
            guard day <= today else { continue }
            let grade = series.grades[day]
            canvas.put(GradeCell.character(grade), row: row, column: x + 3, style: GradeCell.style(grade))
        }
    }
}
