import Foundation
import JournalCore

/// Labs: upcoming and past appointments, results with their flags, forms to add a result
/// or schedule an appointment, and a trend per test. Holds the lab records pulled from the
/// journal; AppState hands it the new journal after every save.
public struct LabsScreen: Equatable, Sendable {
    enum Mode: Equatable, Sendable {
        case list
        case addResult(LabResultForm)
        case schedule(AppointmentForm)
        /// Asking for the new day of the selected appointment.
        case moving(EntryID, TextField)
        case trends(LabTest)
        /// A flag notice (or a result's details); alarm notices close only with C.
        case notice(LabNotice)
        /// "Withdraw this result?" — y withdraws it (its history stays), anything else keeps it.
        case confirmWithdraw(DatedLabResult)
    }

    /// What `AppState` should do after a key.
    typealias Outcome = ScreenOutcome

    /// One selectable line of the list.
    enum Row: Equatable {
        case appointment(ScheduledAppointment)
        case result(DatedLabResult)

        var id: EntryID {
            switch self {
            case .appointment(let a): return a.id
            case .result(let r): return r.id
            }
        }
    }

    private(set) var records: LabRecords
    var mode: Mode = .list
    var selectedID: EntryID?
    /// Shown once the save in flight lands.
    var noticeAfterSave: LabNotice?
    /// Lipid unit chosen in Trends for this visit.
    var trendUnit: LabUnit?
    let readOnlyReason: String?
    /// What the list showed when the current form or question opened (see `ShownJournal`).
    var shown: ShownJournal

    public init(journal: Journal, readOnlyReason: String? = nil) {
        records = journal.labRecords
        self.readOnlyReason = readOnlyReason
        shown = ShownJournal(journal)
    }

    private func saving(_ changes: [JournalChange], done: String) -> Outcome {
        .save(changes, done: done, shown: shown)
    }

    func rows(today: LocalDate) -> (upcoming: [Row], past: [Row], results: [Row]) {
        (records.upcoming(today: today).map(Row.appointment), records.past(today: today).map(Row.appointment),
         records.results.reversed().map(Row.result))
    }

    func selectableRows(today: LocalDate) -> [Row] {
        let all = rows(today: today)
        return all.upcoming + all.past + all.results
    }

    func selectedRow(today: LocalDate) -> Row? {
        let rows = selectableRows(today: today)
        return rows.first { $0.id == selectedID } ?? rows.first
    }

    /// Another copy's save was kept ("take theirs"): the list shows it; the notice of the result
    /// that was not saved is dropped.
    mutating func showSaved(journal: Journal) {
        noticeAfterSave = nil
        records = journal.labRecords
        mode = .list
    }

    /// Called with the journal as saved: refresh the records and show any pending notice.
    mutating func saved(journal: Journal) {
        records = journal.labRecords
        if let notice = noticeAfterSave { mode = .notice(notice) }
        noticeAfterSave = nil
    }

    // MARK: keys

    mutating func handle(_ key: Key, journal: Journal, today: LocalDate) -> Outcome {
        // Keys arrive only when no save is in flight, so a notice still waiting is from a failed save.
        noticeAfterSave = nil
        if mode == .list { shown = ShownJournal(journal) }
        switch mode {
        case .list: return browse(key, today: today)
        case .addResult(var form):
            let outcome = form.handle(key, preferredLipidUnit: records.preferredLipidUnit)
            mode = .addResult(form)
            switch outcome {
            case .editing: return .stay
            case .cancel: mode = .list; return .stay
            case .submit: return submitResult(form, today: today)
            }
        case .schedule(var form):
            let outcome = form.handle(key)
            mode = .schedule(form)
            switch outcome {
            case .editing: return .stay
            case .cancel: mode = .list; return .stay
            case .submit: return submitAppointment(form)
            }
        case .moving(let id, var field):
            switch field.handle(key) {
            case .editing: mode = .moving(id, field); return .stay
            case .cancelled: mode = .list; return .stay
            case .submitted: return move(id, to: field.text)
            }
        case .trends(let test):
            return browseTrends(key, test: test)
        case .notice(let notice):
            let closes = notice.isAlarm ? (key == .character("c") || key == .character("C"))
                : (key == .enter || key == .escape || key == .character(" "))
            if closes { mode = .list }
            return .stay
        case .confirmWithdraw(let result):
            mode = .list
            guard key == .character("y") || key == .character("Y") else { return .message(StatusLine("Kept.")) }
            return saving([.retract(id: result.id, day: result.day, reason: "withdrawn in Labs (entered by mistake)")],
                         done: "\(result.result.test.name) of \(DateText.short(result.day)) withdrawn; it stays in the history.")
        }
    }

