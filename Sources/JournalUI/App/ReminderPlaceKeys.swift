import JournalCore

/// How the full-screen program reaches the place a reminder is acted on: the key on Today
/// (shown after the reminder, and what Enter on a due item does).
extension Reminder.Place {
    var keyHint: String {
        switch self {
        case .doses: return "d"
        case .logSymptoms: return "l"
        case .weight: return "d, then w"
        case .labs: return "b"
        case .checklist: return "k"
        case .moodCheck: return "m"
        case .prescriberDecision: return "p"
        }
    }

    /// The Today key that opens it (weight is recorded on the Doses screen).
    var todayKey: Key {
        switch self {
        case .doses, .weight: return .character("d")
        case .logSymptoms: return .character("l")
        case .labs: return .character("b")
        case .checklist: return .character("k")
        case .moodCheck: return .character("m")
        case .prescriberDecision: return .character("p")
        }
    }
}
