import Foundation
import JournalCore

/// A small hand-made journal with one of every record the FHIR export writes, in both lipid units.
enum FHIRFixture {
    static let start = LocalDate(iso: "2026-11-02")!
    static let recorded = Date(timeIntervalSince1970: 1_795_000_000)
    static func d(_ day: Int) -> LocalDate { start.adding(days: day - 2) }

    static func entry(_ id: String, _ day: LocalDate, _ body: EntryBody, at: Date? = nil, offset: Int? = nil, reason: String? = nil) -> Entry {
        Entry(id: EntryID(id), revision: 1, recordedAt: recorded, day: day, occurredAt: at, occurredOffsetSeconds: offset, body: body, reason: reason)
    }

    static var entries: [Entry] {
        let morning = Timestamp.instant(of: d(3), minuteOfDay: 8 * 60 + 5, in: TimeZone(secondsFromGMT: 3600)!)
        return [
            entry("course", start, .course(CourseSettings(startDate: start, product: "Absorica", patientCategory: .canGetPregnant))),
            entry(DoseStep.entryID(startDate: start).rawValue, start, .doseStep(DoseStep(startDate: start, cycle: [[20, 20]]))),
            entry(DoseStep.entryID(startDate: d(10)).rawValue, d(10), .doseStep(DoseStep(startDate: d(10), cycle: [[40, 0], [40, 40]]))),
            entry("weight-2026-11-02", start, .weight(WeightMeasurement(value: 135, unit: .pounds))),
            entry("dose-2026-11-03-morning", d(3), .dose(DoseIntake(slot: "morning", status: .taken, milligrams: 20, withFood: true)),
                  at: morning, offset: 3600),
            entry("dose-2026-11-03-evening", d(3), .dose(DoseIntake(slot: "evening", status: .skipped, milligrams: nil, withFood: nil)),
                  reason: "felt sick"),
            entry("dose-2026-11-04-late night", d(4), .dose(DoseIntake(slot: "late night", status: .taken, milligrams: 20, withFood: false))),
            entry("lab-result-2026-11-05-triglycerides", d(5), .labResult(.measured(.triglycerides, 6.2, .millimolesPerLiter, fasting: true))),
            entry("lab-result-2026-11-05-total-cholesterol", d(5), .labResult(.measured(.totalCholesterol, 212.5, .milligramsPerDeciliter))),
            entry("lab-result-2026-11-05-hdl", d(5), .labResult(.measured(.hdl, 1.31, .millimolesPerLiter))),
            entry("lab-result-2026-11-06-triglycerides", d(6), .labResult(.measured(.triglycerides, 910, .milligramsPerDeciliter))),
            entry("lab-result-2026-11-05-alt", d(5), .labResult(.measured(.alt, 62, .unitsPerLiter, upperLimitOfNormal: 40))),
            entry("lab-result-2026-11-05-pregnancy", d(5), .labResult(.pregnancyTest(.negative, setting: .home))),
            entry("lab-result-2026-11-07-pregnancy", d(7), .labResult(.pregnancyTest(.positive, setting: .clinic))),
            entry("symptom-2026-11-05-chapped-lips", d(5), .symptom(SymptomRating(symptom: "chapped-lips", grade: 2, note: "cracked corners"))),
            entry("symptom-2026-11-05-headache", d(5), .symptom(SymptomRating(symptom: "headache", grade: 1))),
            entry("red-flag-2026-11-08-hearing", d(8), .redFlag(RedFlagReport(flag: "hearing", noticeShown: "Stop and call.", acknowledgedAt: recorded)),
                  at: Timestamp.instant(of: d(8), minuteOfDay: 14 * 60 + 30, in: TimeZone(secondsFromGMT: 0)!), offset: 0),
            entry("mood-2026-11-09", d(9), .moodCheck(MoodCheck(answers: [1, 0]))),
            entry("mood-2026-11-12", d(12), .moodCheck(MoodCheck(answers: [2, 2, 1, 1, 0, 0, 0, 0, 1], crisisGuidanceShownAt: recorded))),
            entry("programme-settings", start, .programmeSettings(ProgrammeSettings(patientName: "Maya R."))),
        ]
    }

    static var journal: Journal { Journal(revisions: entries) }
    static let whole = ReportRange(from: LocalDate(iso: "2026-10-01")!, to: LocalDate(iso: "2026-12-31")!)
}

extension JSONValue {
    /// The resources of a Bundle, in order.
    var resources: [JSONValue] { self["entry"]?.array.compactMap { $0["resource"] } ?? [] }

    func resource(_ type: String, _ id: String) -> JSONValue? {
        resources.first { $0["resourceType"]?.string == type && $0["id"]?.string == id }
    }

    /// The codes of a CodeableConcept, as "system|code".
    var codings: [String] {
        (self["coding"]?.array ?? []).compactMap { coding in
            guard let system = coding["system"]?.string, let code = coding["code"]?.string else { return nil }
            return system + "|" + code
        }
    }
}
