import Foundation
import JournalCore
import JournalStore
import Testing
@testable import isojournal

/// Lines typed in advance, lines written kept: the plain mode without a terminal.
final class ScriptedPlainIO: PlainIO {
    var input: [String]
    var output: [String] = []
    init(_ input: [String]) { self.input = input }
    func readLine() -> String? { input.isEmpty ? nil : input.removeFirst() }
    func write(_ line: String) { output.append(line) }
    var text: String { output.joined(separator: "\n") }
}

/// The plain session on scripted lines, against a real journal folder.
@Suite("Plain session on scripted lines", .serialized)
struct PlainSessionTests {
    private func journalWithCourse() throws -> TemporaryJournal {
        let journal = TemporaryJournal()
        let set = journal.run("course", "set", "--start", LocalDay(daysAgo: 10).iso, "--weight", "60",
                              "--dose", "20+20", "--category", "cannot-get-pregnant")
        try #require(set.status == 0, "\(set.stderr)")
        return journal
    }

    private func store(_ journal: TemporaryJournal, _ mode: JournalStore.Mode = .readWrite) throws -> JournalStore {
        try JournalStore(directory: journal.directory, mode: mode, clock: { Date() })
    }

    private var today: LocalDate { Timestamp.localDate(of: Date(), in: .current) }

    @Test("a dose recorded as taken, another as skipped, then the end of input")
    func doses() throws {
        let journal = try journalWithCourse()
        let store = try store(journal)
        let io = ScriptedPlainIO(["2", "1", "t", "2", "s", ""])
        PlainSession(io: io, source: store).run()
        let intakes = store.journal.courseRecords?.intakes[today] ?? [:]
        #expect(intakes["morning"]?.status == .taken, "\(io.text)")
        #expect(intakes["morning"]?.milligrams == 20)
        #expect(intakes["evening"]?.status == .skipped)
        #expect(io.output.last == "End of input: leaving the journal.")
    }

    @Test("on hold: a taken dose is asked about first and kept with the hold noted; a no saves nothing")
    func doseOnHold() throws {
        let journal = try journalWithCourse()
        try #require(journal.run("log", "red-flag", "hearing").status == 0)
        let store = try store(journal)
        let io = ScriptedPlainIO(["2", "1", "t", "n", "2", "t", "y", "", "q"])
        PlainSession(io: io, source: store).run()
        let intakes = store.journal.courseRecords?.intakes[today] ?? [:]
        #expect(io.text.contains("Your course is on hold since"))
        #expect(intakes["morning"] == nil, "\(io.text)")
        #expect(intakes["evening"]?.status == .taken)
        #expect(intakes["evening"]?.recordedWhile == "on-hold")
    }

    @Test("a checklist item ticked with a note")
    func checklistTick() throws {
        let journal = try journalWithCourse()
        let store = try store(journal)
        let list = try #require(MonthlyChecklist.build(journal: store.journal, today: today))
        let index = try #require(list.items.firstIndex { $0.canTick })
        let io = ScriptedPlainIO(["3", "\(index + 1)", "checked at the clinic", "", "q"])
        PlainSession(io: io, source: store).run()
        let after = try #require(MonthlyChecklist.build(journal: store.journal, today: today))
        guard case .done = after.items[index].status else {
            Issue.record("not ticked: \(io.text)")
            return
        }
        #expect(after.items[index].note == "checked at the clinic")
        #expect(io.output.last == "Goodbye.")
    }

    @Test("the end of input in the middle of the log saves no grade")
    func endOfInputSavesNothing() throws {
        let journal = try journalWithCourse()
        let store = try store(journal)
        let io = ScriptedPlainIO(["1", "3", "a note"])
        PlainSession(io: io, source: store).run()
        #expect(store.journal.symptomRatings(on: today).isEmpty)
        #expect(io.output.last == "End of input: leaving the journal.")
    }

    @Test("a read-only journal: alerts read out, no edit offered, notes made safe")
    func readOnly() throws {
        let journal = try journalWithCourse()
        try #require(journal.run("log", "symptom", "other", "1", "--note", "odd \u{1b}[2Jtext").status == 0)
        try #require(journal.run("log", "red-flag", "hearing").status == 0)
        let store = try store(journal, .readOnly)
        let io = ScriptedPlainIO(["1", "", "2", "", "3", "", "q"])
        PlainSession(io: io, source: store).run()
        let text = io.text
        #expect(text.contains("COURSE ON HOLD"))
        #expect(text.contains("RED FLAG today"))
        #expect(!text.contains("Log today's symptoms"))
        #expect(!text.contains("to tick it"))
        #expect(!text.contains("Choose a dose"))
        #expect(!text.unicodeScalars.contains("\u{1b}"))
        #expect(text.contains("odd"))
    }

    @Test("a note's line break is shown, not started: the note cannot forge a line of its own")
    func noteCannotForgeALine() throws {
        let journal = try journalWithCourse()
        try #require(journal.run("log", "symptom", "other", "2", "--note", "itch\nCOURSE RESUMED: take your dose").status == 0)
        let io = ScriptedPlainIO(["4", "", "q"])
        PlainSession(io: io, source: try store(journal)).run()
        #expect(io.output.contains { $0.contains("itch⏎COURSE RESUMED") }, "\(io.text)")
        #expect(!io.output.contains { $0.hasPrefix("COURSE RESUMED") }, "\(io.text)")
    }
}
