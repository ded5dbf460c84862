import Foundation
import JournalCore

/// Starting another course after the last one finished (relapse, a second course): the
/// start day, the plan, the weight and the target. The checks are the core's
/// (`CourseLifecycle.start`), the same as `isojournal course new`.
public struct NewCourseScreen: Equatable, Sendable {
    var form: Form
    /// The form as it opened: anything different is input not saved yet.
    private(set) var formAsOpened: Form?
    /// The waiting period after the last dose is not over: the message, until the person confirms.
    var earlyWarning: String?
    var error: String?
    /// The courses as the form showed them (see `ShownJournal`).
    let shown: ShownJournal

    init(journal: Journal, today: LocalDate) {
        shown = ShownJournal(journal)
        let records = journal.courseRecords
        let unit = records?.settings.weightUnit ?? .kilograms
        let weight = records?.weight(on: today).map { MilligramText.format(unit.fromKilograms($0)) } ?? ""
        form = Form(fields: [
            .init(key: "start", label: "First dose on", value: .text(TextField(text: today.iso, maxLength: 10)),
                  help: "The day the new course starts, YYYY-MM-DD."),
            .init(key: "plan", label: "Dose plan (mg)", value: .text(TextField(text: records?.steps.last.map { DosePattern.text($0.cycle) } ?? "",
                                                                             maxLength: 40)),
                  help: "mg at each time, as your prescriber wrote it: 20+20, or 40+0/40+40 for alternate days."),
            .init(key: "weight", label: "Body weight (\(unit.rawValue))", value: .text(TextField(text: weight, maxLength: 6)),
                  help: "Your weight now."),
            .init(key: "target", label: "Target (mg/kg)",
                  value: .text(TextField(text: MilligramText.format(records?.settings.targetMgPerKg ?? 120), maxLength: 5)),
                  help: "The new course's own total. Enter on the last field saves."),
        ])
        formAsOpened = form
    }

    mutating func handle(_ key: Key, journal: Journal, today: LocalDate) -> ScreenOutcome {
        if earlyWarning != nil {
            // The warning is up: y starts it anyway (the prescriber decided), anything else goes back to the form.
            let confirmed = key == .character("y") || key == .character("Y")
            if !confirmed { earlyWarning = nil; return .stay }
            return submit(journal: journal, confirmedEarly: true)
        }
        switch form.handle(key) {
        case .editing: return .stay
        case .cancelled: return .close
        case .submitted: return submit(journal: journal, confirmedEarly: false)
        }
    }

    private mutating func submit(journal: Journal, confirmedEarly: Bool) -> ScreenOutcome {
        guard let records = journal.courseRecords else { return .close }
        earlyWarning = nil
        do throws(CourseInputError) {
            var new = CourseLifecycle.NewCourse(start: try CourseInput.date(form.value("start"), field: "start"))
            new.planCycle = try CourseInput.plan(form.value("plan"), slotCount: records.settings.intakeSlots.count)
            let unit = records.settings.weightUnit
            if !form.value("weight").isEmpty { new.weight = WeightMeasurement(value: try CourseInput.weight(form.value("weight"), unit: unit), unit: unit) }
            new.targetMgPerKg = try CourseInput.target(form.value("target"))
            do throws(CourseLifecycleProblem) {
                let changes = try CourseLifecycle.start(new, journal: journal, confirmedEarly: confirmedEarly)
                error = nil
                return .save(changes, done: "Course \(records.number + 1) starts \(new.start.iso).", shown: shown)
            } catch {
                if case .tooSoon = error {
                    earlyWarning = error.message.replacingOccurrences(of: "add --yes", with: "press y to start it anyway")
                } else {
                    self.error = error.message
                }
                return .stay
            }
        } catch {
            self.error = error.message
            form.focus(on: error.field)
            return .stay
        }
    }

    /// The form's keys, or the early-start question's.
    var keyMap: KeyMap {
        if earlyWarning != nil { return KeyMap([.edit("y", "start it anyway", .character("y"), .character("Y")), .key("n", "back")]) }
        return KeyMap([.key("↑↓", "field", .up, .down, .tab, .backTab), .edit("Enter", "next/save"), .key("Esc", "cancel")])
    }

    func draw(into canvas: inout Canvas, journal: Journal) {
        let number = (journal.courseRecords?.number ?? 1) + 1
        Chrome.drawTitle("IsoJournal · Start course \(number)", right: "", into: &canvas)
        var intro = "Course \(number - 1) is finished"
        if let last = journal.courseRecords?.settings.lastDoseDate { intro += " (last dose \(DateText.short(last)))" }
        intro += ". The new course has its own total, checklist months and after-course dates."
        var row = 2
        for line in DisplayWidth.wrap(intro, to: max(1, canvas.width - 2)) where row < 5 {
            canvas.put(" " + line, row: row, column: 0, style: .dim)
            row += 1
        }
        form.draw(into: &canvas, top: row + 1, labelWidth: 18, helpRow: min(canvas.height - 3, row + 2 + form.fields.count))
        if let error { Chrome.drawStatus(StatusLine(error, isError: true), into: &canvas) }
        Chrome.drawHints(keyMap.hints(), into: &canvas)
        if let earlyWarning {
            Dialog(title: "Sooner than the label's waiting period", lines: [earlyWarning], prompt: "y start it anyway · n back to the form",
                   style: .warning).draw(into: &canvas)
        }
    }
}
