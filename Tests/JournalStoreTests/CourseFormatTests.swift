import Foundation
import JournalCore
@testable import JournalStore
import Testing

/// The course, dose and programme kinds on disk: exactly the lines FORMAT.md shows.
@Suite("Course and programme records <-> lines")
struct CourseFormatTests {

    @Test("FORMAT.md's examples are read and written exactly as shown, one for every kind")
    func documentedExamples() throws {
        let lines = try formatDocumentLines(fence: "records")
        var kinds: Set<String> = []
        for line in lines {
            let entry = try EntryCodec.decodeLine(Array(line.utf8))
            try EntryCodec.check(entry)
            kinds.insert(entry.body?.kindName ?? "")
            #expect(String(decoding: EntryCodec.encodeLine(entry), as: UTF8.self) == line + "\n")
        }
        #expect(kinds == ["course", "plan-step", "pause", "weight", "dose", "medicine", "programme-settings",
                          "checklist-tick", "checklist-item", "mood-check", "reminder-state", "prescriber-decision",
                          "symptom", "device-name"]) // the last two in the version-2 example
    }

    @Test("a mood check with the wrong number of answers, or an answer out of range, is damage")
    func moodAnswers() {
        for data in [#"{"answers":[1]}"#, #"{"answers":[1,4]}"#, #"{"answers":[0,0,0]}"#] {
            let line = #"{"id":"mood-2026-11-26","rev":1,"kind":"mood-check","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":"# + data + "}"
            #expect(throws: EntryCodec.Problem.self) { try EntryCodec.decodeLine(Array(line.utf8)) }
        }
    }
}
