import Foundation
import Testing
@testable import JournalCore

/// Appointments and results pulled from the journal, their ids, and trends.
@Suite("Lab records")
struct LabRecordsTests {
    let recorded = Date(timeIntervalSince1970: 1_795_731_005)
    func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    func journal(_ changes: [JournalChange]) -> Journal {
        var journal = Journal()
        for change in changes {
            journal.apply(change.entry(after: journal.revisionNumber(of: change.id), recordedAt: recorded))
        }
        return journal
    }

    func result(_ d: String, _ result: LabResult) -> JournalChange {
        .put(LabResult.entryID(day: day(d), test: result.test), day: day(d), body: .labResult(result))
    }

    func appointment(_ d: String, _ appointment: LabAppointment) -> JournalChange {
        .put(LabAppointment.entryID(day: day(d), what: appointment.what), day: day(d), body: .labAppointment(appointment))
    }

    @Test("ids say what and when: one result per test per specimen day, one appointment per kind per day")
    func ids() {
        #expect(LabResult.entryID(day: day("2026-11-26"), test: .totalCholesterol).rawValue == "lab-result-2026-11-26-total-cholesterol")
        #expect(LabAppointment.entryID(day: day("2026-12-01"), what: .lipidsAndLiver).rawValue == "appointment-2026-12-01-lipids-liver")
        #expect(LabFlagSettings.entryID.rawValue == "lab-flag-settings")
        // Entering the same test on the same day again is a correction of one record.
        let corrected = journal([result("2026-11-26", .measured(.ldl, 130, .milligramsPerDeciliter)),
                                 result("2026-11-26", .measured(.ldl, 103, .milligramsPerDeciliter))])
        #expect(corrected.labRecords.results.map(\.result.value) == [103])
        #expect(corrected.history(of: LabResult.entryID(day: day("2026-11-26"), test: .ldl)).count == 2)
    }

