import Foundation

/// Everything a prescriber reads at a visit, for one range of days, worked out once from the
/// journal. The Markdown and HTML reports are two ways of printing it.
public struct VisitSummary: Sendable {
    public struct Course: Sendable {
        public let settings: CourseSettings
        /// 1 for the first course; earlier courses of the journal with their totals.
        public var number: Int = 1
        public var earlier: [(number: Int, start: LocalDate, lastDose: LocalDate?, mgPerKg: Double)] = []
        public let progress: CourseProgress
        public let weightDay: LocalDate?
        public let isPausedNow: Bool
    }

    public struct SymptomLine: Sendable {
        public let slug: String
        public let name: String
        public let worst: (day: LocalDate, grade: Int)
        public let latest: (day: LocalDate, grade: Int)
        public let direction: SymptomSeries.Direction
        /// Worst grade of each week in the range.
        public let weekly: [Int?]
    }

    public struct LabLine: Sendable {
        public let day: LocalDate
        public let result: LabResult
        public let flags: [LabFlag]
        /// Set when the rules could not judge it (ALT/AST without the lab's upper limit).
        public let notJudgedBecause: String?
        /// The same test's result before this one, for the change (and an earlier flag).
        public let previous: DatedLabResult?
    }

    /// A red flag or a mood check that asks for attention.
    public struct Alert: Sendable {
        public let day: LocalDate
        public let level: RecordAlert.Level
        public let text: String
    }

    public struct Note: Sendable {
        public let day: LocalDate
        public let about: String
        public let text: String
    }

    public let range: ReportRange
    /// The name the patient set for reports (settings), if any.
    public let patientName: String?
    public let generatedAt: Date
    public let timeZone: TimeZone
    /// The moment the numbers are worked out for: now, or the end of the range if it ended earlier.
    public let asOf: Date
    public let course: Course?
    public let adherenceInRange: CourseProgress.Adherence?
    public let adherenceByMonth: [CourseSeries.MonthAdherence]
    public let cumulative: [CourseSeries.DayTotal]
    public let symptoms: [SymptomLine]
    public let labs: [LabLine]
    public let labTrends: [LabTrend]
    public let alerts: [Alert]
    /// Flagged lab results not yet acted on as of the end of the range (any day, not only in it).
    public let unactedLabFlags: [DatedLabResult]
    public let checklist: MonthlyChecklist?
    /// When the course is on hold (or paused) as of the report: what the reader must see first.
    public let courseStateLines: (heading: String, lines: [String], isStop: Bool)?
    public let medicines: [(day: LocalDate, medicine: MedicineNote)]
    public let notes: [Note]

