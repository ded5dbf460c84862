import Foundation

/// The summary's facts as label–value rows and sentences, shared by the Markdown and HTML
/// reports so both say exactly the same thing.
extension VisitSummary {
    /// "Visit summary for Maya, course month 3, 2026-10-01 to 2026-10-30".
    public var title: String {
        "Visit summary" + (patientName.map { " for \($0)" } ?? "") + ", " + (range.name.map { "\($0), " } ?? "")
            + "\(range.from.iso) to \(range.to.iso)"
    }

    public var generatedLine: String {
        "Made by IsoJournal on \(Timestamp.offsetText(generatedAt, in: timeZone).prefix(16).replacingOccurrences(of: "T", with: " ")) "
            + "from the patient's own journal. The journal records and flags; the prescriber decides."
    }

    /// Patient and course: start, day, plan, weight, product, target, category.
    public var courseRows: [(String, String)] {
        guard let course else { return [("Course", "not set up in the journal")] }
        let s = course.settings
        let p = course.progress
        var rows: [(String, String)] = patientName.map { [("Patient", $0)] } ?? []
        var started = s.startDate.iso
        if p.dayOfCourse > 0 { started += " (day \(p.dayOfCourse), course month \(p.courseMonth))" }
        if course.number > 1 {
            let earlier = course.earlier.map {
                "course \($0.number): \($0.start.iso) to \($0.lastDose?.iso ?? "?"), " + String(format: "%.1f", $0.mgPerKg) + " mg/kg"
            }
            rows.append(("Course", "\(course.number)" + (earlier.isEmpty ? "" : " (" + earlier.joined(separator: "; ") + ")")))
        }
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
        if let reached = targetReachedDay {
            // Past the target a projection means nothing: say when it was reached.
            lines.append("Target of \(MilligramText.format(p.targetMgPerKg)) mg/kg reached on \(reached.iso)")
        } else if course.settings.lastDoseDate == nil {
            let recent = p.recentDailyMgPerKg.map { String(format: "%.2f", $0) + " mg/kg a day over the last 14 days" } ?? "no recent intake"
            lines.append("Projected to reach the target on \(p.projectedFinishAtRecentIntake?.iso ?? "–") at the recent intake (\(recent)); "
                + "\(p.projectedFinishAtPlannedDose?.iso ?? "–") at the plan")
        }
        return lines
    }

    /// The first day the running total reached the target, if it has.
    public var targetReachedDay: LocalDate? {
        guard let target = course?.progress.targetMgPerKg, target > 0 else { return nil }
        return cumulative.first { $0.cumulativeMgPerKg >= target - 1e-9 }?.day
    }

    public var adherenceLines: [String] {
        guard let course else { return [] }
        var lines: [String] = []
        if let inRange = adherenceInRange {
            let asOfDay = Timestamp.localDate(of: asOf, in: timeZone)
            let days = range.name.map { $0.prefix(1).uppercased() + $0.dropFirst() + (range.to > asOfDay ? " so far" : "") }
                ?? "These \(range.dayCount) days"
            lines.append(days + ": " + Self.adherenceText(inRange))
        }
        lines.append("Whole course: " + Self.adherenceText(course.progress.overall))
        return lines
    }

    /// What "not yet acted on" means, printed under the list.
    public static let unactedLabFlagsMeaning = "Flagged (tell the prescriber or more) with no later result of the same test "
        + "and no prescriber visit recorded since. The journal cannot know what was decided; it keeps the flag in sight until then."

    /// How many notes a visit summary prints; the CSV report holds them all.
    public static let notesShown = 8
    /// A longer note is cut here on the summary (the CSV has it whole).
    public static let noteCharactersShown = 240

    /// The range's latest notes, at most `notesShown`, oldest first, and a line saying how
    /// many more the CSV holds. A long course month can hold a hundred notes: printed in
    /// full they would push the summary past two pages.
    public var noteLines: [String] {
        let shown = notes.suffix(Self.notesShown).map { note -> String in
            let flat = note.text.replacingOccurrences(of: "\n", with: " ")
            let text = flat.count > Self.noteCharactersShown ? flat.prefix(Self.noteCharactersShown) + "… (cut; whole in the CSV)" : flat
            return "\(note.day.iso) \(note.about): \(text)"
        }
        let more = notes.count - shown.count
        guard more > 0 else { return shown }
        return shown + ["\(more) more note\(more == 1 ? "" : "s") in these days in the CSV (isojournal report --format csv, same range)."]
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
        guard let flag = line.flags.first else { return line.notJudgedBecause == nil ? "–" : LabJudgement.notJudgedText }
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
