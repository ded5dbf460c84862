import Foundation
import JournalCore

/// The course numbers on Today: cumulative mg/kg against the target, adherence, the
/// projected finish and today's doses.
enum CoursePanel {
    /// - Parameter forViewer: worded for someone viewing the patient's journal (read-only).
    static func lines(journal: Journal, now: Date, timeZone: TimeZone, width: Int, forViewer: Bool = false) -> [(String, Style)] {
        guard let records = journal.courseRecords else {
            return [(forViewer ? " No course is set up in this journal yet."
                               : " Course not set up yet: press c to enter your plan, weight and target.", .warning)]
        }
        let your = forViewer ? "the" : "your"
        let today = Timestamp.localDate(of: now, in: timeZone)
        let progress = journal.courseProgress(now: now, timeZone: timeZone) ?? CourseProgress(records: records, now: now, timeZone: timeZone)
        let settings = records.settings
        var lines: [(String, Style)] = []
        if today < settings.startDate {
            lines.append((" Course starts \(DateText.long(settings.startDate)).", .bold))
        } else {
            var head = (records.number > 1 ? " Course \(records.number)  day" : " Course  day") + " \(progress.dayOfCourse) · month \(progress.courseMonth)"
            if let step = progress.currentStep { head += " · plan \(step.summary)" }
            if let kg = progress.currentWeightKilograms {
                head += " · \(MilligramText.format(settings.weightUnit.fromKilograms(kg))) \(settings.weightUnit.rawValue)"
            }
            if settings.lastDoseDate != nil { head += " · finished" }
            lines.append((head, .bold))
        }
        // A plan change already scheduled is said before it happens.
        if let next = records.steps.first(where: { $0.startDate > today }) {
            lines.append(("   Next plan  \(DosePattern.text(next.cycle)) mg from \(DateText.short(next.startDate))", .plain))
        }
        let percent = progress.fractionOfTarget * 100
        let amounts = "   \(MilligramText.format(progress.cumulativeMilligrams)) mg = "
            + String(format: "%.1f", progress.cumulativeMgPerKg) + " of \(MilligramText.format(progress.targetMgPerKg)) mg/kg  "
        let barWidth = max(0, min(22, width - DisplayWidth.of(amounts) - 7))
        lines.append((amounts + ProgressBar.text(fraction: progress.fractionOfTarget, width: barWidth)
            + " " + String(format: "%.0f%%", percent), .plain))
        func ratio(_ a: CourseProgress.Adherence) -> String { "\(a.taken)/\(a.planned)" }
        // The last 7 days, not the calendar week: on a Monday morning a Monday-based week is
        // "0/0" and answers nothing.
        let lastSevenDays = CourseSeries.adherence(records, from: today.adding(days: -6), to: today, now: now, timeZone: timeZone)
        lines.append(("   Taken   last 7 days \(ratio(lastSevenDays)) · month \(ratio(progress.thisCourseMonth)) · course \(ratio(progress.overall))"
            + (progress.overall.unrecorded > 0 ? " · \(progress.overall.unrecorded) not recorded" : ""), .plain))
        switch progress.state {
        case .onHold:
            lines.append(("   Target  no projection while on hold, until your prescriber decides", .plain))
        case .paused(let pause):
            lines.append(("   Target  no projection while paused" + (pause.endDate.map { " (until \(DateText.short($0)))" } ?? ""), .plain))
        case .finished:
            break
        case .active, .notStarted:
            let recent = progress.projectedFinishAtRecentIntake.map(DateText.short) ?? "–"
            let planned = progress.projectedFinishAtPlannedDose.map(DateText.short) ?? "–"
            lines.append(("   Target  \(recent) at \(your) recent intake · \(planned) at the plan", .plain))
        }
        switch progress.state {
        case .onHold:
            lines.append((" Doses today  none expected: on hold — ask your prescriber before the next dose", .warning))
            return lines
        case .paused(let pause):
            lines.append((" Doses today  none: paused by your prescriber" + (pause.endDate.map { " until \(DateText.short($0))" } ?? ""), .plain))
            return lines
        default:
            break
        }
        var doses: [String] = []
        let minute = Timestamp.minuteOfDay(of: now, in: timeZone)
        for (slot, mg) in records.expectedIntakes(on: today, zone: timeZone) {
            switch records.intakes[today]?[slot.name]?.status {
            case .taken?: doses.append("\(slot.name) ✓")
            case .skipped?: doses.append("\(slot.name) skipped")
            case nil:
                let due = minute >= slot.minuteOfDay ? "due since" : "at"
                doses.append("\(slot.name) \(MilligramText.format(mg)) mg \(due) \(Timestamp.clockText(minuteOfDay: slot.minuteOfDay))")
            }
        }
        if !doses.isEmpty { lines.append((" Doses today  " + doses.joined(separator: " · "), .plain)) }
        return lines
    }
}