    public init(journal: Journal, range: ReportRange, now: Date, timeZone: TimeZone) {
        self.range = range
        patientName = journal.programmeSettings.patientName
        generatedAt = now
        self.timeZone = timeZone
        let endOfRange = Timestamp.instant(of: range.to, minuteOfDay: 24 * 60 - 1, in: timeZone)
        asOf = min(now, endOfRange)
        let asOfDay = Timestamp.localDate(of: asOf, in: timeZone)
        let labRecords = journal.labRecords
        unactedLabFlags = UnactedLabFlags.results(in: journal, asOf: asOfDay)
        let entries = journal.entries(from: range.from, to: range.to)

        if let records = journal.courseRecords {
            let progress = CourseProgress(records: records, now: asOf, timeZone: timeZone)
            var current = Course(settings: records.settings, progress: progress,
                                 weightDay: records.weights.last { $0.day <= asOfDay }?.day ?? records.weights.first?.day,
                                 isPausedNow: records.isPaused(asOfDay))
            current.number = records.number
            let moment = asOf
            current.earlier = (1..<records.number).compactMap { number in
                journal.courseRecords(number: number).map {
                    (number, $0.settings.startDate, $0.settings.lastDoseDate, CourseProgress(records: $0, now: moment, timeZone: timeZone).cumulativeMgPerKg)
                }
            }
            course = current
            adherenceInRange = CourseSeries.adherence(records, from: range.from, to: range.to, now: asOf, timeZone: timeZone)
            adherenceByMonth = CourseSeries.adherenceByMonth(records, now: asOf, timeZone: timeZone)
            cumulative = CourseSeries.cumulative(records, through: asOfDay)
            checklist = MonthlyChecklist.build(journal: journal, today: asOfDay)
            switch progress.state {
            case .onHold(let hold):
                courseStateLines = ("COURSE ON HOLD since \(StopAlertText.when(hold.since, zone: timeZone)): no dose until the prescriber decides",
                                    hold.events.map(\.what) + [StopAlertText.instruction + " " + StopAlertText.nextStep], true)
            case .paused(let pause):
                courseStateLines = ("Course paused by the prescriber",
                                    ["From \(pause.startDate.iso)" + (pause.endDate.map { " to \($0.iso)" } ?? " until further notice")
                                        + (pause.reason.map { ": \($0)" } ?? "") + ". No dose is expected."], false)
            default:
                courseStateLines = nil
            }
        } else {
            course = nil
            adherenceInRange = nil
            adherenceByMonth = []
            cumulative = []
            checklist = nil
            courseStateLines = nil
        }

        let catalogue = SymptomCatalogue.shipped
        let allSeries = SymptomSeries.all(in: journal)
        let known = catalogue.symptoms.map(\.slug)
        let order = known.filter { allSeries[$0] != nil } + allSeries.keys.filter { !known.contains($0) }.sorted()
        symptoms = order.compactMap { slug in
            guard let series = allSeries[slug], let summary = series.summary(from: range.from, to: range.to) else { return nil }
            return SymptomLine(slug: slug, name: catalogue.name(of: slug), worst: summary.worst, latest: summary.latest,
                               direction: series.direction(from: range.from, to: range.to),
                               weekly: series.weeklyWorst(from: range.from, to: range.to).map(\.grade))
        }

        labs = labRecords.results.filter { range.from <= $0.day && $0.day <= range.to }
            .map { dated in
                LabLine(day: dated.day, result: dated.result, flags: dated.flags, notJudgedBecause: dated.notJudgedBecause,
                        previous: labRecords.results(of: dated.result.test).last { $0.day < dated.day })
            }
        labTrends = LabTest.allCases.compactMap { test -> LabTrend? in
            guard let unit = labRecords.displayUnit(for: test),
                  let trend = LabTrend(test: test, results: labRecords.results.filter { $0.day <= range.to }, unit: unit),
                  trend.points.contains(where: { $0.day >= range.from }) else { return nil }
            return trend
        }

        var alerts: [Alert] = []
        var medicines: [(day: LocalDate, medicine: MedicineNote)] = []
        var notes: [Note] = []
        for entry in entries {
            let alert = RecordAlert.of(entry, labs: labRecords)
            // Red flags and mood checks are the alerts; a flagged lab has its own section.
            if let alert, entry.kind == .redFlag || entry.kind == .moodCheck {
                var text = EntryDescription.line(entry, timeZone: timeZone)
                if alert.level == .tell {
                    let mood = ProgrammeRules.shipped.moodCheck
                    text += " — a positive screen (PHQ-2 ≥ \(mood.phq2StepUpAt) or PHQ-9 ≥ \(mood.phq9TellPrescriberAt))"
                }
                alerts.append(Alert(day: entry.day, level: alert.level, text: text))
            }
            if case .medicine(let medicine)? = entry.body { medicines.append((entry.day, medicine)) }
            // A person's own checklist item is a title, not a note on something.
            for text in RecordNotes.of(entry) where entry.kind != .checklistItem {
                notes.append(Note(day: entry.day, about: entry.body?.payload?.subject ?? "record", text: text))
            }
        }
        self.alerts = alerts
        self.medicines = medicines
        self.notes = notes
    }

    /// Planned intakes taken, as "56 of 60 (93%)".
    public static func adherenceText(_ a: CourseProgress.Adherence) -> String {
        guard a.planned > 0 else { return "no doses were due" }
        let percent = Int(clamping: (Double(a.taken) / Double(a.planned) * 100).rounded())
        var text = "\(a.taken) of \(a.planned) planned doses taken (\(percent)%)"
        if a.skipped > 0 { text += ", \(a.skipped) skipped" }
        if a.unrecorded > 0 { text += ", \(a.unrecorded) not recorded" }
        return text
    }

    public static func gradeText(_ g: (day: LocalDate, grade: Int)) -> String { "\(g.grade) (\(g.day.iso))" }
}
