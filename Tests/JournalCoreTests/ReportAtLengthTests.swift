import Foundation
import Testing
@testable import JournalCore

/// The visit report on long synthetic journals: the default range is the course month, the
/// charts say the numbers they are drawn from (read back from the SVG), labels never overlap,
/// and the notes stay short. The page count is checked by printing, in the end-to-end tests.
@Suite("Reports at any length: course months, charts, notes")
struct ReportAtLengthTests {
    static let utc = TimeZone(identifier: "UTC")!
    /// The synthetic journals end on this day; "now" is its evening.
    static let lastDay = LocalDate(iso: "2026-11-30")!
    static let now = Timestamp.instant(of: lastDay, minuteOfDay: 22 * 60, in: utc)

    static func journal(entries: Int) -> Journal {
        var journal = Journal()
        for entry in SyntheticJournal.entries(count: entries, seed: 1, endingOn: lastDay) { journal.apply(entry) }
        return journal
    }

    /// About 260 days of one course: past its 120 mg/kg target by month 7.
    static let year = journal(entries: 3650)

    func summary(_ journal: Journal, _ period: ReportPeriod) throws -> VisitSummary {
        let range = try period.range(course: journal.courseRecords?.settings, today: Self.lastDay).get()
        return VisitSummary(journal: journal, range: range, now: Self.now, timeZone: Self.utc)
    }

    // MARK: Reading the SVG back

    struct Chart {
        let width: Double
        let body: String
        /// (value, y) of each value-axis label.
        var ticks: [(value: Double, y: Double)] {
            elements("text", class: "ytick").compactMap { element in
                guard let value = Double(element.text), let y = element.attributes["y"].flatMap(Double.init) else { return nil }
                return (value, y - 3) // drawn 3 px below its grid line, to sit centred on it
            }
        }
        /// The value at height `y`, from the axis labels (a straight line through the first and last).
        func value(atY y: Double) -> Double {
            let t = ticks
            let (a, b) = (t.first!, t.last!)
            return a.value + (y - a.y) / (b.y - a.y) * (b.value - a.value)
        }
        var seriesPoints: [(x: Double, y: Double)] {
            guard let points = elements("polyline", class: "series").first?.attributes["points"] else { return [] }
            return points.split(separator: " ").map { pair in
                let xy = pair.split(separator: ",").map { Double($0)! }
                return (xy[0], xy[1])
            }
        }
        /// Left and right edge of each x label, as wide as the report's font draws it at most.
        var labelSpans: [ClosedRange<Double>] {
            elements("text", class: "xlabel").map { element in
                let x = Double(element.attributes["x"]!)!
                return x...(x + Double(element.text.count) * 5.4)
            }
        }

