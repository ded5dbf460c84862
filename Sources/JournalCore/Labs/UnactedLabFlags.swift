import Foundation

/// Flagged lab results that nothing in the journal shows were acted on yet.
///
/// A result counts here when its highest flag asks for something (tell the prescriber or
/// more; a value merely above normal is "noted" and asks for nothing), and, after its
/// specimen day and up to the day asked about, the journal holds neither
/// - a later result of the same test (the follow-up was done), nor
/// - a prescriber visit: a prescriber-visit appointment marked done, or the checklist's
///   "prescriber visit" ticked as done, nor
/// - a stop event it raised (a positive pregnancy test, a "contact promptly" value): that is
///   the course's stop alert until the prescriber's decision is recorded, which answers it.
/// The journal cannot know what the prescriber said; it only keeps the flag in sight until
/// there is a sign that someone looked at it. A withdrawn result is not a result.
public enum UnactedLabFlags {
    /// The results still waiting, oldest first, as of `day` (records after it are ignored).
    public static func results(in journal: Journal, asOf day: LocalDate) -> [DatedLabResult] {
        let labs = journal.labRecords
        let visits = visitDays(journal, labs: labs).filter { $0 <= day }
        // Results that put the course on hold are carried by the stop alert and then the decision.
        let stopEvents = Set(journal.stopEvents().map(\.id))
        let flagged = labs.results.filter { $0.day <= day && ($0.highestFlag?.level ?? .noted) > .noted && !stopEvents.contains($0.id) }
        return flagged.filter { result in
            let followedUp = labs.results(of: result.result.test).contains { $0.day > result.day && $0.day <= day }
            let seen = visits.contains { $0 > result.day }
            return !followedUp && !seen
        }
    }

    /// Days a prescriber visit happened, as far as the journal knows.
    static func visitDays(_ journal: Journal, labs: LabRecords) -> [LocalDate] {
        let appointments = labs.appointments(of: .prescriberVisit).filter { $0.appointment.status == .done }.map(\.day)
        let ticks = journal.currentEntries(of: .checklistTick).compactMap { entry -> LocalDate? in
            guard case .checklistTick(let tick)? = entry.body, tick.item == "prescriber-visit", tick.done else { return nil }
            return entry.day
        }
        return appointments + ticks
    }

    /// "Triglycerides 560 mg/dL on 2026-11-05: TELL PRESCRIBER (≥ 500 mg/dL); no later result or prescriber visit recorded"
    public static func line(_ result: DatedLabResult) -> String {
        let flag = result.highestFlag.map { ": \($0.level.mark) (\($0.limitText))" } ?? ""
        return "\(result.result.test.name) \(result.result.valueText) on \(result.day.iso)\(flag); "
            + "no later result or prescriber visit recorded"
    }
}
