import Foundation
import Testing
import JournalCore

/// Reminder words are the same for the screen, the shell and a notification: no key letters
/// in them; each reminder names the place where it is acted on instead.
@Suite("Reminders: words without keys, a place to act")
struct ReminderPlaceTests {
    let zone = TimeZone(identifier: "Europe/London")!

    @Test("over a demo course's days, no reminder's words end in a key hint like (k) or (d, then w)")
    func noKeyLettersInWords() throws {
        let now = Timestamp.instant(of: LocalDate(iso: "2026-11-26")!, minuteOfDay: 22 * 60, in: zone)
        var journal = Journal()
        for batch in DemoJournal.batches(now: now, timeZone: zone) {
            for change in batch.changes {
                journal.apply(change.entry(after: journal.revisionNumber(of: change.id), recordedAt: batch.recordedAt))
            }
        }
        let keyHint = try Regex(#"\((?:[a-z]|[a-z], then [a-z])\)$"#)
        var kinds = Set<Reminder.Kind>()
        for hours in stride(from: -24 * 40, through: 24 * 40, by: 7) {
            for reminder in ReminderEngine.reminders(journal: journal, now: now.addingTimeInterval(Double(hours) * 3600), timeZone: zone) {
                #expect(reminder.message.firstMatch(of: keyHint) == nil, "\(reminder.message)")
                kinds.insert(reminder.kind)
            }
        }
        #expect(kinds.count >= 5, "the walk saw several kinds: \(kinds)")
    }

    @Test("every kind of reminder names a place")
    func everyKindHasAPlace() {
        let places = Reminder.Kind.allCases.map {
            Reminder(id: "x", kind: $0, due: Date(timeIntervalSince1970: 0), urgency: .today, message: "").place
        }
        #expect(places.count == Reminder.Kind.allCases.count)
        #expect(Reminder(id: "x", kind: .stopAlert, due: Date(timeIntervalSince1970: 0), urgency: .alarm, message: "").place == .prescriberDecision)
        #expect(Reminder(id: "x", kind: .weight, due: Date(timeIntervalSince1970: 0), urgency: .today, message: "").place == .weight)
    }
}
