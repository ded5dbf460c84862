import Foundation
import Testing
import JournalCore

/// A week in November 2026 by hand: course from Mon 2 Nov at 20 + 20 mg, 50 kg (so each 20 mg
/// dose is 0.4 mg/kg), in UTC.
struct HistoryJournal {
    static let zone = TimeZone(identifier: "UTC")!
    static func d(_ day: Int) -> LocalDate { LocalDate(year: 2026, month: 11, day: day)! }
    static func at(_ day: Int, _ hour: Int) -> Date { Timestamp.instant(of: d(day), minuteOfDay: hour * 60, in: zone) }

    var journal = Journal()

    mutating func add(_ id: EntryID, _ day: LocalDate, _ body: EntryBody?, written: Date, reason: String? = nil) {
        journal.apply(Entry(id: id, revision: journal.revisionNumber(of: id) + 1, recordedAt: written, day: day, body: body, reason: reason))
    }

    static func make() -> HistoryJournal {
        var h = HistoryJournal()
        let start = d(2)
        h.add(CourseSettings.entryID, start, .course(CourseSettings(startDate: start, patientCategory: .cannotGetPregnant)), written: at(1, 19))
        h.add(DoseStep.entryID(startDate: start), start, .doseStep(DoseStep(startDate: start, cycle: [[20, 20]])), written: at(1, 19))
        h.add(WeightMeasurement.entryID(day: start), start, .weight(WeightMeasurement(value: 50, unit: .kilograms)), written: at(1, 19))
        for day in 2...8 {
            for slot in ["morning", "evening"] where !(day == 4 && slot == "evening") && !(day == 6) {
                h.add(DoseIntake.entryID(day: d(day), slot: slot), d(day),
                      .dose(DoseIntake(slot: slot, status: .taken, milligrams: 20, withFood: true)), written: at(day, 21))
            }
        }
        h.add(DoseIntake.entryID(day: d(4), slot: "evening"), d(4), .dose(DoseIntake(slot: "evening", status: .skipped, milligrams: nil, withFood: nil)),
              written: at(4, 21))
        for (day, grade) in [(2, 0), (3, 1), (4, 1), (5, 2), (9, 3), (10, 2), (11, 2), (12, 1)] {
            h.add(SymptomRating.entryID(day: d(day), symptom: "chapped-lips"), d(day),
                  .symptom(SymptomRating(symptom: "chapped-lips", grade: grade, note: day == 5 ? "Cracked corners" : nil)), written: at(day, 21))
        }
        h.add(LabResult.entryID(day: d(5), test: .triglycerides), d(5), .labResult(.measured(.triglycerides, 560, .milligramsPerDeciliter)),
              written: at(6, 9))
        h.add(RedFlagReport.entryID(day: d(9), flag: "hearing"), d(9), .redFlag(RedFlagReport(flag: "hearing", noticeShown: "STOP", acknowledgedAt: at(9, 22))),
              written: at(9, 22))
        // The prescriber said to continue the next morning, before any dose was due (the hold covered no intake).
        h.add(PrescriberDecision.entryID(decidedAt: at(10, 7)), d(10),
              .prescriberDecision(PrescriberDecision(outcome: .continueCourse, decidedBy: "Dr Rao", decidedAt: at(10, 7),
                                                     resolves: [RedFlagReport.entryID(day: d(9), flag: "hearing")])), written: at(10, 7))
        h.add(MoodCheck.entryID(day: d(10)), d(10), .moodCheck(MoodCheck(answers: [1, 0, 0, 0, 0, 0, 0, 0, 1])), written: at(10, 21))
        h.add(PrescriberDecision.entryID(decidedAt: at(11, 7)), d(11),
              .prescriberDecision(PrescriberDecision(outcome: .continueCourse, decidedBy: "Dr Rao", decidedAt: at(11, 7),
                                                     resolves: [MoodCheck.entryID(day: d(10))])), written: at(11, 7))
        // A grade corrected, and an entry withdrawn.
        h.add(SymptomRating.entryID(day: d(5), symptom: "chapped-lips"), d(5),
              .symptom(SymptomRating(symptom: "chapped-lips", grade: 3, note: "Cracked corners")), written: at(6, 8), reason: "it was worse")
        h.add(SymptomRating.entryID(day: d(7), symptom: "rash"), d(7), .symptom(SymptomRating(symptom: "rash", grade: 1)), written: at(7, 21))
        h.add(SymptomRating.entryID(day: d(7), symptom: "rash"), d(7), nil, written: at(8, 8), reason: "meant dry skin")
        return h
    }
}

@Suite("History: timeline, filters, edit history, series")
struct HistoryCoreTests {
    let journal = HistoryJournal.make().journal
    let zone = HistoryJournal.zone
    func d(_ day: Int) -> LocalDate { HistoryJournal.d(day) }

