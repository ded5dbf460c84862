import Foundation

/// Where the course stands at a moment, worked out from the journal. Every surface that
/// could prompt a dose (Today, Doses, `remind`, notifications, the calendar file, reports,
/// the caregiver view) asks this first: only an active course expects doses.
public enum CourseState: Equatable, Sendable {
    /// Set up, starting on this day.
    case notStarted(LocalDate)
    /// Doses expected as planned.
    case active
    /// A stop event was recorded; no dose is prompted until the prescriber's decision is recorded.
    case onHold(CourseHold)
    /// The prescriber paused the course; no dose is prompted until it ends.
    case paused(CoursePause)
    /// Marked finished: only the after-course countdowns remain.
    case finished(lastDose: LocalDate)

    /// The name scripts read (`status --json`): active, on-hold, paused, finished, not-started.
    public var name: String {
        switch self {
        case .notStarted: return "not-started"
        case .active: return "active"
        case .onHold: return "on-hold"
        case .paused: return "paused"
        case .finished: return "finished"
        }
    }

    public var isOnHold: Bool { if case .onHold = self { return true } else { return false } }

    /// Whether a dose may be prompted now.
    public var promptsDoses: Bool { self == .active }

    /// Whether a decision can be recorded: only while on hold or paused.
    public var awaitsDecision: Bool {
        switch self {
        case .onHold, .paused: return true
        default: return false
        }
    }
}

extension CourseRecords {
    /// The hold that is still open (no decision yet), if any.
    public var openHold: CourseHold? {
        holds.last { $0.decision == nil }
    }

    /// The hold covering a moment, open or closed.
    public func hold(at instant: Date) -> CourseHold? { holds.first { $0.covers(instant) } }

    /// The pause in force at a moment: it contains the day and no "continue" ended it earlier.
    public func pause(at instant: Date, zone: TimeZone) -> CoursePause? {
        let day = Timestamp.localDate(of: instant, in: zone)
        return pauses.first { pause in
            pause.contains(day) && !pauseEndings.contains { ending in
                ending <= instant && pause.contains(Timestamp.localDate(of: ending, in: zone))
            }
        }
    }

    /// Whether nothing is expected at a moment: on hold, or paused.
    public func isQuiet(at instant: Date, zone: TimeZone) -> Bool {
        hold(at: instant) != nil || pause(at: instant, zone: zone) != nil
    }

    /// The planned intakes of a day that are expected: inside the course, not paused, not on hold.
    /// This is what reminders, adherence and the calendar count; a quiet slot is never "missed".
    public func expectedIntakes(on day: LocalDate, zone: TimeZone) -> [(slot: IntakeSlot, milligrams: Double)] {
        plannedIntakes(on: day).filter { slot, _ in
            !isQuiet(at: Timestamp.instant(of: day, minuteOfDay: slot.minuteOfDay, in: zone), zone: zone)
        }
    }

    /// The course's state at `now`. Finished beats everything; an open hold beats a pause
    /// (the hold needs the prescriber's word even when a pause was set before).
    public func state(at now: Date, zone: TimeZone) -> CourseState {
        let today = Timestamp.localDate(of: now, in: zone)
        if let last = settings.lastDoseDate, last <= today { return .finished(lastDose: last) }
        if let hold = openHold, hold.since <= now { return .onHold(hold) }
        if let pause = pause(at: now, zone: zone) { return .paused(pause) }
        if today < settings.startDate { return .notStarted(settings.startDate) }
        return .active
    }
}
