import Foundation

/// An appointment as it stands, with its record id and day.
public struct ScheduledAppointment: Equatable, Sendable {
    public let id: EntryID
    public let day: LocalDate
    public let appointment: LabAppointment

    public init(id: EntryID, day: LocalDate, appointment: LabAppointment) {
        self.id = id
        self.day = day
        self.appointment = appointment
    }

    /// Whether it still lies ahead: scheduled for today or later.
    public func isUpcoming(today: LocalDate) -> Bool { appointment.status == .scheduled && day >= today }

    /// Scheduled for a day that has passed and not yet marked done, missed or moved.
    public func needsMarking(today: LocalDate) -> Bool { appointment.status == .scheduled && day < today }
}

/// A result as it stands, with its specimen day and the flags it raises now.
public struct DatedLabResult: Equatable, Sendable {
    public let id: EntryID
    /// The specimen date.
    public let day: LocalDate
    public let result: LabResult
    /// Most serious first; empty when nothing is flagged.
    public let flags: [LabFlag]
    /// Set when the rules could not judge it (ALT/AST without the lab's upper limit): the
    /// empty `flags` then mean "unknown", not "normal".
    public let notJudgedBecause: String?

    public var highestFlag: LabFlag? { flags.first }
    public var isJudged: Bool { notJudgedBecause == nil }
}

/// Every lab record of the journal, pulled out once: appointments, results with their flags
/// (judged by the rules in force on each specimen day and the patient's own limits), and
/// the settings. Plain data, for the Labs screen, `isojournal labs`, the monthly checklist
/// and the reminders.
public struct LabRecords: Equatable, Sendable {
    /// By day, then time (no time first), then kind.
    public let appointments: [ScheduledAppointment]
    /// By specimen day, then test.
    public let results: [DatedLabResult]
    public let settings: LabFlagSettings

    public init(appointments: [ScheduledAppointment], results: [(id: EntryID, day: LocalDate, result: LabResult)],
                settings: LabFlagSettings = LabFlagSettings(), rules: LabFlagRules = .shipped) {
        self.appointments = appointments.sorted {
            ($0.day, $0.appointment.minuteOfDay ?? -1, $0.appointment.what.rawValue)
                < ($1.day, $1.appointment.minuteOfDay ?? -1, $1.appointment.what.rawValue)
        }
        self.results = results.map {
            DatedLabResult(id: $0.id, day: $0.day, result: $0.result,
                           flags: LabFlagging.flags(for: $0.result, on: $0.day, rules: rules, settings: settings),
                           notJudgedBecause: LabJudgement.notJudgedBecause($0.result, on: $0.day, rules: rules))
        }.sorted { ($0.day, LabTest.allCases.firstIndex(of: $0.result.test)!) < ($1.day, LabTest.allCases.firstIndex(of: $1.result.test)!) }
        self.settings = settings
    }

    /// Scheduled for today or later, soonest first.
    public func upcoming(today: LocalDate) -> [ScheduledAppointment] {
        appointments.filter { $0.isUpcoming(today: today) }
    }

    /// Everything else (done, missed, moved, or in the past), most recent first.
    public func past(today: LocalDate) -> [ScheduledAppointment] {
        appointments.filter { !$0.isUpcoming(today: today) }.reversed()
    }

    /// One test's results, oldest first.
    public func results(of test: LabTest) -> [DatedLabResult] { results.filter { $0.result.test == test } }

    /// Pregnancy tests with their specimen dates, oldest first (the monthly programme counts
    /// its windows from the specimen date).
    public var pregnancyTests: [DatedLabResult] { results(of: .pregnancy) }

    /// The latest pregnancy test whose specimen was taken on or before `day`.
    public func latestPregnancyTest(onOrBefore day: LocalDate) -> DatedLabResult? {
        pregnancyTests.last { $0.day <= day }
    }

    /// Appointments of one kind, soonest first.
    public func appointments(of what: LabAppointment.What) -> [ScheduledAppointment] {
        appointments.filter { $0.appointment.what == what }
    }

    /// How lipids are shown: the patient's choice, else the unit most of their lipid results
    /// were entered in (mg/dL on a tie or with none).
    public var preferredLipidUnit: LabUnit {
        if let chosen = settings.preferredLipidUnit { return chosen }
        let lipidUnits = results.filter { $0.result.test.group == .lipid }.compactMap(\.result.unit)
        let mmol = lipidUnits.filter { $0 == .millimolesPerLiter }.count
        return mmol * 2 > lipidUnits.count ? .millimolesPerLiter : .milligramsPerDeciliter
    }

    /// Results the rules could not judge (ALT/AST without the lab's upper limit), oldest first.
    public var notJudged: [DatedLabResult] { results.filter { !$0.isJudged } }

    /// The unit a test is shown in.
    public func displayUnit(for test: LabTest) -> LabUnit? {
        test.group == .lipid ? preferredLipidUnit : test.units.first
    }
}

extension Journal {
    /// The lab records as they stand now.
    public func labRecords(rules: LabFlagRules = .shipped) -> LabRecords {
        rules == .shipped ? derived.labs { gatherLabRecords(rules: .shipped) } : gatherLabRecords(rules: rules)
    }

    private func gatherLabRecords(rules: LabFlagRules) -> LabRecords {
        var appointments: [ScheduledAppointment] = []
        var results: [(id: EntryID, day: LocalDate, result: LabResult)] = []
        var settings = LabFlagSettings()
        for entry in currentEntries(of: [.labAppointment, .labResult, .labFlagSettings]) {
            if case .labAppointment(let appointment)? = entry.body {
                appointments.append(ScheduledAppointment(id: entry.id, day: entry.day, appointment: appointment))
            }
            if case .labResult(let result)? = entry.body { results.append((entry.id, entry.day, result)) }
            if case .labFlagSettings(let own)? = entry.body { settings = own }
        }
        return LabRecords(appointments: appointments, results: results, settings: settings, rules: rules)
    }

    public var labRecords: LabRecords { labRecords() }
}