    private mutating func browse(_ key: Key, today: LocalDate) -> Outcome {
        let rows = selectableRows(today: today)
        let index = rows.firstIndex { $0.id == selectedID } ?? 0
        switch key {
        case .escape, .character("q"): return .close
        case .up, .character("k"): if !rows.isEmpty { selectedID = rows[max(0, index - 1)].id }
        case .down, .character("j"): if !rows.isEmpty { selectedID = rows[min(rows.count - 1, index + 1)].id }
        case .home: selectedID = rows.first?.id
        case .end: selectedID = rows.last?.id
        case .character("r"):
            if let refusal = refuseWhenReadOnly() { return refusal }
            mode = .addResult(LabResultForm(today: today, unit: records.preferredLipidUnit))
        case .character("a"):
            if let refusal = refuseWhenReadOnly() { return refusal }
            mode = .schedule(AppointmentForm(day: today))
        case .character("t"):
            // Open on the selected result's test, or the test the selected appointment is for.
            switch selectedRow(today: today) {
            case .result(let r)?: mode = .trends(r.result.test)
            case .appointment(let a)? where a.appointment.what == .liver: mode = .trends(.alt)
            case .appointment(let a)? where a.appointment.what == .pregnancyTest: mode = .trends(.pregnancy)
            default: mode = .trends(.triglycerides)
            }
        case .enter:
            if case .result(let r)? = selectedRow(today: today) { mode = .notice(LabNotice(details: r, records: records)) }
        case .character("w"):
            guard case .result(let r)? = selectedRow(today: today) else {
                return .message(StatusLine("Select a result first (↑↓) to withdraw it.", isError: true))
            }
            if let refusal = refuseWhenReadOnly() { return refusal }
            mode = .confirmWithdraw(r)
        case .character("d"), .character("x"), .character("m"):
            guard case .appointment(let a)? = selectedRow(today: today) else {
                return .message(StatusLine("Select an appointment first (↑↓).", isError: true))
            }
            if let refusal = refuseWhenReadOnly() { return refusal }
            if key == .character("m") {
                mode = .moving(a.id, TextField(text: a.day.iso, maxLength: 10))
                return .stay
            }
            return mark(a, key == .character("d") ? .done : .missed)
        default:
            break
        }
        return .stay
    }

    private mutating func browseTrends(_ key: Key, test: LabTest) -> Outcome {
        switch key {
        case .escape, .character("q"), .character("t"): mode = .list
        case .left, .character("h"): mode = .trends(LabResultForm.cycle(LabTest.allCases, test, -1))
        case .right, .character("l"), .tab: mode = .trends(LabResultForm.cycle(LabTest.allCases, test, 1))
        case .character("u"):
            guard test.group == .lipid else { return .message(StatusLine("\(test.name) has only one unit.")) }
            trendUnit = (trendUnit ?? records.preferredLipidUnit) == .milligramsPerDeciliter ? .millimolesPerLiter : .milligramsPerDeciliter
        default: break
        }
        return .stay
    }

    private func refuseWhenReadOnly() -> Outcome? {
        readOnlyReason.map { .message(StatusLine("Read-only: \($0)", isError: true)) }
    }

    // MARK: saving

    private mutating func submitResult(_ form: LabResultForm, today: LocalDate) -> Outcome {
        switch form.result(today: today) {
        case .failure(let problem):
            var form = form
            form.focus = problem.field
            mode = .addResult(form)
            return .message(StatusLine(problem.message, isError: true))
        case .success(let (day, checked)):
            var result = checked
            let flags = LabFlagging.flags(for: result, on: day, settings: records.settings)
            let shown = flags.first.flatMap { $0.level > .noted ? $0 : nil }
            result.noticeShown = shown?.wording
            let id = LabResult.entryID(day: day, test: result.test)
            let isCorrection = records.results.contains { $0.id == id }
            noticeAfterSave = shown.map { LabNotice(flag: $0, result: result, day: day, unit: records.displayUnit(for: result.test)) }
            selectedID = id
            mode = .list
            var done = "Saved: \(result.test.name) \(result.valueText) for \(DateText.short(day))"
                + (isCorrection ? ", replacing the earlier one (kept in history)." : ".")
            if let flag = flags.first, flag.level == .noted { done = "Saved. \(result.test.name): \(flag.wording)" }
            return saving([.put(id, day: day, body: .labResult(result))], done: done)
        }
    }

    private mutating func submitAppointment(_ form: AppointmentForm) -> Outcome {
        switch form.appointment() {
        case .failure(let message):
            return .message(message)
        case .success(let (day, appointment)):
            let id = LabAppointment.entryID(day: day, what: appointment.what)
            selectedID = id
            mode = .list
            return saving([.put(id, day: day, body: .labAppointment(appointment))],
                         done: "Scheduled: \(appointment.what.name) on \(DateText.short(day)).")
        }
    }

    private func mark(_ scheduled: ScheduledAppointment, _ status: LabAppointment.Status) -> Outcome {
        var appointment = scheduled.appointment
        guard appointment.status != status else { return .stay }
        appointment.status = status
        return saving([.put(scheduled.id, day: scheduled.day, body: .labAppointment(appointment))],
                     done: "\(appointment.what.name) on \(DateText.short(scheduled.day)) marked \(status.rawValue).")
    }

    /// Moving writes two revisions: the old day marked moved (with the new day), and the
    /// appointment on the new day, so both days tell the story.
    private mutating func move(_ id: EntryID, to text: String) -> Outcome {
        guard let scheduled = records.appointments.first(where: { $0.id == id }) else { mode = .list; return .stay }
        guard let newDay = LocalDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
            return .message(StatusLine("'\(text)' is not a date. Write it as YYYY-MM-DD.", isError: true))
        }
        let what = scheduled.appointment.what
        switch AppointmentActions.move(what, from: scheduled.day, to: newDay, in: records) {
        case .failure(let problem):
            return .message(StatusLine(problem.message, isError: true))
        case .success(let changes):
            mode = .list
            selectedID = LabAppointment.entryID(day: newDay, what: what)
            return saving(changes,
                          done: "\(what.name) moved from \(DateText.short(scheduled.day)) to \(DateText.short(newDay)).")
        }
    }
}
