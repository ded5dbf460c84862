import Foundation
import JournalCore

/// The history, read only: recent days entry by entry, and every flag the journal holds.
extension PlainSession {
    /// The last 14 days that have entries, newest first.
    func recentDays() throws(EndOfInput) {
        refresh()
        let days = journal.daysWithEntries.filter { $0 <= today && $0 >= today.adding(days: -13) }.reversed()
        if days.isEmpty {
            io.say("Nothing recorded in the last 14 days.")
        }
        for day in days {
            let entries = journal.entries(on: day)
            io.say("\(PlainText.day(day)), \(entries.count) record\(entries.count == 1 ? "" : "s"):")
            for entry in entries { io.say("- " + EntryDescription.line(entry, timeZone: zone)) }
        }
        _ = try io.ask("End of recent days. Press Enter to go back.")
    }

    /// Every record with an alert (red flags, flagged labs, self-harm answers), newest first.
    func flagHistory() throws(EndOfInput) {
        refresh()
        let labs = journal.labRecords
        let flagged = journal.daysWithEntries.reversed().flatMap { day in
            journal.entries(on: day).compactMap { entry -> (Entry, RecordAlert)? in
                guard let alert = RecordAlert.of(entry, labs: labs), alert.isFlag else { return nil }
                return (entry, alert)
            }
        }
        if flagged.isEmpty { io.say("No flags in the journal.") }
        for (entry, alert) in flagged {
            io.say("\(entry.day.iso), \(alert.label): " + EntryDescription.line(entry, timeZone: zone))
        }
        _ = try io.ask("End of flags. Press Enter to go back.")
    }
}