    @Test("upcoming is scheduled from today on, soonest first; everything else is past, newest first")
    func upcomingAndPast() {
        let records = journal([
            appointment("2026-12-10", LabAppointment(what: .prescriberVisit)),
            appointment("2026-11-26", LabAppointment(what: .lipids, minuteOfDay: 8 * 60 + 30)),
            appointment("2026-11-26", LabAppointment(what: .pregnancyTest, setting: .clinic)),
            appointment("2026-11-20", LabAppointment(what: .liver)),
            appointment("2026-11-01", LabAppointment(what: .pharmacyPickup, status: .done)),
            appointment("2026-12-20", LabAppointment(what: .lipids, status: .missed)),
        ]).labRecords
        let today = day("2026-11-26")
        #expect(records.upcoming(today: today).map(\.id.rawValue) == [
            "appointment-2026-11-26-pregnancy-test", "appointment-2026-11-26-lipids", "appointment-2026-12-10-prescriber-visit"])
        #expect(records.past(today: today).map(\.id.rawValue) == [
            "appointment-2026-12-20-lipids", "appointment-2026-11-20-liver", "appointment-2026-11-01-pharmacy-pickup"])
        #expect(records.past(today: today)[1].needsMarking(today: today))
        #expect(records.appointments(of: .lipids).count == 2)
    }

    @Test("lipid draws are fasting unless told otherwise; other appointments are not")
    func fastingDefaults() {
        #expect(LabAppointment(what: .lipids).fasting)
        #expect(LabAppointment(what: .lipidsAndLiver).fasting)
        #expect(!LabAppointment(what: .liver).fasting)
        #expect(!LabAppointment(what: .lipids, fasting: false).fasting)
        #expect(LabAppointment(what: .pregnancyTest, fasting: true).fasting)
    }

    @Test("results carry their flags, judged with the patient's own limits")
    func resultsWithFlags() {
        let own = LabFlagSettings(limits: ["triglycerides-tell": 300])
        let records = journal([
            result("2026-11-01", .measured(.triglycerides, 350, .milligramsPerDeciliter)),
            .put(LabFlagSettings.entryID, day: day("2026-11-02"), body: .labFlagSettings(own)),
        ]).labRecords
        #expect(records.settings == own)
        #expect(records.results.first?.highestFlag?.level == .tell)
        #expect(records.results.first?.highestFlag?.isOverridden == true)
    }

    @Test("pregnancy tests by specimen date, and the latest on or before a day (for the monthly checklist)")
    func pregnancyTests() {
        let records = journal([
            result("2026-11-20", .pregnancyTest(.negative, setting: .clinic)),
            result("2026-10-20", .pregnancyTest(.negative, setting: .clinic)),
            result("2026-10-21", .measured(.alt, 30, .unitsPerLiter)),
        ]).labRecords
        #expect(records.pregnancyTests.map(\.day) == [day("2026-10-20"), day("2026-11-20")])
        #expect(records.latestPregnancyTest(onOrBefore: day("2026-11-19"))?.day == day("2026-10-20"))
        #expect(records.latestPregnancyTest(onOrBefore: day("2026-11-20"))?.result.outcome == .negative)
        #expect(records.latestPregnancyTest(onOrBefore: day("2026-10-19")) == nil)
    }

    @Test("the preferred lipid unit: the patient's choice, else the unit entered most")
    func preferredUnit() {
        let mmol = journal([result("2026-11-01", .measured(.triglycerides, 1.2, .millimolesPerLiter)),
                            result("2026-11-01", .measured(.hdl, 1.3, .millimolesPerLiter)),
                            result("2026-10-01", .measured(.ldl, 100, .milligramsPerDeciliter))])
        #expect(mmol.labRecords.preferredLipidUnit == .millimolesPerLiter)
        #expect(Journal().labRecords.preferredLipidUnit == .milligramsPerDeciliter)
        let chosen = journal([result("2026-11-01", .measured(.triglycerides, 1.2, .millimolesPerLiter)),
                              .put(LabFlagSettings.entryID, day: day("2026-11-01"),
                                   body: .labFlagSettings(LabFlagSettings(preferredLipidUnit: .milligramsPerDeciliter)))])
        #expect(chosen.labRecords.preferredLipidUnit == .milligramsPerDeciliter)
        #expect(chosen.labRecords.displayUnit(for: .alt) == .unitsPerLiter)
        #expect(chosen.labRecords.displayUnit(for: .pregnancy) == nil)
    }

    @Test("a trend converts every value to one unit and measures the change from the baseline")
    func trend() throws {
        let records = journal([
            result("2026-06-01", .measured(.triglycerides, 88.57, .milligramsPerDeciliter)), // 1 mmol/L
            result("2026-09-01", .measured(.triglycerides, 2.5, .millimolesPerLiter)),
            result("2026-11-01", .measured(.triglycerides, 3, .millimolesPerLiter)),
        ]).labRecords
        let mmol = try #require(LabTrend(test: .triglycerides, results: records.results, unit: .millimolesPerLiter))
        #expect(mmol.points.map(\.value) == [1, 2.5, 3])
        #expect(mmol.points[0].entered?.unit == .milligramsPerDeciliter && mmol.points[1].entered == nil)
        #expect(mmol.changeFromBaseline == 2)
        #expect(mmol.percentChangeFromBaseline == 200)
        #expect(LabTrend.changeText(2, percent: 200, unit: .millimolesPerLiter) == "+2 mmol/L (+200%)")
        #expect(LabTrend.changeText(-0.4, percent: -12.4, unit: .millimolesPerLiter) == "−0.4 mmol/L (−12%)")
        #expect(LabTrend.changeText(0.001, percent: nil, unit: .millimolesPerLiter) == "no change")
        let mg = try #require(LabTrend(test: .triglycerides, results: records.results, unit: .milligramsPerDeciliter))
        #expect(abs(mg.changeFromBaseline! - 177.14) < 1e-9)
        #expect(LabTrend(test: .pregnancy, results: records.results, unit: .unitsPerLiter) == nil)
        #expect(LabTrend(test: .alt, results: records.results, unit: .millimolesPerLiter) == nil)
        let single = LabTrend(test: .ldl, results: [], unit: .milligramsPerDeciliter)!
        #expect(single.points.isEmpty && single.changeFromBaseline == nil)
    }

    @Test("one line of plain words for show and history")
    func descriptions() {
        let zone = TimeZone(identifier: "UTC")!
        let entries = journal([
            result("2026-11-01", LabResult(test: .triglycerides, value: 6.2, unit: .millimolesPerLiter, fasting: true)),
            appointment("2026-12-01", LabAppointment(what: .lipids, minuteOfDay: 510, note: "Main St")),
        ]).currentEntries.sorted { $0.day < $1.day }
        #expect(EntryDescription.line(entries[0], timeZone: zone)
            == "Triglycerides 6.2 mmol/L (549 mg/dL), fasting — TELL PRESCRIBER (≥ 500 mg/dL (5.65 mmol/L))")
        #expect(EntryDescription.line(entries[1], timeZone: zone) == "Blood draw: lipids (fasting) at 08:30: scheduled — Main St")
    }
}
