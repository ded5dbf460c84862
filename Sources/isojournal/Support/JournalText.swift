import Foundation
import JournalCore

/// Plain-text rendering of journal entries for `show`.
enum JournalText {
    static func days(_ entries: [Entry], timeZone: TimeZone) -> String {
        guard !entries.isEmpty else { return "Nothing logged in that range." }
        let symptoms = SymptomCatalogue.shipped
        let flags = RedFlagCatalogue.shipped
        var output: [String] = []
        var currentDay: LocalDate?
        for entry in entries {
            if entry.day != currentDay {
                if currentDay != nil { output.append("") }
                output.append(entry.day.iso)
                currentDay = entry.day
            }
            switch entry.body {
            case .symptom(let rating)?:
                var line = "  " + pad(symptoms.name(of: rating.symptom), 26) + "\(rating.grade)  "
                    + pad(symptoms.label(forGrade: rating.grade), 24)
                if let note = rating.note { line += note }
                output.append(line.trimmingCharacters(in: .whitespaces))
            case .redFlag(let report)?:
                let question = flags.flag(id: report.flag)?.question ?? report.flag
                let read = report.acknowledgedAt.map {
                    " (notice read \(Timestamp.clockText(minuteOfDay: Timestamp.minuteOfDay(of: $0, in: timeZone))))"
                } ?? ""
                output.append("  RED FLAG: " + question + read)
            case .unrecognized(let kind)?:
                output.append("  (a '\(kind)' record from a newer IsoJournal)")
            case nil:
                break
            }
        }
        return output.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
