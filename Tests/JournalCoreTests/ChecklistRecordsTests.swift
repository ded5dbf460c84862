import Foundation
import Testing
@testable import JournalCore

/// Checklist items fill from the records they name; each pregnancy test belongs to one
/// course month; contraception items carry the method names. Dates worked by hand.
@Suite("Checklist items from the records")
struct ChecklistRecordsTests {
    let t0 = Date(timeIntervalSince1970: 1_795_000_000)
    func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    func journal(category: CourseSettings.PatientCategory = .canGetPregnant, methods: [String] = [],
                 extra: [(String, EntryID, EntryBody)]) -> Journal {
        var journal = Journal()
        func add(_ id: EntryID, _ d: LocalDate, _ body: EntryBody) {
            journal.apply(Entry(id: id, revision: journal.revisionNumber(of: id) + 1, recordedAt: t0, day: d, body: body))
        }
        // Course from Mon 2 Nov 2026: month 1 = 2 Nov .. 2 Nov + 29 = 1 Dec; month 2 = 2 Dec .. 31 Dec.
        let start = day("2026-11-02")
        add(CourseSettings.entryID, start, .course(CourseSettings(startDate: start, patientCategory: category)))
        add(DoseStep.entryID(startDate: start), start, .doseStep(DoseStep(startDate: start, cycle: [[20, 20]])))
        add(ProgrammeSettings.entryID, start, .programmeSettings(ProgrammeSettings(contraceptionMethods: methods)))
        for (d, id, body) in extra { add(id, day(d), body) }
        return journal
    }

    func result(_ d: String, _ result: LabResult) -> (String, EntryID, EntryBody) {
        (d, LabResult.entryID(day: day(d), test: result.test), .labResult(result))
    }

    func appointment(_ d: String, _ appointment: LabAppointment) -> (String, EntryID, EntryBody) {
        (d, LabAppointment.entryID(day: day(d), what: appointment.what), .labAppointment(appointment))
    }

    func item(_ j: Journal, month: Int, today: String, _ id: String) -> ChecklistItem {
        MonthlyChecklist.build(journal: j, month: month, today: day(today))!.items.first { $0.id == id }!
    }

    @Test("a lipid or liver result dated in the month ticks the blood draw; one of the next month does not")
    func bloodDrawFromResult() {
        let j = journal(extra: [result("2026-11-20", .measured(.triglycerides, 180, .milligramsPerDeciliter)),
                                result("2026-11-20", .measured(.alt, 30, .unitsPerLiter, upperLimitOfNormal: 40)),
                                result("2026-12-02", .measured(.ldl, 120, .milligramsPerDeciliter))])
        let month1 = item(j, month: 1, today: "2026-11-25", "blood-draw")
        #expect(month1.status == .done(day("2026-11-20")))
        #expect(month1.detail == "result of 2026-11-20: Triglycerides, ALT (liver)")
        // 2 Dec is month 2's first day, so that LDL is month 2's draw.
        #expect(item(j, month: 2, today: "2026-12-05", "blood-draw").status == .done(day("2026-12-02")))
        // A pregnancy test is not a blood draw.
        let onlyPregnancy = journal(extra: [result("2026-11-20", .pregnancyTest(.negative))])
        #expect(item(onlyPregnancy, month: 1, today: "2026-11-25", "blood-draw").status == .notApplicable)
    }

    @Test("a draw marked done ticks it even when a later one is still scheduled")
    func bloodDrawFromDoneAppointment() {
        let j = journal(extra: [appointment("2026-11-10", LabAppointment(what: .lipids, status: .done)),
                                appointment("2026-11-28", LabAppointment(what: .lipidsAndLiver))])
        let draw = item(j, month: 1, today: "2026-11-20", "blood-draw")
        #expect(draw.status == .done(day("2026-11-10")))
    }

    @Test("each pregnancy test belongs to one month: month N owns first − 7 .. first + 22")
    func oneMonthPerTest() {
        // Month 1 owns 2 Nov − 7 = 26 Oct .. 2 Nov + 22 = 24 Nov; month 2's look-back starts 2 Dec − 7 = 25 Nov.
        let late = journal(extra: [result("2026-11-25", .pregnancyTest(.negative))])
        #expect(item(late, month: 2, today: "2026-11-26", "pregnancy-test").status == .done(day("2026-11-25")))
        #expect(item(late, month: 1, today: "2026-11-26", "pregnancy-test").status == .due)
        let edge = journal(extra: [result("2026-11-24", .pregnancyTest(.negative))])
        #expect(item(edge, month: 1, today: "2026-11-26", "pregnancy-test").status == .done(day("2026-11-24")))
        #expect(item(edge, month: 2, today: "2026-11-26", "pregnancy-test").status != .done(day("2026-11-24")))
        // A positive test still alarms in every month it falls in.
        let positive = journal(extra: [result("2026-11-27", .pregnancyTest(.positive))])
        #expect(item(positive, month: 1, today: "2026-11-28", "pregnancy-test").status == .alarm)
        #expect(item(positive, month: 2, today: "2026-11-28", "pregnancy-test").status == .alarm)
    }

    @Test("contraception items carry the names from settings; unnamed ones say how to name them")
    func contraceptionNames() {
        let named = journal(methods: ["IUD", "condoms"], extra: [])
        #expect(item(named, month: 1, today: "2026-11-10", "contraception-1").title == "Contraception 1: IUD")
        #expect(item(named, month: 1, today: "2026-11-10", "contraception-2").title == "Contraception 2: condoms")
        #expect(!item(named, month: 1, today: "2026-11-10", "contraception-2").detail.contains("name it"))
        let unnamed = journal(extra: [])
        let first = item(unnamed, month: 1, today: "2026-11-10", "contraception-1")
        #expect(first.detail.hasSuffix("(name it: isojournal settings --contraception \"A,B\")"))
        let oneName = journal(methods: ["IUD"], extra: [])
        #expect(!item(oneName, month: 1, today: "2026-11-10", "contraception-1").detail.contains("name it"))
        #expect(item(oneName, month: 1, today: "2026-11-10", "contraception-2").detail.contains("name it"))
    }
}
