import Foundation
import JournalCore

/// Words for dates and the course, spelled out for reading aloud.
enum PlainText {
    static func day(_ day: LocalDate) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEEE d MMMM yyyy"
        return formatter.string(from: Timestamp.instant(of: day, minuteOfDay: 720, in: TimeZone(identifier: "UTC")!))
    }

    static func clock(_ instant: Date, zone: TimeZone) -> String {
        Timestamp.clockText(minuteOfDay: Timestamp.minuteOfDay(of: instant, in: zone))
    }

    /// One sentence: where the course stands (or that there is none yet).
    static func courseLine(journal: Journal, now: Date, zone: TimeZone) -> String {
        guard let records = journal.courseRecords else {
            return "No course set up yet. Set it up with: isojournal course set (see isojournal course set --help)."
        }
        let progress = CourseProgress(records: records, now: now, timeZone: zone)
        let plan = progress.currentStep.map { ", plan \(DosePattern.text($0.cycle)) mg" } ?? ""
        return "Course: day \(progress.dayOfCourse), month \(progress.courseMonth)\(plan). "
            + "Cumulative \(MilligramText.format(progress.cumulativeMilligrams)) mg, "
            + String(format: "%.1f of %.0f mg/kg (%.0f percent).", progress.cumulativeMgPerKg, progress.targetMgPerKg,
                     progress.fractionOfTarget * 100)
    }
}
