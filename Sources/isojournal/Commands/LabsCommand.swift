import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal labs`: every appointment and result, with flags, for people or scripts.
struct LabsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labs",
        abstract: "List lab appointments and results with their flags (or as JSON with --json).",
        discussion: """
            --json prints one object: "appointments" and "results", each record with the field names \
            of the journal file (see FORMAT.md) plus "id" and "day"; every result also has "flags" \
            (rule, level, wording, source, limit, ownLimit), "judged" (false when the rules could not \
            judge it: ALT/AST without the lab's upper limit) with "notJudgedBecause", and lipids \
            "converted" into the other unit.
            """
    )

    @Flag(help: "Print JSON for scripts.")
    var json = false

    @OptionGroup var source: JournalToRead

    func run() throws {
        try reportingFailures {
            let records = try source.load().journal.labRecords
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(LabsListing(records))
                say(String(decoding: data, as: UTF8.self))
            } else {
                say(text(records, today: Timestamp.localDate(of: Date(), in: .current)))
            }
        }
    }

    private func text(_ records: LabRecords, today: LocalDate) -> String {
        var lines: [String] = []
        func appointment(_ a: ScheduledAppointment) -> String {
            "  \(a.day.iso)  " + LabText.appointmentLine(a.appointment) + (a.needsMarking(today: today) ? " (not marked yet)" : "")
        }
        let upcoming = records.upcoming(today: today), past = records.past(today: today)
        lines.append("Upcoming appointments")
        lines += upcoming.isEmpty ? ["  none"] : upcoming.map(appointment)
        if !past.isEmpty { lines += ["", "Past appointments"] + past.map(appointment) }
        lines += ["", "Results"]
        for dated in records.results {
            lines.append("  \(dated.day.iso)  " + LabText.resultLine(dated))
            if !dated.isJudged { lines.append("              To judge it, " + LabJudgement.howToAddLimit(dated.result, day: dated.day)) }
        }
        if records.results.isEmpty { lines.append("  none") }
        return lines.joined(separator: "\n")
    }
}

/// The JSON shape of `labs --json`.
struct LabsListing: Encodable {
    let appointments: [Appointment]
    let results: [ResultItem]

    init(_ records: LabRecords) {
        appointments = records.appointments.map { Appointment(id: $0.id.rawValue, day: $0.day.iso, record: $0.appointment) }
        results = records.results.map { dated in
            let result = dated.result
            var converted: Converted?
            if let value = result.value, let unit = result.unit, let other = result.test.units.first(where: { $0 != unit }),
               let otherValue = result.test.convert(value, from: unit, to: other) {
                converted = Converted(value: (otherValue * 100).rounded() / 100, unit: other.rawValue)
            }
            return ResultItem(id: dated.id.rawValue, day: dated.day.iso, record: result, converted: converted,
                          flags: dated.flags.map { Flag(rule: $0.ruleID, level: $0.level.rawValue, wording: $0.wording,
                                                        source: $0.source, limit: $0.limitText, ownLimit: $0.isOverridden) },
                          notJudgedBecause: dated.notJudgedBecause)
        }
    }

    enum Key: String, CodingKey { case id, day, converted, flags, judged, notJudgedBecause }

    struct Appointment: Encodable {
        let id: String, day: String, record: LabAppointment
        func encode(to encoder: any Encoder) throws {
            try record.encode(to: encoder) // the record's own keys, as in the journal file
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(id, forKey: .id)
            try c.encode(day, forKey: .day)
        }
    }

    struct ResultItem: Encodable {
        let id: String, day: String, record: LabResult, converted: Converted?, flags: [Flag], notJudgedBecause: String?
        func encode(to encoder: any Encoder) throws {
            try record.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(id, forKey: .id)
            try c.encode(day, forKey: .day)
            try c.encodeIfPresent(converted, forKey: .converted)
            try c.encode(flags, forKey: .flags)
            // Empty flags on an unjudged result mean "unknown", never "normal": say which.
            try c.encode(notJudgedBecause == nil, forKey: .judged)
            try c.encodeIfPresent(notJudgedBecause, forKey: .notJudgedBecause)
        }
    }

    struct Converted: Encodable { let value: Double, unit: String }
    struct Flag: Encodable { let rule: String, level: String, wording: String, source: String, limit: String, ownLimit: Bool }
}
