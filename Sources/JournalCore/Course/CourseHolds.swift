import Foundation

/// A recorded event after which the label or the programme says to stop taking isotretinoin
/// and contact the prescriber now (a positive pregnancy test, a red flag, …).
public struct StopEvent: Equatable, Sendable {
    /// The record that raised it.
    public let id: EntryID
    /// The rule in Resources/course-holds.json that made it stop-level.
    public let ruleID: String
    public let day: LocalDate
    /// When the patient learned of it: the time the notice was read, or the record was written.
    public let at: Date
    /// What happened, in a few words ("Positive pregnancy test (specimen 2026-11-30)").
    public let what: String
    public let source: String
}

/// A time the course was (or is) on hold: from the first stop event until the prescriber's
/// decision was recorded. No dose is expected or prompted in between.
public struct CourseHold: Equatable, Sendable {
    public let since: Date
    public let events: [StopEvent]
    /// The decision that ended it; nil while it goes on.
    public let decision: PrescriberDecision?

    /// The moment doses may be expected again (nil while the hold goes on).
    public var endsAt: Date? { decision.map { max($0.decidedAt, since) } }

    public func covers(_ instant: Date) -> Bool {
        instant >= since && (endsAt.map { instant < $0 } ?? true)
    }

    /// "Positive pregnancy test (specimen 2026-11-30); Red flag: hearing loss or ringing".
    public var reasons: String { events.map(\.what).joined(separator: "; ") }
}

extension Journal {
    /// Every stop event in the journal, oldest first.
    public func stopEvents(rules: CourseHoldRules = .shipped) -> [StopEvent] {
        // Read from the course record itself: the course records are built from these events.
        let category = courses.last?.settings.patientCategory ?? .canGetPregnant
        var events: [StopEvent] = []
        let redFlags = RedFlagCatalogue.shipped
        for entry in currentEntries(of: .redFlag) {
            guard case .redFlag(let report)? = entry.body,
                  let rule = rules.rules(on: entry.day, category: category).first(where: { $0.matches(redFlag: report.flag) })
            else { continue }
            let question = redFlags.flag(id: report.flag)?.question ?? report.flag
            events.append(StopEvent(id: entry.id, ruleID: rule.id, day: entry.day, at: report.acknowledgedAt ?? entry.recordedAt,
                                    what: "\(rule.what) on \(entry.day.iso): \(question)", source: rule.source))
        }
        for item in labRecords.results {
            guard let (rule, flag) = item.flags.lazy.compactMap({ flag in
                rules.rules(on: item.day, category: category).first { $0.matches(labFlag: flag) }.map { ($0, flag) }
            }).first, let entry = current(item.id) else { continue }
            let detail = item.result.test == .pregnancy ? "" : ": \(item.result.test.name) \(item.result.valueText) (\(flag.limitText))"
            events.append(StopEvent(id: item.id, ruleID: rule.id, day: item.day, at: entry.recordedAt,
                                    what: "\(rule.what)\(detail), specimen \(item.day.iso)",
                                    source: rule.source))
        }
        for entry in currentEntries(of: .moodCheck) {
            guard case .moodCheck(let check)? = entry.body, check.selfHarmAnswered,
                  let rule = rules.rules(on: entry.day, category: category).first(where: { $0.event == .moodSelfHarm })
            else { continue }
            events.append(StopEvent(id: entry.id, ruleID: rule.id, day: entry.day, at: check.crisisGuidanceShownAt ?? entry.recordedAt,
                                    what: "\(rule.what) on \(entry.day.iso)", source: rule.source))
        }
        return events.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
    }

    /// The prescriber's decisions, in the order they were made.
    public var prescriberDecisions: [PrescriberDecision] {
        currentEntries(of: .prescriberDecision).compactMap { entry -> PrescriberDecision? in
            if case .prescriberDecision(let decision)? = entry.body { return decision } else { return nil }
        }.sorted { $0.decidedAt < $1.decidedAt }
    }

    /// Holds past and present, oldest first: each decision closes the hold of the events it
    /// names; events no decision names make the open hold (last).
    func gatherHolds() -> [CourseHold] {
        let events = stopEvents()
        var open = events
        var holds: [CourseHold] = []
        for decision in prescriberDecisions {
            let answered = open.filter { decision.resolves.contains($0.id) }
            guard let first = answered.first else { continue }
            open.removeAll { decision.resolves.contains($0.id) }
            holds.append(CourseHold(since: first.at, events: answered, decision: decision))
        }
        if let first = open.first { holds.append(CourseHold(since: first.at, events: open, decision: nil)) }
        return holds.sorted { $0.since < $1.since }
    }
}
