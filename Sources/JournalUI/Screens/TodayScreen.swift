import Foundation
import JournalCore

/// The first screen: the date, what has been logged today, red flags, and the last week.
enum TodayScreen {
    static let hints = [("l", "log symptoms"), ("q", "quit"), ("^Z", "suspend")]

    static func draw(into canvas: inout Canvas, journal: Journal, today: LocalDate, timeZone: TimeZone,
                     readOnlyReason: String?) {
        let catalogue = SymptomCatalogue.shipped
        Chrome.drawTitle(readOnlyReason == nil ? "IsoJournal" : "IsoJournal (read-only)", right: DateText.long(today), into: &canvas)
        var lines = SectionedText()

        lines.heading("Symptoms today")
        let ratings = journal.symptomRatings(on: today)
        if ratings.isEmpty {
            lines.plain("   Nothing logged yet. Press l to log today's symptoms.", style: .dim)
        } else {
            for slug in catalogue.symptoms.map(\.slug) {
                guard let rating = ratings.first(where: { $0.symptom == slug }) else { continue }
                lines.symptom(rating, catalogue: catalogue, width: canvas.width)
            }
        }

        let flags = journal.redFlags(on: today)
        if !flags.isEmpty {
            lines.blank()
            lines.heading("Red flags today: contact your prescriber now", style: .alarm)
            let redFlags = RedFlagCatalogue.shipped
            for report in flags {
                let question = redFlags.flag(id: report.flag)?.question ?? report.flag
                let when = report.acknowledgedAt.map { " (notice read \(DateText.clock($0, in: timeZone)))" } ?? ""
                let room = max(0, canvas.width - 5 - DisplayWidth.of(when))
                lines.plain("   ! " + DisplayWidth.truncate(question, to: room) + when, style: .warning)
            }
        }

        lines.blank()
        lines.heading("Last 7 days")
        for offset in 1...7 {
            let day = today.adding(days: -offset)
            let dayRatings = journal.symptomRatings(on: day).filter { $0.grade > 0 }
            let flagCount = journal.redFlags(on: day).count
            var summary = dayRatings.isEmpty ? (journal.symptomRatings(on: day).isEmpty ? "–" : "no symptoms")
                : dayRatings.sorted { $0.grade > $1.grade }.map { "\(catalogue.name(of: $0.symptom).lowercased()) \($0.grade)" }
                    .joined(separator: ", ")
            if flagCount > 0 { summary = "RED FLAG · " + summary }
            lines.plain("   " + DisplayWidth.fit(DateText.short(day), to: 16) + summary,
                        style: flagCount > 0 ? .warning : .plain)
        }

        lines.draw(into: &canvas, rows: Chrome.bodyRows(height: canvas.height))
        Chrome.drawHints(readOnlyReason == nil ? hints : [("q", "quit")], into: &canvas)
    }
}

/// Lines of a simple screen body, drawn top-down and cut at the bottom.
struct SectionedText {
    private(set) var lines: [(String, Style)] = []

    mutating func heading(_ text: String, style: Style = .bold) { lines.append((" " + text, style)) }
    mutating func plain(_ text: String, style: Style = .plain) { lines.append((text, style)) }
    mutating func blank() { lines.append(("", .plain)) }

    mutating func symptom(_ rating: SymptomRating, catalogue: SymptomCatalogue, width: Int) {
        let name = DisplayWidth.fit(catalogue.name(of: rating.symptom), to: 26)
        let label = DisplayWidth.fit("\(rating.grade)  " + catalogue.label(forGrade: rating.grade), to: 26)
        let note = rating.note.map { DisplayWidth.truncate($0, to: max(0, width - 56)) } ?? ""
        lines.append(("   " + name + label + note, rating.grade >= 3 ? .warning : .plain))
    }

    func draw(into canvas: inout Canvas, rows: Range<Int>) {
        for (offset, line) in lines.enumerated() {
            let row = rows.lowerBound + 1 + offset
            guard row < rows.upperBound else { break }
            canvas.put(line.0, row: row, column: 0, style: line.1, maxWidth: canvas.width)
        }
    }
}
