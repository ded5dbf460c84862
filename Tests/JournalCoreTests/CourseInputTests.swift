import Foundation
import Testing
@testable import JournalCore

@Suite("Course input, plans and dose checks")
struct CourseInputTests {
    let start = LocalDate(iso: "2026-11-02")!
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test("dose patterns", arguments: [
        ("20+20", 2, [[20.0, 20.0]]), ("40+0", 2, [[40.0, 0.0]]), ("40+0/40+40", 2, [[40.0, 0.0], [40.0, 40.0]]),
        ("40/80", 1, [[40.0], [80.0]]), ("20+20/40+40", 2, [[20.0, 20.0], [40.0, 40.0]]), ("40+0/0+0", 2, [[40.0, 0.0], [0.0, 0.0]]),
        ("20 mg + 20 mg", 2, [[20.0, 20.0]]), ("30", 1, [[30.0]]), ("10+10+20", 3, [[10.0, 10.0, 20.0]]),
    ])
    func patterns(text: String, slots: Int, expected: [[Double]]) {
        #expect(DosePattern.parse(text, slotCount: slots) == expected)
    }

    @Test("malformed patterns are refused", arguments: ["", "20+", "+20", "abc", "20+20+20", "0+0", "-20+0", "500+0", "20+20//20+20", "nan+0"])
    func badPatterns(text: String) {
        #expect(DosePattern.read(text, slotCount: 2) == .failure(.malformed))
    }

    @Test("a plan that can be read two ways is never guessed: '40/80' with two intake times is refused with both readings",
          arguments: ["40/80", "40", "40/40+40", "20+20/80"])
    func ambiguousPatterns(text: String) throws {
        guard case .failure(.ambiguous) = DosePattern.read(text, slotCount: 2) else {
            Issue.record("\(text) was read as \(DosePattern.read(text, slotCount: 2))")
            return
        }
        #expect(throws: CourseInputError.self) { try CourseInput.plan(text, slotCount: 2) }
        do throws(CourseInputError) { _ = try CourseInput.plan("40/80", slotCount: 2) } catch {
            #expect(error.message.contains("'40' could be 40+0 or 20+20"))
        }
    }