    @Test("the timeline runs newest day first, keeps a withdrawn record marked and marks what stands out")
    func timeline() throws {
        let days = Timeline.build(journal: journal, timeZone: zone)
        #expect(days.first?.day == d(12))
        #expect(days.map(\.day) == days.map(\.day).sorted(by: >))
        let ninth = try #require(days.first { $0.day == d(9) })
        #expect(ninth.courseDay == 8)
        #expect(ninth.rows.map(\.alert?.level) == [nil, .alarm])
        let tenth = try #require(days.first { $0.day == d(10) })
        #expect(tenth.rows.last?.alert == RecordAlert(level: .alarm, label: "SELF-HARM ANSWERED"))
        let seventh = try #require(days.first { $0.day == d(7) })
        let rash = try #require(seventh.rows.first { $0.id.rawValue.hasSuffix("rash") })
        #expect(rash.isWithdrawn)
        #expect(rash.description == "withdrawn: Rash 1 (noticeable) (meant dry skin)")
        let fifth = try #require(days.first { $0.day == d(5) })
        #expect(fifth.rows.first { $0.content.kind == .labResult }?.alert == RecordAlert(level: .tell, label: "TELL PRESCRIBER"))
        #expect(fifth.rows.first { $0.content.kind == .symptom }?.wasChanged == true)
        let fourth = try #require(days.first { $0.day == d(4) })
        #expect(fourth.rows.contains { $0.alert == RecordAlert(level: .notice, label: "skipped") })
    }

    @Test("filters: a date range, one kind, flagged only, words in notes (any case)")
    func filters() {
        func ids(_ filter: HistoryFilter) -> [String] {
            Timeline.build(journal: journal, filter: filter, timeZone: zone).flatMap(\.rows).map(\.id.rawValue)
        }
        #expect(ids(HistoryFilter(flaggedOnly: true)) == ["mood-2026-11-10", "red-flag-2026-11-09-hearing", "lab-result-2026-11-05-triglycerides"])
        #expect(ids(HistoryFilter(from: d(11), to: d(12), group: .symptoms)) == ["symptom-2026-11-12-chapped-lips", "symptom-2026-11-11-chapped-lips"])
        #expect(ids(HistoryFilter(search: "cracked")) == ["symptom-2026-11-05-chapped-lips"])
        #expect(ids(HistoryFilter(search: "DRY SKIN")) == ["symptom-2026-11-07-rash"], "a withdrawal's reason is searched too")
        #expect(ids(HistoryFilter(group: .doses)).count == 12)
        #expect(HistoryFilter(from: d(3), group: .labs, flaggedOnly: true, search: "x").summary
                == "2026-11-03 to now · labs · flagged only · notes with \"x\"")
        #expect(HistoryFilter().summary == "everything")
    }

    @Test("the edit history lists every revision with what it changed")
    func editHistory() {
        let lips = RevisionDiff.history(of: SymptomRating.entryID(day: d(5), symptom: "chapped-lips"), in: journal, timeZone: zone)
        #expect(lips.map(\.entry.revision) == [1, 2])
        #expect(lips[0].changes == ["recorded: Chapped lips 2 (limits some activities): Cracked corners"])
        #expect(lips[1].changes == ["grade: 2 → 3", "reason: it was worse"])
        let rash = RevisionDiff.history(of: SymptomRating.entryID(day: d(7), symptom: "rash"), in: journal, timeZone: zone)
        #expect(rash[1].changes == ["withdrawn: meant dry skin"])
        let noteAdded = RevisionDiff.changes(
            from: Entry(id: EntryID("x"), revision: 1, recordedAt: .now, day: d(1), body: .symptom(SymptomRating(symptom: "rash", grade: 1))),
            to: Entry(id: EntryID("x"), revision: 2, recordedAt: .now, day: d(2), body: .symptom(SymptomRating(symptom: "rash", grade: 1, note: "itchy"))),
            timeZone: zone)
        #expect(noteAdded == ["day: 2026-11-01 → 2026-11-02", "note: added \"itchy\""])
    }

    @Test("a symptom's weeks, worst and latest grade and direction")
    func symptomSeries() throws {
        let series = SymptomSeries(symptom: "chapped-lips", journal: journal)
        let weeks = series.weeklyWorst(from: d(2), to: d(15))
        #expect(weeks.map(\.week) == [d(2), d(9)])
        #expect(weeks.map(\.grade) == [3, 3])
        #expect(series.weeklyWorst(from: d(16), to: d(22)).map(\.grade) == [nil])
        let summary = try #require(series.summary(from: d(2), to: d(12)))
        #expect(summary.worst.day == d(5) && summary.worst.grade == 3)
        #expect(summary.latest.day == d(12) && summary.latest.grade == 1)
        #expect(series.direction(from: d(2), to: d(5)) == .rising)
        #expect(series.direction(from: d(9), to: d(12)) == .settling)
        #expect(series.direction(from: d(2), to: d(3)) == .unknown)
        #expect(SymptomSeries.loggedSymptoms(in: journal) == ["chapped-lips"], "the withdrawn rash is not a logged symptom")
    }

    @Test("cumulative mg/kg day by day and adherence per course month, worked by hand")
    func courseSeries() throws {
        let records = try #require(journal.courseRecords)
        let totals = CourseSeries.cumulative(records, through: d(8))
        // 0.8 mg/kg a day; 0.4 on the 4th (evening skipped), 0 on the 6th.
        #expect(totals.map { ($0.cumulativeMgPerKg * 10).rounded() / 10 } == [0.8, 1.6, 2.0, 2.8, 2.8, 3.6, 4.4])
        let now = HistoryJournal.at(8, 23)
        let months = CourseSeries.adherenceByMonth(records, now: now, timeZone: zone)
        #expect(months.count == 1)
        #expect(months[0].adherence.planned == 14)
        #expect(months[0].adherence.taken == 11)
        #expect(months[0].adherence.skipped == 1)
        #expect(months[0].adherence.unrecorded == 2)
    }
}
