import Foundation

/// The summary's facts as label–value rows and sentences, shared by the Markdown and HTML
/// reports so both say exactly the same thing.
extension VisitSummary {
    public var title: String { "Visit summary, \(range.from.iso) to \(range.to.iso)" }

    public var generatedLine: String {
        "Made by IsoJournal on \(Timestamp.offsetText(generatedAt, in: timeZone).prefix(16).replacingOccurrences(of: "T", with: " ")) "
            + "from the patient's own journal. The journal records and flags; the prescriber decides."
    }

    /// Patient and course: start, day, plan, weight, product, target, category.
    public var courseRows: [(String, String)] {
        guard let course else { return [("Course", "not set up in the journal")] }
        let s = course.settings
        let p = course.progress
        var rows: [(String, String)] = []
        var started = s.startDate.iso
        if p.dayOfCourse > 0 { started += " (day \(p.dayOfCourse), course month \(p.courseMonth))" }
        rows.append(("Course start", started))
        if let last = s.lastDoseDate { rows.append(("Last dose", last.iso + " (course finished)")) }
        rows.append(("Product", s.product + (s.takeWithFood ? ", taken with food" : ", with or without food")))
        rows.append(("Plan now", (p.currentStep?.summary ?? "none") + (course.isPausedNow ? " (paused by the prescriber)" : "")))
        if let kg = p.currentWeightKilograms {
            var weight = "\(MilligramText.format(kg)) kg"
            if s.weightUnit == .pounds { weight += " (\(MilligramText.format(s.weightUnit.fromKilograms(kg))) lb)" }
            if let day = course.weightDay { weight += ", recorded \(day.iso)" }
            rows.append(("Weight", weight))
        }
        rows.append(("Patient category", s.patientCategory == .canGetPregnant ? "can get pregnant" : "cannot get pregnant"))
        return rows
    }

    /// Cumulative dose, target, projection.
    public var doseLines: [String] {
        guard let course else { return [] }
        let p = course.progress
        var lines = ["\(Self.thousands(p.cumulativeMilligrams)) mg taken in all = \(String(format: "%.1f", p.cumulativeMgPerKg)) mg/kg, "
            + "\(Int(clamping: (p.fractionOfTarget * 100).rounded()))% of the \(MilligramText.format(p.targetMgPerKg)) mg/kg target"]
        if course.settings.lastDoseDate == nil {
            let recent = p.recentDailyMgPerKg.map { String(format: "%.2f", $0) + " mg/kg a day over the last 14 days" } ?? "no recent intake"
            lines.append("Projected to reach the target on \(p.projectedFinishAtRecentIntake?.iso ?? "–") at the recent intake (\(recent)); "
                + "\(p.projectedFinishAtPlannedDose?.iso ?? "–") at the plan")
        }
        return lines
    }

    public var adherenceLines: [String] {
        guard let course else { return [] }
        var lines: [String] = []
        if let inRange = adherenceInRange { lines.append("These \(range.dayCount) days: " + Self.adherenceText(inRange)) }
        lines.append("Whole course: " + Self.adherenceText(course.progress.overall))
        return lines
    }

    public var alertLines: [String] {
        alerts.map { "\($0.day.iso)  \($0.text)" }
    }

    public func labValueText(_ line: LabLine) -> String {
        var text = line.result.valueText
        if let times = line.result.timesUpperLimit { text += " = \(LabValueText.format(times, .unitsPerLiter))× ULN" }
        if line.result.fasting == true { text += ", fasting" }
        return text
    }

    /// "545 mg/dL on 2026-10-10, TELL PRESCRIBER", or "–" for a first result.
    public func labPreviousText(_ line: LabLine) -> String {
        guard let previous = line.previous else { return "–" }
        return "\(previous.result.valueText) on \(previous.day.iso)" + (previous.highestFlag.map { ", \($0.level.mark)" } ?? "")
    }

    public func labFlagText(_ line: LabLine) -> String {
        guard let flag = line.flags.first else { return "–" }
        return "\(flag.level.mark) (\(flag.limitText); \(flag.isOverridden ? "own limit" : "source: \(flag.source)"))"
    }

    public func checklistStatus(_ item: ChecklistItem) -> String {
        if case .done(let day) = item.status { return "done" + (day.map { " \($0.iso)" } ?? "") }
        return item.status.label
    }

    /// Whole milligrams with thousands separators: "5,120".
    static func thousands(_ value: Double) -> String {
        let whole = Int(clamping: value.rounded())
        let digits = String(abs(whole))
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(character)
        }
        return (whole < 0 ? "-" : "") + grouped
    }
}