        func elements(_ name: String, class className: String) -> [(attributes: [String: String], text: String)] {
            var found: [(attributes: [String: String], text: String)] = []
            var rest = body[...]
            while let open = rest.range(of: "<\(name) ") {
                let close = rest[open.upperBound...].range(of: ">")!
                let tag = rest[open.upperBound..<close.lowerBound]
                var attributes: [String: String] = [:]
                for part in tag.split(separator: "\"").enumerated() where part.offset % 2 == 0 {
                    let key = part.element.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "=", with: "")
                    let values = tag.split(separator: "\"")
                    if part.offset + 1 < values.count, !key.isEmpty { attributes[key] = String(values[part.offset + 1]) }
                }
                var text = ""
                if let end = rest[close.upperBound...].range(of: "</\(name)>"), !tag.hasSuffix("/") {
                    text = String(rest[close.upperBound..<end.lowerBound])
                }
                if attributes["class"] == className { found.append((attributes, text)) }
                rest = rest[close.upperBound...]
            }
            return found
        }
    }

    /// The chart whose aria-label starts with `label`.
    func chart(_ html: String, _ label: String) throws -> Chart {
        let start = try #require(html.range(of: "aria-label=\"\(label)"), "no chart \(label)")
        let open = try #require(html[..<start.lowerBound].range(of: "<svg ", options: .backwards))
        let end = try #require(html[start.upperBound...].range(of: "</svg>"))
        let svg = String(html[open.lowerBound..<end.upperBound])
        let width = try #require(svg.split(separator: "\"").dropFirst().first.flatMap { Double($0) })
        return Chart(width: width, body: svg)
    }

    func expectNoOverlap(_ chart: Chart, _ what: String) {
        let spans = chart.labelSpans
        for span in spans { #expect(span.lowerBound >= 0 && span.upperBound <= chart.width + 0.5, "\(what): \(span) inside 0…\(chart.width)") }
        for (a, b) in zip(spans, spans.dropFirst()) { #expect(a.upperBound <= b.lowerBound, "\(what): labels \(a) and \(b) overlap") }
    }

    // MARK: Tests

    @Test("the default range is the current course month; --month, --course and --from/--to choose others")
    func periods() throws {
        let course = try #require(Self.year.courseRecords).settings
        let current = try ReportPeriod.currentCourseMonth.range(course: course, today: Self.lastDay).get()
        let month = MonthlyChecklist.currentMonth(startDate: course.startDate, today: Self.lastDay)
        #expect(current == ReportRange.courseMonth(month, startDate: course.startDate))
        #expect(current.from <= Self.lastDay && Self.lastDay <= current.to && current.dayCount == 30)
        #expect(current.name == "course month \(month)")
        let checklist = try #require(MonthlyChecklist.build(journal: Self.year, today: Self.lastDay))
        #expect(current.from == checklist.firstDay && current.to == checklist.lastDay, "the checklist's month, exactly")
        let first = try ReportPeriod.courseMonth(1).range(course: course, today: Self.lastDay).get()
        #expect(first.from == course.startDate && first.to == course.startDate.adding(days: 29))
        let whole = try ReportPeriod.course(1).range(course: course, today: Self.lastDay).get()
        #expect(whole.from == course.startDate && whole.to == Self.lastDay && whole.name == "course 1")
        #expect(throws: ReportPeriod.Problem.self) { try ReportPeriod.course(2).range(course: course, today: Self.lastDay).get() }
        #expect(throws: ReportPeriod.Problem.self) { try ReportPeriod.courseMonth(month + 1).range(course: course, today: Self.lastDay).get() }
        #expect(throws: ReportPeriod.Problem.self) { try ReportPeriod.courseMonth(0).range(course: course, today: Self.lastDay).get() }
        #expect(throws: ReportPeriod.Problem.self) { try ReportPeriod.courseMonth(1).range(course: nil, today: Self.lastDay).get() }
        // No course: the last 30 days, as before.
        #expect(try ReportPeriod.currentCourseMonth.range(course: nil, today: Self.lastDay).get()
                == ReportRange(from: Self.lastDay.adding(days: -29), to: Self.lastDay))
    }

    @Test("past the target: the line is drawn where it is (read back from the axis), the target is a line, and it says when it was reached")
    func pastTheTarget() throws {
        let s = try summary(Self.year, .currentCourseMonth)
        let progress = try #require(s.course?.progress)
        #expect(progress.cumulativeMgPerKg > 150, "the synthetic year is well past 120 mg/kg: \(progress.cumulativeMgPerKg)")
        let reached = try #require(s.targetReachedDay)
        let html = HTMLReport.text(s)
        #expect(html.contains("Target of 120 mg/kg reached on \(reached.iso)"))
        #expect(!html.contains("Projected to reach"), "no projection once the target is behind")
        let markdown = MarkdownReport.text(s)
        #expect(markdown.contains("Target of 120 mg/kg reached on \(reached.iso)") && !markdown.contains("Projected to reach"))

        let cumulative = try chart(html, "Cumulative mg/kg")
        #expect(cumulative.ticks.count >= 3, "the value axis carries numbers")
        let last = try #require(cumulative.seriesPoints.last)
        #expect(abs(cumulative.value(atY: last.y) - progress.cumulativeMgPerKg) < progress.cumulativeMgPerKg * 0.01,
                "the line ends at \(cumulative.value(atY: last.y)), the course is at \(progress.cumulativeMgPerKg)")
        #expect(cumulative.seriesPoints.allSatisfy { $0.y >= 0 && $0.y <= 110 }, "nothing drawn outside the chart")
        let target = try #require(cumulative.elements("line", class: "target").first?.attributes["y1"].flatMap(Double.init))
        #expect(abs(cumulative.value(atY: target) - 120) < 1)
        #expect(last.y < target - 10, "the line is visibly above the target")
        let ring = try #require(cumulative.elements("circle", class: "marker").first?.attributes["cy"].flatMap(Double.init))
        #expect(abs(cumulative.value(atY: ring) - 120) < 1, "the ring sits on the target line")
        expectNoOverlap(cumulative, "cumulative")
    }

    @Test("course month 1 and 6 of a long course: projection before the target, the axis covers the data, labels apart")
    func earlierMonths() throws {
        for month in [1, 6] {
            let s = try summary(Self.year, .courseMonth(month))
            #expect(s.title.contains("course month \(month), "))
            let html = HTMLReport.text(s)
            #expect(html.contains("Projected to reach the target on"), "month \(month)")
            #expect(s.targetReachedDay == nil)
            let cumulative = try chart(html, "Cumulative mg/kg")
            let last = try #require(cumulative.seriesPoints.last)
            let expected = try #require(s.cumulative.last).cumulativeMgPerKg
            #expect(abs(cumulative.value(atY: last.y) - expected) < max(0.5, expected * 0.01), "month \(month)")
            let target = try #require(cumulative.elements("line", class: "target").first?.attributes["y1"].flatMap(Double.init))
            #expect(abs(cumulative.value(atY: target) - 120) < 1 && last.y > target, "month \(month): below the target")
            expectNoOverlap(cumulative, "cumulative, month \(month)")
            let adherence = try chart(html, "Planned doses taken per course month")
            #expect(adherence.ticks.map(\.value) == [0, 50, 100])
            expectNoOverlap(adherence, "adherence, month \(month)")
            #expect(adherence.elements("rect", class: "bar").count == month)
        }
    }

    @Test("ten years (50,000 entries): month labels thinned so none overlaps, the newest kept; notes limited with the rest in the CSV")
    func tenYears() throws {
        let decade = Self.journal(entries: 50_000)
        let s = try summary(decade, .currentCourseMonth)
        #expect(s.adherenceByMonth.count > 12)
        let html = HTMLReport.text(s)
        let adherence = try chart(html, "Planned doses taken per course month")
        let labels = adherence.elements("text", class: "xlabel").map(\.text)
        #expect(labels.count < s.adherenceByMonth.count && labels.count >= 4, "\(labels)")
        #expect(labels.last?.hasPrefix("M\(s.adherenceByMonth.count) ") == true, "the current month is labelled: \(labels)")
        expectNoOverlap(adherence, "adherence over \(s.adherenceByMonth.count) months")
        for trend in ["Triglycerides over time", "ALT (liver) over time"] {
            let lab = try chart(html, trend)
            #expect(lab.elements("circle", class: "dot").count + lab.elements("circle", class: "dot alarm").count <= 12)
            #expect(lab.ticks.count >= 2)
            expectNoOverlap(lab, trend)
        }

        #expect(s.notes.count > VisitSummary.notesShown, "a busy month has many notes: \(s.notes.count)")
        #expect(s.notes.allSatisfy { s.range.from <= $0.day && $0.day <= s.range.to })
        let lines = s.noteLines
        #expect(lines.count == VisitSummary.notesShown + 1)
        #expect(lines.last == "\(s.notes.count - VisitSummary.notesShown) more notes in these days in the CSV (isojournal report --format csv, same range).")
        #expect(lines.dropLast().allSatisfy { $0.count < VisitSummary.noteCharactersShown + 80 })
    }

    @Test("the patient's name, when set, is in the title and the first row")
    func patientName() throws {
        var journal = Self.year
        var settings = journal.programmeSettings
        settings.patientName = "Maya"
        journal.apply(Entry(id: ProgrammeSettings.entryID, revision: journal.revisionNumber(of: ProgrammeSettings.entryID) + 1,
                            recordedAt: Self.now, day: Self.lastDay, body: .programmeSettings(settings)))
        let s = try summary(journal, .courseMonth(3))
        #expect(s.title.hasPrefix("Visit summary for Maya, course month 3, "))
        #expect(s.courseRows.first! == ("Patient", "Maya"))
        #expect(try summary(Self.year, .courseMonth(3)).title.hasPrefix("Visit summary, course month 3, "))
    }

    @Test("axis ticks are round numbers that cover the data")
    func ticks() {
        #expect(ChartScale.ticks(upTo: 124.8) == [0, 50, 100, 150])
        #expect(ChartScale.ticks(upTo: 2376) == [0, 1000, 2000, 3000])
        #expect(ChartScale.ticks(upTo: 3, count: 3) == [0, 1, 2, 3])
        let labels = (0..<40).map { (x: Double($0) * 5, text: "M\($0 + 1) 97%") }
        let kept = ChartScale.thinned(labels, width: 200)
        #expect(kept.last?.text == "M40 97%" && kept.first?.text == "M1 97%")
    }
}

