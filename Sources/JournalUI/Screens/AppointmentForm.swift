import Foundation
import JournalCore

/// The "schedule an appointment" form: what, where (pregnancy tests), the day, an optional
/// time, whether to come fasting, and a note.
struct AppointmentForm: Equatable, Sendable {
    enum Field: Equatable, Sendable { case what, setting, date, time, fasting, note }

    var what: LabAppointment.What = .lipids
    var setting: TestSetting = .clinic
    var date: TextField
    var time = TextField(maxLength: 5)
    var fasting = LabAppointment.What.lipids.fastingByDefault
    var note = TextField(maxLength: 200, allowsLineBreaks: true)
    var focus: Field = .what

    init(day: LocalDate) {
        date = TextField(text: day.iso, maxLength: 10)
    }

    var fields: [Field] {
        what == .pregnancyTest ? [.what, .setting, .date, .time, .fasting, .note] : [.what, .date, .time, .fasting, .note]
    }

    mutating func handle(_ key: Key) -> LabResultForm.Outcome {
        let step = key == .left ? -1 : (key == .right || key == .character(" ") ? 1 : 0)
        switch FieldNavigation.handle(key, order: fields, focus: &focus) {
        case .cancel: return .cancel
        case .submit: return .submit
        case .moved: break
        case .forField:
            switch focus {
            case .what where step != 0:
                what = LabResultForm.cycle(LabAppointment.What.allCases, what, step)
                fasting = what.fastingByDefault
            case .setting where step != 0:
                setting = LabResultForm.cycle(TestSetting.allCases, setting, step)
            case .fasting where step != 0 || key == .character("y") || key == .character("n"):
                fasting = key == .character("y") ? true : key == .character("n") ? false : !fasting
            case .date: _ = date.handle(key)
            case .time: _ = time.handle(key)
            case .note: _ = note.handle(key)
            default: break
            }
        }
        return .editing
    }

    /// The day and appointment, or what to fix. Any day may be scheduled (past ones too, to
    /// record what already happened).
    func appointment() -> Result<(day: LocalDate, appointment: LabAppointment), StatusLine> {
        guard let day = LocalDate(iso: date.text.trimmingCharacters(in: .whitespaces)) else {
            return .failure(StatusLine("'\(date.text)' is not a date. Write it as YYYY-MM-DD.", isError: true))
        }
        let timeText = time.text.trimmingCharacters(in: .whitespaces)
        var minute: Int?
        if !timeText.isEmpty {
            guard let parsed = Timestamp.parseClock(timeText) else {
                return .failure(StatusLine("'\(timeText)' is not a time. Write it as HH:MM, for example 08:30.", isError: true))
            }
            minute = parsed
        }
        let noteText = note.text.trimmingCharacters(in: .whitespaces)
        let appointment = LabAppointment(what: what, setting: what == .pregnancyTest ? setting : nil, minuteOfDay: minute,
                                         fasting: fasting, note: noteText.isEmpty ? nil : noteText)
        return .success((day, appointment))
    }
}
