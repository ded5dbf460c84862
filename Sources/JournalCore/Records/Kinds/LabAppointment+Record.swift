import Foundation

extension LabAppointment: RecordPayload {
    public static var kind: EntryKind { .labAppointment }
    public static var group: RecordGroup { .labs }
    public var body: EntryBody { .labAppointment(self) }

    public func line(_ entry: Entry, timeZone: TimeZone) -> String { LabText.appointmentLine(self) }
    public var notes: [String] { note.map { [$0] } ?? [] }
    public var subject: String { what.name }

    public func alert(_ entry: Entry, context: RecordContext) -> RecordAlert? {
        status == .missed ? RecordAlert(level: .notice, label: "missed") : nil
    }

    public func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields {
        CSVFields(name: what.rawValue, detail: status.rawValue, time: minuteOfDay.map { Timestamp.clockText(minuteOfDay: $0) })
    }

    public var implausibility: String? {
        if let minute = minuteOfDay, !PlausibleNumbers.minuteOfDay.contains(minute) { return "its appointment time is not within the day" }
        return nil
    }

    public var instants: [(instant: Date, what: String)] { [] }
}