@Suite("Report period: --course N in a journal with two courses")
struct ReportCourseNumberTests {
    @Test("course 1 ends at its last dose, course 2 runs to today, course 3 is refused with both listed")
    func twoCourses() throws {
        var first = CourseSettings(startDate: LocalDate(iso: "2025-01-06")!, patientCategory: .cannotGetPregnant)
        first.lastDoseDate = LocalDate(iso: "2025-06-30")!
        let second = CourseSettings(startDate: LocalDate(iso: "2026-03-02")!, patientCategory: .cannotGetPregnant)
        let today = LocalDate(iso: "2026-11-30")!
        let one = try ReportPeriod.course(1).range(courses: [first, second], today: today).get()
        #expect(one.from.iso == "2025-01-06" && one.to.iso == "2025-06-30" && one.name == "course 1")
        let two = try ReportPeriod.course(2).range(courses: [first, second], today: today).get()
        #expect(two.from.iso == "2026-03-02" && two.to == today && two.name == "course 2")
        // Course months count in the latest course.
        let month = try ReportPeriod.courseMonth(1).range(courses: [first, second], today: today).get()
        #expect(month.from.iso == "2026-03-02")
        // A first course with no last dose recorded ends the day before the second starts.
        first.lastDoseDate = nil
        let open = try ReportPeriod.course(1).range(courses: [first, second], today: today).get()
        #expect(open.to.iso == "2026-03-01")
        let three = ReportPeriod.course(3).range(courses: [first, second], today: today)
        guard case .failure(let problem) = three else { Issue.record("course 3 accepted"); return }
        #expect(problem.message.contains("2 courses") && problem.message.contains("2026-03-02"), "\(problem.message)")
    }
}