    @Test("pattern text names every intake time, and the confirmation spells out every slot of every day")
    func patternText() {
        #expect(DosePattern.text([[40, 0], [40, 40]]) == "40+0/40+40")
        #expect(DosePattern.text([[20, 20]]) == "20+20")
        #expect(DosePattern.spelledOut([[40, 0], [40, 40]], slots: IntakeSlot.twiceDaily)
                == "day 1: morning 40 mg, evening none; day 2: morning 40 mg, evening 40 mg")
        #expect(DosePattern.spelledOut([[20, 20]], slots: IntakeSlot.twiceDaily) == "every day: morning 20 mg, evening 20 mg")
    }

    @Test("dose checks: refuse the impossible, ask about the unusual")
    func doseChecks() {
        #expect(DoseCheck.check(milligrams: 20, otherTakenToday: 20, planned: 20, weightKilograms: 60, takenAt: now, now: now) == .fine)
        #expect(DoseCheck.check(milligrams: 0, otherTakenToday: 0, planned: 20, weightKilograms: 60, takenAt: now, now: now).isRefusal)
        #expect(DoseCheck.check(milligrams: -5, otherTakenToday: 0, planned: 20, weightKilograms: 60, takenAt: now, now: now).isRefusal)
        #expect(DoseCheck.check(milligrams: .nan, otherTakenToday: 0, planned: 20, weightKilograms: 60, takenAt: now, now: now).isRefusal)
        #expect(DoseCheck.check(milligrams: 20, otherTakenToday: 0, planned: 20, weightKilograms: 60,
                                takenAt: now.addingTimeInterval(3600), now: now).isRefusal)
        // 2 mg/kg/day at 60 kg is 120 mg: 100 + 40 = 140 mg is refused, 100 + 20 asks.
        #expect(DoseCheck.check(milligrams: 100, otherTakenToday: 40, planned: 40, weightKilograms: 60, takenAt: now, now: now).isRefusal)
        #expect(DoseCheck.check(milligrams: 100, otherTakenToday: 20, planned: 40, weightKilograms: 60, takenAt: now, now: now)
            == .confirm("The plan for this dose is 40 mg, not 100 mg."))
        // A 25% difference is still fine; more asks.
        #expect(DoseCheck.check(milligrams: 25, otherTakenToday: 0, planned: 20, weightKilograms: 60, takenAt: now, now: now) == .fine)
        #expect(DoseCheck.check(milligrams: 30, otherTakenToday: 0, planned: 20, weightKilograms: 60, takenAt: now, now: now) != .fine)
        #expect(DoseCheck.check(milligrams: 20, otherTakenToday: 0, planned: nil, weightKilograms: 60, takenAt: now, now: now)
            == .confirm("The plan has no dose at this time."))
    }

    @Test("interactions match medicine names as words, ignoring case and extras")
    func interactions() {
        let catalogue = InteractionCatalogue.shipped
        #expect(catalogue.interaction(forMedicine: "Doxycycline 100mg")?.id == "tetracycline-class")
        #expect(catalogue.interaction(forMedicine: "minocycline")?.id == "tetracycline-class")
        #expect(catalogue.interaction(forMedicine: "Solodyn ER")?.id == "tetracycline-class")
        #expect(catalogue.interaction(forMedicine: "Vitamin A 10,000 IU")?.id == "vitamin-a")
        #expect(catalogue.interaction(forMedicine: "cod liver oil capsules")?.id == "vitamin-a")
        #expect(catalogue.interaction(forMedicine: "ibuprofen") == nil)
        #expect(catalogue.interaction(forMedicine: "vitamin D") == nil)
        #expect(catalogue.interaction(forMedicine: "multivitamin") == nil)
        for interaction in catalogue.interactions {
            #expect(interaction.warning.contains("Tell your prescriber"))
            #expect(!interaction.source.isEmpty)
        }
    }

    @Test("intake times name their slots and must be in order")
    func intakeTimes() throws {
        #expect(try CourseInput.intakeTimes("08:00, 20:00") == IntakeSlot.twiceDaily)
        #expect(try CourseInput.intakeTimes("09:30").map(\.name) == ["daily"])
        #expect(throws: CourseInputError.self) { try CourseInput.intakeTimes("20:00, 08:00") }
        #expect(throws: CourseInputError.self) { try CourseInput.intakeTimes("8am") }
        #expect(throws: CourseInputError.self) { try CourseInput.intakeTimes("") }
    }

    @Test("weights must be plausible in their unit")
    func weights() throws {
        #expect(try CourseInput.weight("61,5", unit: .kilograms) == 61.5)
        #expect(try CourseInput.weight("150", unit: .pounds) == 150)
        #expect(throws: CourseInputError.self) { try CourseInput.weight("610", unit: .kilograms) }
        #expect(throws: CourseInputError.self) { try CourseInput.weight("40", unit: .pounds) }
        #expect(throws: CourseInputError.self) { try CourseInput.weight("sixty", unit: .kilograms) }
    }

    @Test("first setup writes settings, the plan from the start, and the weight")
    func firstSetup() {
        let settings = CourseSettings(startDate: start, patientCategory: .canGetPregnant)
        let setup = CourseSetup(settings: settings, planCycle: [[20, 20]], weight: (61, .kilograms))
        let changes = setup.changes(in: Journal(), today: LocalDate(iso: "2026-11-26")!)
        #expect(changes == [
            .put(CourseSettings.entryID, day: start, body: .course(settings)),
            .put(DoseStep.entryID(startDate: start), day: start, body: .doseStep(DoseStep(startDate: start, cycle: [[20, 20]]))),
            .put(WeightMeasurement.entryID(day: start), day: start, body: .weight(WeightMeasurement(value: 61, unit: .kilograms))),
        ])
    }

    @Test("a later change starts the new plan and weight today and leaves the rest alone")
    func laterChange() {
        var journal = Journal()
        let settings = CourseSettings(startDate: start, patientCategory: .canGetPregnant)
        let today = LocalDate(iso: "2026-11-26")!
        for change in CourseSetup(settings: settings, planCycle: [[20, 20]], weight: (61, .kilograms)).changes(in: Journal(), today: today) {
            journal.apply(change.entry(after: journal.revisionNumber(of: change.id), recordedAt: now))
        }
        let same = CourseSetup(settings: settings, planCycle: [[20, 20]], weight: (61, .kilograms))
        #expect(same.changes(in: journal, today: today).isEmpty)
        let raised = CourseSetup(settings: settings, planCycle: [[40, 40]], weight: (63, .kilograms))
        #expect(raised.changes(in: journal, today: today) == [
            .put(DoseStep.entryID(startDate: today), day: today, body: .doseStep(DoseStep(startDate: today, cycle: [[40, 40]]))),
            .put(WeightMeasurement.entryID(day: today), day: today, body: .weight(WeightMeasurement(value: 63, unit: .kilograms))),
        ])
    }
}

extension DoseCheck.Verdict {
    var isRefusal: Bool { if case .refuse = self { return true } else { return false } }
}
