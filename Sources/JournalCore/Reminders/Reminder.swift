import Foundation

/// Something due, overdue or coming, in plain words, with a stable id so a calendar, a
/// notification and a snooze all refer to the same thing.
public struct Reminder: Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case dose, symptomLog = "symptom-log", appointment, fasting, pregnancyTest = "pregnancy-test"
        case window, confirmation, contraception, moodCheck = "mood-check", weight, afterCourse = "after-course"
        case checklist
        /// ALT/AST saved without the lab's upper limit: add it so the result can be judged.
        case labLimit = "lab-limit"
        /// The course is on hold after a stop event: stop taking it, contact the prescriber now.
        case stopAlert = "stop-alert"
        case labFlag = "lab-flag"
    }

    /// Most pressing first.
    public enum Urgency: Int, Sendable, Comparable, CaseIterable {
        /// A stop alert: above everything, always.
        case alarm
        case overdue, dueNow, today, upcoming

        public static func < (a: Urgency, b: Urgency) -> Bool { a.rawValue < b.rawValue }

        public var label: String {
            switch self {
            case .alarm: return "stop"
            case .overdue: return "overdue"
            case .dueNow: return "due now"
            case .today: return "today"
            case .upcoming: return "upcoming"
            }
        }

        /// What `isojournal remind` exits 1 for.
        public var isDue: Bool { self <= .dueNow }
    }

    public let id: String
    public let kind: Kind
    public let due: Date
    public let urgency: Urgency
    public let message: String

    /// Where a person acts on a reminder. The core names the place; each front end says how
    /// to get there (the full-screen program a key, the shell a command), so no key letter
    /// reaches a notification or the shell.
    public enum Place: String, Sendable, CaseIterable {
        case doses, logSymptoms = "log-symptoms", weight, labs, checklist, moodCheck = "mood-check"
        case prescriberDecision = "prescriber-decision"
    }

    /// Where this reminder is acted on.
    public var place: Place {
        switch kind {
        case .dose: return .doses
        case .symptomLog: return .logSymptoms
        case .weight: return .weight
        case .appointment, .fasting, .labLimit, .labFlag: return .labs
        case .pregnancyTest, .window, .confirmation, .contraception, .afterCourse, .checklist: return .checklist
        case .moodCheck: return .moodCheck
        case .stopAlert: return .prescriberDecision
        }
    }

    /// Stop alerts stay until the prescriber's decision is recorded: no snooze or dismiss hides them.
    public var canBeHidden: Bool { kind != .stopAlert }

    public init(id: String, kind: Kind, due: Date, urgency: Urgency, message: String) {
        self.id = id
        self.kind = kind
        self.due = due
        self.urgency = urgency
        self.message = message
    }
}
