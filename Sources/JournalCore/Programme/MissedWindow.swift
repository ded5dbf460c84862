/// A prescription window that closed without a pickup, and what the rule set says comes
/// next: a new pregnancy test (at once, or after a wait the rule set applies to this
/// prescription) or a new prescriber visit. Its words never give a past day as a deadline.
struct MissedWindow: Equatable {
    let window: PickupWindow
    /// What opens the next window: "pregnancy-test" or "prescriber-visit".
    let opensOn: String
    /// The first day the next pregnancy test counts, when the rule set makes it wait
    /// (2021 rules, first prescription only: the missed window's test + 19 days).
    let retestDay: LocalDate?
    /// The rule set's own words for this case, dates filled in.
    let advice: String?

    init(window: PickupWindow, month: Int, rules: ProgrammeRules.CategoryRules?) {
        self.window = window
        opensOn = rules?.window?.opensOn ?? "pregnancy-test"
        if let wait = rules?.missedWindowWait(month: month) {
            let day = window.opens.adding(days: wait)
            retestDay = day
            advice = (rules?.missedWindowWithWait ?? rules?.missedWindow)?.replacingOccurrences(of: "{retestDay}", with: day.iso)
        } else {
            retestDay = nil
            advice = rules?.missedWindow
        }
    }

    /// "the window of the 2026-07-01 test closed on 2026-07-07 without a pickup".
    var whatHappened: String {
        let opener = opensOn == "prescriber-visit" ? "visit" : "test"
        return "the window of the \(window.opens.iso) \(opener) closed on \(window.closes.iso) without a pickup"
    }

    /// What is needed next, as of `today`.
    func nextStep(today: LocalDate) -> String {
        guard opensOn == "pregnancy-test" else { return "a new prescriber visit opens a new window" }
        if let retestDay, today < retestDay { return "a new pregnancy test is needed, on or after \(retestDay.iso) under the rules" }
        return "a new pregnancy test is needed; it may be done at once and opens a new window"
    }

    /// Whether the next test may be done on `day` (false only while a rule's wait runs).
    func retestAllowed(on day: LocalDate) -> Bool { retestDay.map { day >= $0 } ?? true }
}
