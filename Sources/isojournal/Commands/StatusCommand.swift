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
            let journal = try source.load().journal
            guard let records = journal.courseRecords else {
                throw CommandFailure.runtime("No course set up yet: isojournal course set … (or press c in the journal).")
            }
            let progress = CourseProgress(records: records, now: now, timeZone: .current)
            let report = StatusReport(progress: progress, records: records, today: Timestamp.localDate(of: now, in: .current))
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

    let date: String
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

    init(progress: CourseProgress, records: CourseRecords, today: LocalDate) {
        func round(_ value: Double, _ places: Double) -> Double { (value * places).rounded() / places }
        date = today.iso
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
        var lines = [
            "Course day \(dayOfCourse) (month \(courseMonth)), started \(startDate)" + (plan.map { ", plan \($0) mg" } ?? ""),
            "Cumulative: \(MilligramText.format(cumulativeMg)) mg = \(String(format: "%.1f", cumulativeMgPerKg)) mg/kg of "
                + "\(MilligramText.format(targetMgPerKg)) mg/kg (\(String(format: "%.1f", percentOfTarget))%)",
            "This week: " + ratio(adherence["week"]!),
            "This course month: " + ratio(adherence["courseMonth"]!),
            "Overall: " + ratio(adherence["overall"]!),
        ]
        if let lastDoseDate {
            lines.append("Finished: last dose \(lastDoseDate)")
        } else {
            lines.append("Target reached: " + (projectedFinishAtRecentIntake ?? "–") + " at your intake of the last 14 days, "
                + (projectedFinishAtPlannedDose ?? "–") + " at the plan")
        }
        return lines.joined(separator: "\n")
    }
}
