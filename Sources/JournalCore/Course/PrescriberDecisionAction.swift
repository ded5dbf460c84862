import Foundation

/// Why a prescriber's decision cannot be recorded, in the patient's words.
public enum PrescriberDecisionProblem: Error, Equatable, Sendable {
    case noCourse
    /// Nothing is on hold or paused: there is nothing to decide.
    case nothingToDecide(stateName: String)
    case inTheFuture
    /// The decision is dated before the hold began.
    case beforeHold(since: Date)
    case pauseEndsBeforeStart

    public func message(in zone: TimeZone) -> String {
        switch self {
        case .noCourse:
            return "Set up the course first: isojournal course set …"
        case .nothingToDecide(let state):
            return "Nothing is on hold or paused (the course is \(state.replacingOccurrences(of: "-", with: " "))): there is no decision to record."
        case .inTheFuture:
            return "The decision time is in the future: record it once the prescriber has decided."
        case .beforeHold(let since):
            return "The course went on hold at \(StopAlertText.when(since, zone: zone)); a decision must come after that."
        case .pauseEndsBeforeStart:
            return "The pause ends before it starts: check the dates."
        }
    }
}

/// Recording the prescriber's decision after a hold (or during a pause): the journal
/// changes it takes, or why it cannot be recorded. Shared by the decision screen and
/// `isojournal course decision`, so both refuse and record alike.
public enum PrescriberDecisionAction {
    public struct Request: Equatable, Sendable {
        public var outcome: PrescriberDecision.Outcome
        public var decidedBy: String?
        public var decidedAt: Date
        /// For a pause: the first paused day (default: the day of the decision) and the last (open-ended without it).
        public var pauseFrom: LocalDate?
        public var pauseTo: LocalDate?
        public var note: String?

        public init(outcome: PrescriberDecision.Outcome, decidedBy: String?, decidedAt: Date,
                    pauseFrom: LocalDate? = nil, pauseTo: LocalDate? = nil, note: String? = nil) {
            self.outcome = outcome
            self.decidedBy = decidedBy
            self.decidedAt = decidedAt
            self.pauseFrom = pauseFrom
            self.pauseTo = pauseTo
            self.note = note
        }
    }

    public static func changes(for request: Request, in journal: Journal, now: Date,
                               zone: TimeZone) throws(PrescriberDecisionProblem) -> [JournalChange] {
        guard let records = journal.courseRecords else { throw .noCourse }
        let state = records.state(at: now, zone: zone)
        guard state.awaitsDecision else { throw .nothingToDecide(stateName: state.name) }
        // A minute of slack: a decision typed "now" may be stamped a moment later.
        guard request.decidedAt <= now.addingTimeInterval(60) else { throw .inTheFuture }
        var resolves: [EntryID] = []
        var request = request
        if case .onHold(let hold) = state {
            // Times are typed to the minute: a decision in the hold's own minute is taken as made at its start.
            guard request.decidedAt >= hold.since.addingTimeInterval(-60) else { throw .beforeHold(since: hold.since) }
            request.decidedAt = max(request.decidedAt, hold.since)
            resolves = hold.events.map(\.id)
        }
        let day = Timestamp.localDate(of: request.decidedAt, in: zone)
        var decision = PrescriberDecision(outcome: request.outcome, decidedBy: request.decidedBy, decidedAt: request.decidedAt,
                                          resolves: resolves, note: request.note)
        var changes: [JournalChange] = []
        switch request.outcome {
        case .continueCourse:
            // A pause in force ends on the decision day; doses are expected from the decision on.
            if var pause = records.pause(at: request.decidedAt, zone: zone) {
                pause.endDate = day
                changes.append(.put(CoursePause.entryID(startDate: pause.startDate), day: pause.startDate, body: .pause(pause)))
            }
        case .pause:
            let from = request.pauseFrom ?? day
            if let to = request.pauseTo, to < from { throw .pauseEndsBeforeStart }
            decision.pauseFrom = from
            decision.pauseTo = request.pauseTo
            let reason = "Prescriber's decision" + (request.decidedBy.map { " (\($0))" } ?? "") + (request.note.map { ": \($0)" } ?? "")
            let pause = CoursePause(startDate: from, endDate: request.pauseTo, reason: reason)
            changes.append(.put(CoursePause.entryID(startDate: from), day: from, body: .pause(pause)))
        case .stop:
            // The course ends on the last dose actually taken (the after-course dates count from it).
            let lastTaken = records.intakes.filter { $0.key <= day && $0.value.values.contains { $0.status == .taken } }.keys.max()
            var settings = records.settings
            let lastDose = max(lastTaken ?? settings.startDate, settings.startDate)
            settings.lastDoseDate = lastDose
            decision.lastDoseDate = lastDose
            changes.append(.put(records.settingsID, day: settings.startDate, body: .course(settings)))
        }
        changes.insert(.put(PrescriberDecision.entryID(decidedAt: request.decidedAt), day: day,
                            body: .prescriberDecision(decision)), at: 0)
        return changes
    }
}
