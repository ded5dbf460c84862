import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal status`: the course numbers, the same as the panel on the Today screen.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Cumulative dose in mg and mg/kg, adherence and the projected finish."
    )

    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var source: JournalToRead

    func run() throws {
        try reportingFailures {
            let now = Date()
            let journal = try source.load(scope: .workingSet).journal
            guard let records = journal.courseRecords else {
                throw CommandFailure.runtime("No course set up yet: isojournal course set … (or press c in the journal).")
            }
            let progress = CourseProgress(records: records, now: now, timeZone: .current)
            var report = StatusReport(progress: progress, records: records, today: Timestamp.localDate(of: now, in: .current), zone: .current)
            report.earlierCourses = (1..<records.number).compactMap { number in
                journal.courseRecords(number: number).map {
                    StatusReport.EarlierCourse(records: $0, progress: CourseProgress(records: $0, now: now, timeZone: .current))
                }
            }
            if json {
                try say(json: report)
            } else {
                say(report.text)
            }
        }
    }
}

/// The status numbers with stable field names (documented in the README).
struct StatusReport: Encodable {
    struct Adherence: Encodable {
        let planned, taken, skipped, unrecorded: Int
        init(_ a: CourseProgress.Adherence) {
            planned = a.planned; taken = a.taken; skipped = a.skipped; unrecorded = a.unrecorded
        }
    }

    /// Why the course is on hold: the stop events waiting for the prescriber's decision.
    struct Hold: Encodable {
        struct Event: Encodable { let record, rule, day, what, source: String }
        let since: String
        let events: [Event]
    }

    struct Pause: Encodable { let from: String; let to: String? }

    /// A course before the current one, with its own totals.
    struct EarlierCourse: Encodable {
        let number: Int
        let startDate: String
        let lastDoseDate: String?
        let cumulativeMg: Double
        let cumulativeMgPerKg: Double
        let targetMgPerKg: Double

        init(records: CourseRecords, progress: CourseProgress) {
            number = records.number
            startDate = records.settings.startDate.iso
            lastDoseDate = records.settings.lastDoseDate?.iso
            cumulativeMg = (progress.cumulativeMilligrams * 100).rounded() / 100
            cumulativeMgPerKg = (progress.cumulativeMgPerKg * 1000).rounded() / 1000
            targetMgPerKg = records.settings.targetMgPerKg
        }
    }

    /// 1 for the first course; a second course in the same journal is 2.
    let course: Int
    /// A plan change already scheduled: its first day and pattern.
    let nextPlan: [String: String]?
    var earlierCourses: [EarlierCourse] = []

    let date: String
    /// active, on-hold, paused, finished or not-started: only "active" expects doses.
    let state: String
    let hold: Hold?
    let pause: Pause?
    let startDate: String
    let dayOfCourse: Int
    let courseMonth: Int
    let plan: String?
    let weightKg: Double?
    let cumulativeMg: Double
    let cumulativeMgPerKg: Double
    let targetMgPerKg: Double
    let percentOfTarget: Double
    let adherence: [String: Adherence]
    let recentDailyMgPerKg: Double?
    let projectedFinishAtRecentIntake: String?
    let projectedFinishAtPlannedDose: String?
    let lastDoseDate: String?
    /// The stop alert as printed (text output only).
    private let holdLine: String?

    enum CodingKeys: String, CodingKey {
        case date, course, earlierCourses, nextPlan, state, hold, pause, startDate, dayOfCourse, courseMonth, plan, weightKg, cumulativeMg, cumulativeMgPerKg,
             targetMgPerKg, percentOfTarget, adherence, recentDailyMgPerKg, projectedFinishAtRecentIntake,
             projectedFinishAtPlannedDose, lastDoseDate
    }

    init(progress: CourseProgress, records: CourseRecords, today: LocalDate, zone: TimeZone) {
        func round(_ value: Double, _ places: Double) -> Double { (value * places).rounded() / places }
        date = today.iso
        course = records.number
        nextPlan = records.steps.first { $0.startDate > today }.map { ["from": $0.startDate.iso, "plan": DosePattern.text($0.cycle)] }
        state = progress.state.name
        if case .onHold(let hold) = progress.state {
            self.hold = Hold(since: Timestamp.offsetText(hold.since, in: zone), events: hold.events.map {
                Hold.Event(record: $0.id.rawValue, rule: $0.ruleID, day: $0.day.iso, what: $0.what, source: $0.source)
            })
            holdLine = StopAlertText.line(hold, zone: zone)
        } else {
            self.hold = nil
            holdLine = nil
        }
        if case .paused(let pause) = progress.state {
            self.pause = Pause(from: pause.startDate.iso, to: pause.endDate?.iso)
        } else {
            self.pause = nil
        }
        startDate = records.settings.startDate.iso
        dayOfCourse = progress.dayOfCourse
        courseMonth = progress.courseMonth
        plan = progress.currentStep.map { DosePattern.text($0.cycle) }
        weightKg = progress.currentWeightKilograms.map { round($0, 100) }
        cumulativeMg = round(progress.cumulativeMilligrams, 100)
        cumulativeMgPerKg = round(progress.cumulativeMgPerKg, 1000)
        targetMgPerKg = progress.targetMgPerKg
        percentOfTarget = round(progress.fractionOfTarget * 100, 10)
        adherence = ["week": Adherence(progress.thisWeek), "courseMonth": Adherence(progress.thisCourseMonth),
                     "overall": Adherence(progress.overall)]
        recentDailyMgPerKg = progress.recentDailyMgPerKg.map { round($0, 1000) }
        projectedFinishAtRecentIntake = progress.projectedFinishAtRecentIntake?.iso
        projectedFinishAtPlannedDose = progress.projectedFinishAtPlannedDose?.iso
        lastDoseDate = records.settings.lastDoseDate?.iso
    }

    var text: String {
        func ratio(_ a: Adherence) -> String { "\(a.taken) of \(a.planned) taken" + (a.unrecorded > 0 ? ", \(a.unrecorded) not recorded" : "") }
        var lines = holdLine.map { [$0] } ?? []
        if let pause { lines.append("PAUSED by your prescriber from \(pause.from)" + (pause.to.map { " to \($0)" } ?? " until further notice") + ": no dose is expected.") }
        for earlier in earlierCourses {
            lines.append("Course \(earlier.number): \(earlier.startDate) to \(earlier.lastDoseDate ?? "?"), "
                + "\(MilligramText.format(earlier.cumulativeMg)) mg = \(String(format: "%.1f", earlier.cumulativeMgPerKg)) mg/kg")
        }
        lines += [String?]([
            (course > 1 ? "Course \(course), day" : "Course day") + " \(dayOfCourse) (month \(courseMonth)), started \(startDate)" + (plan.map { ", plan \($0) mg" } ?? ""),
            nextPlan.map { "Next plan: \($0["plan"] ?? "") mg from \($0["from"] ?? "")" },
            "Cumulative: \(MilligramText.format(cumulativeMg)) mg = \(String(format: "%.1f", cumulativeMgPerKg)) mg/kg of "
                + "\(MilligramText.format(targetMgPerKg)) mg/kg (\(String(format: "%.1f", percentOfTarget))%)",
            "This week: " + ratio(adherence["week"]!),
            "This course month: " + ratio(adherence["courseMonth"]!),
            "Overall: " + ratio(adherence["overall"]!),
        ]).compactMap { $0 }
        if let lastDoseDate {
            lines.append("Finished: last dose \(lastDoseDate)")
        } else if hold != nil || pause != nil {
            lines.append("Target reached: no projection while no dose is expected")
        } else {
            lines.append("Target reached: " + (projectedFinishAtRecentIntake ?? "–") + " at your intake of the last 14 days, "
                + (projectedFinishAtPlannedDose ?? "–") + " at the plan")
        }
        return lines.joined(separator: "\n")
    }
}
