import Foundation

/// Why no dose is expected at an instant: a dose taken then is still recorded, after a
/// question, marked with `reason` (`DoseIntake.recordedWhile`). One rule for `log dose`
/// and the plain mode.
public enum QuietDose: Equatable, Sendable {
    case onHold(CourseHold)
    case paused(CoursePause)

    /// The word saved in `DoseIntake.recordedWhile`.
    public var reason: String {
        switch self {
        case .onHold: return "on-hold"
        case .paused: return "paused"
        }
    }
}

extension CourseRecords {
    /// A hold comes first: it is the stronger reason not to take a dose.
    public func quietDose(at instant: Date, zone: TimeZone) -> QuietDose? {
        if let hold = hold(at: instant) { return .onHold(hold) }
        if let pause = pause(at: instant, zone: zone) { return .paused(pause) }
        return nil
    }
}
