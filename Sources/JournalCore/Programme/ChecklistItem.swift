/// One line of a month's checklist: what it is, where it stands, and the dates that matter.
public struct ChecklistItem: Equatable, Sendable {
    public enum Status: Equatable, Sendable {
        /// Done, with the day it was done when known.
        case done(LocalDate?)
        /// Needed now.
        case due
        /// Its time has passed and it is not done.
        case overdue
        /// Not yet: a date ahead, or waiting for something to happen first.
        case upcoming
        /// A window that closed without a pickup.
        case missed
        /// Something the prescriber must hear about now (a positive pregnancy test).
        case alarm
        case notApplicable

        public var label: String {
            switch self {
            case .done: return "done"
            case .due: return "due"
            case .overdue: return "overdue"
            case .upcoming: return "upcoming"
            case .missed: return "missed"
            case .alarm: return "ALERT"
            case .notApplicable: return "n/a"
            }
        }

        public var needsAttention: Bool {
            switch self {
            case .due, .overdue, .missed, .alarm: return true
            default: return false
            }
        }
    }

    public let id: String
    public let title: String
    public let status: Status
    /// The dates and the reason, in plain words: "Day 3 of 7 — closes on Tue 1 Dec 2026".
    public let detail: String
    public let note: String?
    /// Whether the patient ticks it by hand (the journal cannot see it happen).
    public let canTick: Bool

    public init(id: String, title: String, status: Status, detail: String, note: String? = nil, canTick: Bool) {
        self.id = id
        self.title = title
        self.status = status
        self.detail = detail
        self.note = note
        self.canTick = canTick
    }
}

/// The titles of the standard items, and which of them are ticked by hand.
public enum ChecklistItemKind {
    public static let tickable: Set<String> = ["contraception-1", "contraception-2", "programme-confirmation",
                                               "prescriber-visit", "pickup", "blood-draw"]

    public static func title(of id: String, methods: [String] = []) -> String {
        switch id {
        case "pregnancy-test": return "Pregnancy test"
        case "pickup-window": return "Prescription window"
        case "contraception-1": return "Contraception 1" + (methods.first.map { ": " + $0 } ?? " confirmed")
        case "contraception-2": return "Contraception 2" + (methods.count > 1 ? ": " + methods[1] : " confirmed")
        case "programme-confirmation": return "Monthly confirmation"
        case "blood-draw": return "Blood draw"
        case "prescriber-visit": return "Prescriber visit"
        case "pickup": return "Prescription picked up"
        case "mood-check": return "Mood check"
        default: return id
        }
    }
}
