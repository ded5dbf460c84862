import Foundation
import JournalCore

/// The guided course setup (first run) and, later, changing the course: one form.
public struct CourseSetupScreen: Equatable, Sendable {
    var form: Form
    /// The form as it opened: anything different is input not saved yet.
    private(set) var formAsOpened: Form?
    /// True on first run: the title says "Set up", Esc means "later".
    let isFirstSetup: Bool
    var error: String?
    /// The course as the form showed it (see `ShownJournal`).
    let shown: ShownJournal

    enum Outcome: Equatable {
        case stay
        case close
        case save([JournalChange])
    }

    static let categories: [(CourseSettings.PatientCategory, String)] = [
        (.canGetPregnant, "can get pregnant"), (.cannotGetPregnant, "cannot get pregnant"),
    ]

    init(journal: Journal, today: LocalDate) {
        let records = journal.courseRecords
        let settings = records?.settings
        isFirstSetup = settings == nil
        shown = ShownJournal(journal)
        let unit = settings?.weightUnit ?? .kilograms
        let weightText = records?.weight(on: today).map { MilligramText.format(unit.fromKilograms($0)) } ?? ""
        let slots = settings?.intakeSlots ?? IntakeSlot.twiceDaily
        let planText = records?.step(on: today).map { DosePattern.text($0.cycle) } ?? ""
        // Changing the course (not the first setup): a new plan may start on a chosen day.
        let planFrom: [Form.Field] = settings == nil ? [] : [
            .init(key: "planFrom", label: "Plan from", value: .text(TextField(text: today.iso, maxLength: 10)),
                  help: "The first day of a changed plan, YYYY-MM-DD (today, or a later day your prescriber set)."),
        ]
        form = Form(fields: [
            .init(key: "start", label: "Start date", value: .text(TextField(
                text: (settings?.startDate ?? today).iso + (settings?.startMinuteOfDay.map { " " + Timestamp.clockText(minuteOfDay: $0) } ?? ""),
                maxLength: 16)),
                  help: "The day of your first dose, YYYY-MM-DD (add HH:MM if not the day's first)."),
            .init(key: "weight", label: "Body weight", value: .text(TextField(text: weightText, maxLength: 6)),
                  help: "Used for mg/kg. Update it later whenever you weigh yourself."),
            .init(key: "unit", label: "Weight unit", value: .choice(options: ["kg", "lb"], selected: unit == .kilograms ? 0 : 1),
                  help: "← → to choose. Stored in kg; shown in your unit."),
            .init(key: "product", label: "Product", value: .text(TextField(text: settings?.product ?? "isotretinoin (generic)", maxLength: 60)),
                  help: "As on the box: generic isotretinoin, Absorica, Absorica LD, …"),
            .init(key: "food", label: "Take it", value: .choice(options: ["with food", "with or without food"],
                                                                  selected: (settings?.takeWithFood ?? true) ? 0 : 1),
                  help: "Most generic capsules need a fatty meal; Absorica/Absorica LD may be taken either way (see your label)."),
            .init(key: "plan", label: "Dose plan (mg)", value: .text(TextField(text: planText, maxLength: 40)),
                  help: "mg at each time: 20+20 = 20 mg morning and evening; 40+0/40+40 = alternate days."),
        ] + planFrom + [
            .init(key: "times", label: "Intake times", value: .text(TextField(text: CourseInput.timesText(slots), maxLength: 30)),
                  help: "When you usually take it, e.g. 08:00, 20:00."),
            .init(key: "target", label: "Target (mg/kg)", value: .text(TextField(text: MilligramText.format(settings?.targetMgPerKg ?? 120), maxLength: 5)),
                  help: "The total your prescriber aims for: 120 (default), 150, or their own number."),
            .init(key: "category", label: "Patient category", value: .choice(
                options: Self.categories.map(\.1),
                selected: Self.categories.firstIndex { $0.0 == settings?.patientCategory } ?? 0),
                  help: "As registered with your prescriber; it decides which monthly steps apply."),
            .init(key: "end", label: "Planned end", value: .text(TextField(text: settings?.plannedEndDate?.iso ?? "", maxLength: 10)),
                  help: "Optional, YYYY-MM-DD. Enter on the last field saves; Ctrl-S saves from anywhere."),
        ])
        formAsOpened = form
    }

