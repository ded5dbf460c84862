import Foundation
import JournalCore

/// Plain-text rendering of journal entries for `show`: a date line, then one line a record.
enum JournalText {
    /// `marked`: records changed on two devices, which get the timeline's mark.
    static func days(_ entries: [Entry], timeZone: TimeZone, marked: Set<EntryID> = []) -> String {
        guard !entries.isEmpty else { return "Nothing logged in that range." }
        var output: [String] = []
        var currentDay: LocalDate?
        for entry in entries {
            if entry.day != currentDay {
                if currentDay != nil { output.append("") }
                output.append(entry.day.iso)
                currentDay = entry.day
            }
            let mark = marked.contains(entry.id) ? " " + TwoDeviceRecords.mark : ""
            output.append("  " + TerminalText.line(EntryDescription.line(entry, timeZone: timeZone)) + mark)
        }
        return output.joined(separator: "\n")
    }
}
