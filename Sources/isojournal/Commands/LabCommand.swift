import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal lab …`: appointments (blood draws, pregnancy tests, visits, pickups) and the
/// patient's own flag limits. Results are logged with `isojournal log lab`.
struct LabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "Schedule lab appointments, mark them done, missed or moved, and set your own limits.",
        subcommands: [LabScheduleCommand.self, LabMarkCommand.self, LabMoveCommand.self, LabWithdrawCommand.self, LabLimitsCommand.self]
    )
}

struct LabScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Schedule a blood draw, pregnancy test, prescriber visit or pharmacy pickup.",
        discussion: """
            Kinds: \(LabAppointment.What.allCases.map(\.rawValue).joined(separator: ", ")).
            Lipid draws are fasting unless you say --no-fasting. Scheduling the same kind on the same \
            day again updates it.
            Example: isojournal lab schedule lipids 2026-12-01 --time 08:30 --fasting --note "Main St lab"
            """
    )

    @Argument(help: "What: lipids, liver, lipids-liver, pregnancy-test, prescriber-visit, pharmacy-pickup.", completion: Completions.appointments)
    var kind: String

    @Argument(help: ArgumentHelp("The day.", valueName: "YYYY-MM-DD"))
    var date: String

    @Option(help: ArgumentHelp("The time, if there is one.", valueName: "HH:MM"))
    var time: String?

    @Flag(inversion: .prefixedNo, help: "Whether to come fasting (default: yes for lipid draws).")
    var fasting: Bool?

    @Option(help: ArgumentHelp("Pregnancy tests: clinic or home.", valueName: "clinic|home"), completion: Completions.testSettings)
    var setting: String?

    @Option(help: "A note: where, who, what to bring.")
    var note: String?

    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let what = try LabArguments.what(kind)
            let day = try LabArguments.day(date)
            var minute: Int?
            if let time {
                guard let parsed = Timestamp.parseClock(time) else {
                    throw CommandFailure.badInput("'\(time)' is not a time. Write it as HH:MM, for example 08:30.")
                }
                minute = parsed
            }
            var place: TestSetting?
            if let setting {
                guard what == .pregnancyTest else { throw CommandFailure.badInput("--setting is only for pregnancy tests.") }
                guard let parsed = TestSetting(rawValue: setting.lowercased()) else {
                    throw CommandFailure.badInput("Setting '\(setting)' is not clinic or home.")
                }
                place = parsed
            }
            let trimmedNote = note?.trimmingCharacters(in: .whitespacesAndNewlines)
            let appointment = LabAppointment(what: what, setting: place, minuteOfDay: minute, fasting: fasting,
                                             note: (trimmedNote?.isEmpty ?? true) ? nil : trimmedNote)
            let store = try location.openStore(mode: .readWrite)
            try saveLabChanges(store) { _ in
                [.put(LabAppointment.entryID(day: day, what: what), day: day, body: .labAppointment(appointment))]
            }
            say("Scheduled: \(day.iso) " + LabText.appointmentLine(appointment))
        }
    }
}

struct LabMarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Mark an appointment done or missed.",
        discussion: "Example: isojournal lab mark lipids 2026-12-01 done"
    )

    @Argument(help: "What: lipids, liver, lipids-liver, pregnancy-test, prescriber-visit, pharmacy-pickup.", completion: Completions.appointments)
    var kind: String
    @Argument(help: ArgumentHelp("The day it was scheduled for.", valueName: "YYYY-MM-DD"))
    var date: String
    @Argument(help: "done, missed or scheduled.", completion: Completions.appointmentStates)
    var status: String
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let what = try LabArguments.what(kind)
            let day = try LabArguments.day(date)
            guard let newStatus = LabAppointment.Status(rawValue: status.lowercased()), newStatus != .moved else {
                throw CommandFailure.badInput("Status '\(status)' is not done, missed or scheduled (to move it, use isojournal lab move).")
            }
            let store = try location.openStore(mode: .readWrite)
            var line = ""
            try saveLabChanges(store) { journal in
                var appointment = try LabArguments.existing(what, day, in: journal)
                appointment.status = newStatus
                line = LabText.appointmentLine(appointment)
                return [.put(LabAppointment.entryID(day: day, what: what), day: day, body: .labAppointment(appointment))]
            }
            say("Saved: \(day.iso) " + line)
        }
    }
}

struct LabMoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move an appointment to another day (the old day shows it moved).",
        discussion: "Example: isojournal lab move lipids 2026-12-01 2026-12-03"
    )

    @Argument(help: "What: lipids, liver, lipids-liver, pregnancy-test, prescriber-visit, pharmacy-pickup.", completion: Completions.appointments)
    var kind: String
    @Argument(help: ArgumentHelp("The day it was scheduled for.", valueName: "YYYY-MM-DD"))
    var from: String
    @Argument(help: ArgumentHelp("The new day.", valueName: "YYYY-MM-DD"))
    var to: String
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let what = try LabArguments.what(kind)
            let oldDay = try LabArguments.day(from)
            let newDay = try LabArguments.day(to)
            let store = try location.openStore(mode: .readWrite)
            try saveLabChanges(store) { journal in
                switch AppointmentActions.move(what, from: oldDay, to: newDay, in: journal.labRecords) {
                case .success(let changes): return changes
                case .failure(.notScheduled):
                    throw CommandFailure.badInput("No \(what.rawValue) appointment on \(oldDay.iso). See them with: isojournal labs")
                case .failure(let problem): throw CommandFailure.badInput(problem.message)
                }
            }
            say("Moved: \(what.name) from \(oldDay.iso) to \(newDay.iso).")
        }
    }
}

struct LabWithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw a result entered by mistake (it stays in the history).",
        discussion: "Example: isojournal lab withdraw triglycerides 2026-11-20"
    )

    @Argument(help: "The test: triglycerides, total-cholesterol, ldl, hdl, alt, ast, pregnancy.", completion: Completions.labTests)
    var test: String
    @Argument(help: ArgumentHelp("The specimen date of the result.", valueName: "YYYY-MM-DD"))
    var date: String
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let labTest: LabTest
            do throws(LabResultInput.Problem) { labTest = try LabResultInput.test(named: test) } catch {
                throw CommandFailure.badInput(error.message)
            }
            let day = try LabArguments.day(date)
            let id = LabResult.entryID(day: day, test: labTest)
            let store = try location.openStore(mode: .readWrite)
            try saveLabChanges(store) { journal in
                guard journal.current(id) != nil else {
                    throw CommandFailure.badInput("There is no \(labTest.name) result for \(day.iso) to withdraw.")
                }
                return [.retract(id: id, day: day, reason: "withdrawn from the shell (entered by mistake)")]
            }
            say("Withdrawn: \(labTest.name) of \(day.iso) (it stays in the history).")
        }
    }
}

/// Reading the arguments the lab commands share.
enum LabArguments {
    static func what(_ text: String) throws -> LabAppointment.What {
        guard let what = LabAppointment.What(rawValue: text.lowercased()) else {
            throw CommandFailure.badInput("Unknown appointment kind '\(text)'. Valid kinds: "
                + LabAppointment.What.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        return what
    }

    static func day(_ text: String) throws -> LocalDate {
        guard let day = LocalDate(iso: text) else {
            throw CommandFailure.badInput("'\(text)' is not a date. Write it as YYYY-MM-DD.")
        }
        return day
    }

    static func existing(_ what: LabAppointment.What, _ day: LocalDate, in journal: Journal) throws -> LabAppointment {
        guard case .labAppointment(let appointment)? = journal.current(LabAppointment.entryID(day: day, what: what))?.body else {
            throw CommandFailure.badInput("No \(what.rawValue) appointment on \(day.iso). See them with: isojournal labs")
        }
        return appointment
    }
}
