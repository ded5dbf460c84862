import Foundation
import JournalCore

/// The daily log, one question at a time: each symptom's grade and note, then the red-flag
/// questions. A yes shows the notice at once and saves it, with the time it was read, as the
/// full-screen form does; the grades are saved together at the end, after a last yes.
extension PlainSession {
    func symptomLog() throws(EndOfInput) {
        guard canEdit else { return }
        let day = today
        let catalogue = SymptomCatalogue.shipped
        let saved = Dictionary(journal.symptomRatings(on: day).map { ($0.symptom, $0) }, uniquingKeysWith: { _, last in last })
        io.say("Daily log for \(PlainText.day(day)).")
        io.say("Grade each symptom by how much it limited your day: "
            + catalogue.scale.map { "\($0.grade) \($0.label)" }.joined(separator: ", ") + ".")
        io.say("An empty line leaves a symptom as it is; q stops grading and goes on to the red-flag questions.")
        var ratings: [SymptomRating] = []
        symptoms: for symptom in catalogue.symptoms {
            let before = saved[symptom.slug]
            let now = before.map { " (now \($0.grade), \(catalogue.label(forGrade: $0.grade)))" } ?? ""
            var grade: Int?
            while grade == nil {
                let answer = try io.ask("\(symptom.name)\(now): grade 0 to 3?")
                if answer.isEmpty { continue symptoms }
                if answer.lowercased() == "q" { break symptoms }
                if let value = Int(answer), SymptomRating.grades.contains(value) { grade = value } else {
                    io.say("'\(answer)' is not 0, 1, 2 or 3.")
                }
            }
            guard let grade else { continue }
            let note = try askNote(for: symptom, grade: grade, before: before?.note)
            let rating = SymptomRating(symptom: symptom.slug, grade: grade, note: note)
            if rating != before { ratings.append(rating) }
        }
        try redFlagQuestions(day: day)
        guard !ratings.isEmpty else {
            io.say("No symptom grade changed; nothing more to save.")
            return
        }
        let summary = ratings.map { "\(catalogue.name(of: $0.symptom)) \($0.grade)" + ($0.note.map { " (note: \($0))" } ?? "") }
        guard try io.askYesNo("Save these grades for \(day.iso): \(summary.joined(separator: "; "))?") == true else {
            io.say("Not saved: the grades were discarded.")
            return
        }
        save(done: "Saved \(ratings.count) symptom grade\(ratings.count == 1 ? "" : "s") for \(day.iso).") { _ in
            ratings.map { .put(SymptomRating.entryID(day: day, symptom: $0.symptom), day: day, body: .symptom($0)) }
        }
    }

    /// The note, optional except where the catalogue asks for a description ("other").
    private func askNote(for symptom: SymptomCatalogue.Symptom, grade: Int, before: String?) throws(EndOfInput) -> String? {
        let keep = before.map { " An empty line keeps \"\($0)\"; a single minus sign removes it." } ?? " An empty line for none."
        while true {
            let answer = try io.ask("Note for \(symptom.name)?" + keep)
            let note: String? = answer.isEmpty ? before : (answer == "-" ? nil : answer)
            if SymptomRating(symptom: symptom.slug, grade: grade, note: note).problem(symptom) == .needsDescription {
                io.say("Say what \"\(symptom.name)\" is: a note is needed.")
                continue
            }
            return note
        }
    }

    /// Each red-flag question not already answered yes today. Unanswered is not "no": nothing
    /// is saved for a no or an empty line.
    private func redFlagQuestions(day: LocalDate) throws(EndOfInput) {
        let catalogue = RedFlagCatalogue.shipped
        let flags = catalogue.flags(for: journal.courseRecords?.settings.patientCategory)
        let already = Set(journal.redFlags(on: day).map(\.flag))
        io.say("Red-flag questions, \(flags.count):")
        for (index, flag) in flags.enumerated() {
            if already.contains(flag.id) {
                io.say("\(index + 1). \(flag.question) Already answered yes today.")
                continue
            }
            guard try io.askYesNo("\(index + 1). \(flag.question)") == true else { continue }
            let paragraphs = catalogue.noticeParagraphs(for: flag.id, crisisLine: journal.programmeSettings.crisisLine)
            io.say("NOTICE:")
            paragraphs.forEach { io.say($0) }
            // Read first, then saved at once, with the time it was read (nil if input ended first).
            var readAt: Date?
            while readAt == nil {
                guard let line = io.readLineAfter("Type c and press Enter once you have read this notice.") else { break }
                if line.lowercased() == "c" { readAt = clock() }
            }
            let report = RedFlagReport(flag: flag.id, noticeShown: paragraphs.joined(separator: "\n"), acknowledgedAt: readAt)
            save(done: "Saved: red flag '\(flag.id)' on \(day.iso). The course is on hold until your prescriber's decision is recorded.") { _ in
                [.put(RedFlagReport.entryID(day: day, flag: flag.id), day: day, body: .redFlag(report))]
            }
            if readAt == nil { throw EndOfInput() }
        }
    }
}

extension PlainIO {
    /// A prompt and the raw answer, nil at the end of input (for a step that must finish first).
    func readLineAfter(_ prompt: String) -> String? {
        say(prompt)
        return readLine()?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
