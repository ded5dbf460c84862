import Foundation
import JournalCore

/// A small journal for the history screens, built by hand so every line on screen can be
/// checked against it: a course from Mon 2 Nov 2026 (20 + 20 mg, 61 kg), chapped lips graded
/// most days of November, a flagged triglyceride result, a skipped dose, a red flag, a
/// positive mood check, a corrected grade and a withdrawn entry. "Now" is the driver's
/// Thu 26 Nov 2026 09:30 in London.
enum HistoryFixture {
    static let zone = ScreenDriver.zone
    static let start = LocalDate(iso: "2026-11-02")!

    static func day(_ text: String) -> LocalDate { LocalDate(iso: "2026-11-" + text)! }

    static func at(_ day: LocalDate, _ hour: Int, _ minute: Int = 0) -> Date {
        Timestamp.instant(of: day, minuteOfDay: hour * 60 + minute, in: zone)
    }

    static func journal() -> Journal {
        var journal = Journal()
        func add(_ id: EntryID, _ day: LocalDate, _ body: EntryBody?, written: Date, at time: Date? = nil, reason: String? = nil) {
            journal.apply(Entry(id: id, revision: journal.revisionNumber(of: id) + 1, recordedAt: written, day: day,
                                occurredAt: time, occurredOffsetSeconds: time.map { zone.secondsFromGMT(for: $0) }, body: body, reason: reason))
        }
        let setup = at(day("01"), 19)
        add(CourseSettings.entryID, start, .course(CourseSettings(startDate: start, patientCategory: .cannotGetPregnant)), written: setup)
        add(DoseStep.entryID(startDate: start), start, .doseStep(DoseStep(startDate: start, cycle: [[20, 20]])), written: setup)
        add(WeightMeasurement.entryID(day: start), start, .weight(WeightMeasurement(value: 61, unit: .kilograms)), written: setup)
        // Chapped lips rising to 3 on the 25th; some days not logged.
        let lips = ["10": 1, "11": 1, "12": 2, "13": 1, "16": 2, "17": 2, "18": 2, "19": 3, "20": 2, "23": 2, "24": 2, "25": 3]
        for (text, grade) in lips.sorted(by: { $0.key < $1.key }) {
            let d = day(text)
            add(SymptomRating.entryID(day: d, symptom: "chapped-lips"), d,
                .symptom(SymptomRating(symptom: "chapped-lips", grade: grade, note: text == "24" ? "cracked corners" : nil)), written: at(d, 21))
        }
        add(SymptomRating.entryID(day: day("24"), symptom: "dry-skin"), day("24"), .symptom(SymptomRating(symptom: "dry-skin", grade: 1)),
            written: at(day("24"), 21))
        // A withdrawn entry.
        add(SymptomRating.entryID(day: day("23"), symptom: "nosebleed"), day("23"), .symptom(SymptomRating(symptom: "nosebleed", grade: 1)),
            written: at(day("23"), 21, 5))
        add(SymptomRating.entryID(day: day("23"), symptom: "nosebleed"), day("23"), nil, written: at(day("24"), 8), reason: "logged by mistake")
        // Doses on the 24th: the morning taken, the evening skipped.
        add(DoseIntake.entryID(day: day("24"), slot: "morning"), day("24"),
            .dose(DoseIntake(slot: "morning", status: .taken, milligrams: 20, withFood: true)), written: at(day("24"), 8, 6), at: at(day("24"), 8, 5))
        add(DoseIntake.entryID(day: day("24"), slot: "evening"), day("24"),
            .dose(DoseIntake(slot: "evening", status: .skipped, milligrams: nil, withFood: nil)), written: at(day("24"), 21))
        // A flagged lab on the 20th.
        add(LabResult.entryID(day: day("20"), test: .triglycerides), day("20"),
            .labResult(.measured(.triglycerides, 6.2, .millimolesPerLiter, fasting: true)), written: at(day("21"), 9))
        // The 25th: a red flag and a mood check that steps up.
        add(SymptomRating.entryID(day: day("25"), symptom: "headache"), day("25"), .symptom(SymptomRating(symptom: "headache", grade: 3)),
            written: at(day("25"), 21))
        add(RedFlagReport.entryID(day: day("25"), flag: "raised-pressure-headache"), day("25"),
            .redFlag(RedFlagReport(flag: "raised-pressure-headache", noticeShown: "STOP", acknowledgedAt: at(day("25"), 21, 2))),
            written: at(day("25"), 21, 2))
        add(MoodCheck.entryID(day: day("25")), day("25"), .moodCheck(MoodCheck(answers: [2, 1, 1, 1, 0, 1, 1, 0, 0])), written: at(day("25"), 21, 10))
        // The prescriber said to continue early this morning (the hold covered no intake).
        add(PrescriberDecision.entryID(decidedAt: at(day("26"), 7, 30)), day("26"),
            .prescriberDecision(PrescriberDecision(outcome: .continueCourse, decidedBy: "Dr Rao", decidedAt: at(day("26"), 7, 30),
                                                   resolves: [RedFlagReport.entryID(day: day("25"), flag: "raised-pressure-headache")])),
            written: at(day("26"), 7, 30))
        // This morning: a dose, and yesterday's lips corrected.
        add(DoseIntake.entryID(day: day("26"), slot: "morning"), day("26"),
            .dose(DoseIntake(slot: "morning", status: .taken, milligrams: 20, withFood: true)), written: at(day("26"), 8, 11), at: at(day("26"), 8, 10))
        add(SymptomRating.entryID(day: day("24"), symptom: "chapped-lips"), day("24"),
            .symptom(SymptomRating(symptom: "chapped-lips", grade: 3, note: "cracked and bleeding")), written: at(day("26"), 9), reason: "worse than I said")
        return journal
    }
}
