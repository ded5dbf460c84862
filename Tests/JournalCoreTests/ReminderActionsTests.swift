import Foundation
import Testing
import JournalCore

/// Snooze, dismiss and acknowledge, decided once for the screen and the shell.
@Suite("Reminder actions")
struct ReminderActionsTests {
    let zone = TimeZone(identifier: "Europe/London")!
    var now: Date { Timestamp.instant(of: LocalDate(iso: "2026-11-26")!, minuteOfDay: 9 * 60 + 30, in: zone) }

    func journal() -> Journal {
        var journal = Journal()
        let start = LocalDate(iso: "2026-11-02")!
        for (id, body) in [(CourseSettings.entryID, EntryBody.course(CourseSettings(startDate: start, patientCategory: .cannotGetPregnant))),
                           (DoseStep.entryID(startDate: start), .doseStep(DoseStep(startDate: start, cycle: [[20, 20]])))] {
            journal.apply(Entry(id: id, revision: 1, recordedAt: now, day: start, body: body))
        }
        return journal
    }

    @Test("a due reminder is snoozed and dismissed by a reminder-state change; its earlier state is kept")
    func snoozeThenDismiss() throws {
        var journal = journal()
        let due = try #require(ReminderEngine.reminders(journal: journal, now: now, timeZone: zone).first { $0.kind == .dose })
        let until = now.addingTimeInterval(3600)
        let snooze = try ReminderActions.change(.snooze(until: until), reminder: due.id, journal: journal, now: now, timeZone: zone).get()
        journal.apply(snooze.entry(after: journal.revisionNumber(of: snooze.id), recordedAt: now))
        #expect(ReminderEngine.states(in: journal)[due.id]?.snoozedUntil == until)
        let dismiss = try ReminderActions.change(.dismiss, reminder: due.id, journal: journal, now: now, timeZone: zone).get()
        journal.apply(dismiss.entry(after: journal.revisionNumber(of: dismiss.id), recordedAt: now))
        let state = try #require(ReminderEngine.states(in: journal)[due.id])
        #expect(state.dismissed && state.snoozedUntil == until)
    }

    @Test("an unknown id, a stop alert's snooze and an acknowledgement with nothing on hold are refused with words")
    func refusals() {
        let journal = journal()
        let unknown = ReminderActions.change(.dismiss, reminder: "dose-typo", journal: journal, now: now, timeZone: zone)
        guard case .failure(.unknown(_, let known)) = unknown else { Issue.record("\(unknown)"); return }
        #expect(!known.isEmpty)
        let stop = ReminderActions.change(.snooze(until: now), reminder: "hold-20261126090000", journal: journal, now: now, timeZone: zone)
        #expect(stop == .failure(.stopAlertStays(id: "hold-20261126090000", verb: "snoozed")))
        let ack = ReminderActions.change(.acknowledge, reminder: "hold-1", journal: journal, now: now, timeZone: zone)
        #expect(ack == .failure(.noOpenStopAlert(id: "hold-1", open: [])))
        if case .failure(let problem) = ack { #expect(problem.message.contains("Nothing is on hold")) }
    }
}
