import Foundation

/// Moving an appointment, decided once for the Labs screen and `lab move`.
public enum AppointmentActions {
    public enum Problem: Error, Equatable, Sendable {
        case sameDay(LocalDate)
        case notScheduled(what: LabAppointment.What, day: LocalDate)
        case taken(what: LabAppointment.What, day: LocalDate)

        public var message: String {
            switch self {
            case .sameDay(let day): return "It is already on \(day.iso)."
            case .notScheduled(let what, let day): return "There is no \(what.name.lowercased()) on \(day.iso)."
            case .taken(let what, let day): return "There is already a \(what.name.lowercased()) on \(day.iso)."
            }
        }
    }

    /// Moving writes two revisions: the old day marked moved (with the new day), and the
    /// appointment on the new day (with the day it came from), so both days tell the story.
    public static func move(_ what: LabAppointment.What, from oldDay: LocalDate, to newDay: LocalDate,
                            in records: LabRecords) -> Result<[JournalChange], Problem> {
        guard oldDay != newDay else { return .failure(.sameDay(oldDay)) }
        let oldID = LabAppointment.entryID(day: oldDay, what: what)
        guard var old = records.appointments.first(where: { $0.id == oldID })?.appointment else {
            return .failure(.notScheduled(what: what, day: oldDay))
        }
        let newID = LabAppointment.entryID(day: newDay, what: what)
        if records.appointments.contains(where: { $0.id == newID && $0.appointment.status != .moved }) {
            return .failure(.taken(what: what, day: newDay))
        }
        var new = old
        new.status = .scheduled
        new.movedTo = nil
        new.movedFrom = oldDay
        old.status = .moved
        old.movedTo = newDay
        return .success([.put(oldID, day: oldDay, body: .labAppointment(old)), .put(newID, day: newDay, body: .labAppointment(new))])
    }
}
