import Foundation

/// A realistic sample journal for trying every screen without typing a history: a course in
/// its third month with doses (a few missed), symptoms that rise then settle, a flagged lab,
/// a completed and a current checklist, one red flag and mood checks. Pure and seeded: the
/// same (now, zone, seed) always gives the same changes, dated relative to today.
public enum DemoJournal {
    /// Changes written together, as if saved at `recordedAt`.
    public struct Batch: Equatable, Sendable {
        public let recordedAt: Date
        public let changes: [JournalChange]
    }

    /// The course started this many days before today: day 75, in course month 3.
    public static let courseDaysSoFar = 74

    public static func batches(now: Date, timeZone: TimeZone, seed: UInt64 = 2026) -> [Batch] {
        var plan = DemoPlan(now: now, timeZone: timeZone, seed: seed)
        plan.setUp()
        plan.daily()
        plan.labsAndVisits()
        plan.checklists()
        plan.moodAndRedFlag()
        plan.corrections()
        return plan.batches()
    }
}

/// The demo being written, event by event, each at a local day and minute.
struct DemoPlan {
    let now: Date
    let zone: TimeZone
    let today: LocalDate
    let start: LocalDate
    var random: SeededGenerator
    private var events: [(day: LocalDate, minute: Int, change: JournalChange)] = []

    init(now: Date, timeZone: TimeZone, seed: UInt64) {
        self.now = now
        zone = timeZone
        today = Timestamp.localDate(of: now, in: timeZone)
        start = today.adding(days: -DemoJournal.courseDaysSoFar)
        random = SeededGenerator(seed: seed)
    }

    /// Day `n` of the course (1 = the start date).
    func day(_ n: Int) -> LocalDate { start.adding(days: n - 1) }

    mutating func add(_ day: LocalDate, _ minute: Int, _ change: JournalChange) {
        events.append((day, minute, change))
    }

    /// A record about `day`, saved on `savedOn` (default: that day) at `minute`.
    mutating func put(_ id: EntryID, _ day: LocalDate, _ minute: Int, _ body: EntryBody, savedOn: LocalDate? = nil, reason: String? = nil) {
        add(savedOn ?? day, minute, .put(id, day: day, body: body, reason: reason))
    }

    /// Events grouped by the moment they were saved, oldest first; nothing later than now.
    func batches() -> [DemoJournal.Batch] {
        var grouped: [Date: [JournalChange]] = [:]
        for event in events {
            let instant = min(now, Timestamp.instant(of: event.day, minuteOfDay: event.minute, in: zone))
            grouped[instant, default: []].append(event.change)
        }
        return grouped.keys.sorted().map { DemoJournal.Batch(recordedAt: $0, changes: grouped[$0] ?? []) }
    }

    mutating func setUp() {
        let settings = CourseSettings(startDate: start, product: "isotretinoin (generic)", takeWithFood: true, targetMgPerKg: 120,
                                      patientCategory: .canGetPregnant)
        let setupDay = day(-3)
        let evening = 19 * 60
        put(CourseSettings.entryID, start, evening, .course(settings), savedOn: setupDay)
        put(DoseStep.entryID(startDate: start), start, evening, .doseStep(DoseStep(startDate: start, cycle: [[20, 20]])), savedOn: setupDay)
        put(WeightMeasurement.entryID(day: setupDay), setupDay, evening, .weight(WeightMeasurement(value: 61, unit: .kilograms)))
        put(ProgrammeSettings.entryID, setupDay, evening + 5, .programmeSettings(ProgrammeSettings(contraceptionMethods: ["IUD", "condoms"])))
        // Month 2: the prescriber raised the dose at the visit, and weighed the patient.
        let monthTwo = day(31)
        put(DoseStep.entryID(startDate: monthTwo), monthTwo, 18 * 60, .doseStep(DoseStep(startDate: monthTwo, cycle: [[40, 40]])), savedOn: day(28))
        put(WeightMeasurement.entryID(day: day(28)), day(28), 18 * 60, .weight(WeightMeasurement(value: 62, unit: .kilograms)))
    }
}