    mutating func handle(_ key: Key, journal: Journal, today: LocalDate) -> Outcome {
        switch form.handle(key) {
        case .editing:
            return .stay
        case .cancelled:
            return .close
        case .submitted:
            do throws(CourseInputError) {
                let setup = try parse(existing: journal.courseRecords?.settings)
                error = nil
                return .save(setup.changes(in: journal, today: today))
            } catch {
                self.error = error.message
                form.focus(on: error.field)
                return .stay
            }
        }
    }

    /// The form's values as a checked setup; the first problem found is thrown.
    func parse(existing: CourseSettings?) throws(CourseInputError) -> CourseSetup {
        let (start, startMinute) = try CourseInput.start(form.value("start"), field: "start")
        let unit: WeightUnit = form.value("unit") == "lb" ? .pounds : .kilograms
        let weightText = form.value("weight")
        guard !weightText.isEmpty || existing != nil else {
            throw CourseInputError(field: "weight", message: "Body weight is needed to work out mg/kg.")
        }
        let weight = weightText.isEmpty ? nil : try CourseInput.weight(weightText, unit: unit)
        let slots = try CourseInput.intakeTimes(form.value("times"))
        let planText = form.value("plan")
        guard !planText.isEmpty || existing != nil else {
            throw CourseInputError(field: "plan", message: "Dose plan: write the mg you take at each time, e.g. 20+20.")
        }
        let cycle = planText.isEmpty ? nil : try CourseInput.plan(planText, slotCount: slots.count)
        let target = try CourseInput.target(form.value("target"))
        let endText = form.value("end")
        let plannedEnd = endText.isEmpty ? nil : try CourseInput.date(endText, field: "end")
        if let plannedEnd, plannedEnd <= start {
            throw CourseInputError(field: "end", message: "Planned end: it must be after the start date.")
        }
        let category = Self.categories.first { $0.1 == form.value("category") }?.0 ?? .canGetPregnant
        let product = form.value("product").isEmpty ? "isotretinoin" : form.value("product")
        var settings = CourseSettings(startDate: start, product: product, takeWithFood: form.value("food") == "with food",
                                      targetMgPerKg: target, patientCategory: category, intakeSlots: slots,
                                      plannedEndDate: plannedEnd, lastDoseDate: existing?.lastDoseDate, weightUnit: unit)
        settings.startMinuteOfDay = startMinute
        let planFromText = form.value("planFrom")
        let planFrom = planFromText.isEmpty ? nil : try CourseInput.date(planFromText, field: "planFrom")
        return CourseSetup(settings: settings, planCycle: cycle, weight: weight.map { ($0, unit) }, planFrom: planFrom)
    }

    /// The form's keys (it edits as a whole: read-only sessions never open it).
    var keyMap: KeyMap {
        KeyMap([.key("↑↓", "field", .up, .down, .tab, .backTab), .key("← →", "choose"), .edit("^S", "save"),
                .key("Esc", isFirstSetup ? "later" : "cancel")])
    }

    func draw(into canvas: inout Canvas) {
        Chrome.drawTitle(isFirstSetup ? "IsoJournal · Set up your course" : "IsoJournal · Course settings",
                         right: "", into: &canvas)
        let intro = isFirstSetup
            ? "Enter your course as your prescriber set it. You can change it later (c)."
            : "Change what your prescriber changed. A new plan starts on 'Plan from'; a weight today."
        canvas.put(" " + DisplayWidth.truncate(intro, to: canvas.width - 2), row: 2, column: 0, style: .dim)
        form.draw(into: &canvas, top: canvas.height < 20 ? 3 : 4, labelWidth: 18,
                  helpRow: min(canvas.height - 3, 4 + form.fields.count + 1))
        if let error {
            Chrome.drawStatus(StatusLine(error, isError: true), into: &canvas)
        }
        Chrome.drawHints(keyMap.hints(), into: &canvas)
    }
}
