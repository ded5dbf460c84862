import Foundation

/// Realistic made-up journals for measuring speed at scale: years of a course history, the
/// same for the same seed. Not patient data and never shown to a patient; used by
/// `isojournal bench` and by tests.
///
/// A day holds two doses (now and then one skipped), eight to twelve symptom grades (some
/// with notes of varying length, with quotes, accents, emoji and line breaks), and now and
/// then a correction or a retraction. A week adds a weight; a month adds lab appointments
/// (scheduled, then done), results, checklist ticks, a mood check and sometimes a medicine
/// note. About 14 entries a day, so 50,000 entries cover about ten years.
public enum SyntheticJournal {
    /// Entries whose days run from `start` onwards, numbered and timed as a store would write them.
    public static func entries(count: Int, seed: UInt64, start: LocalDate) -> [Entry] {
        var builder = Builder(seed: seed, start: start, limit: count)
        builder.run()
        return builder.entries
    }

    /// Entries whose last day is `end` (so "today" is busy when `end` is today).
    public static func entries(count: Int, seed: UInt64, endingOn end: LocalDate) -> [Entry] {
        let dry = entries(count: count, seed: seed, start: end)
        let days = (dry.last?.day.daysSinceEpoch ?? end.daysSinceEpoch) - end.daysSinceEpoch
        return entries(count: count, seed: seed, start: end.adding(days: -days))
    }

    /// SplitMix64: tiny, fast and the same on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let symptoms = ["chapped-lips", "dry-skin", "nosebleed", "dry-eyes", "joint-pain", "back-pain",
                           "muscle-ache", "headache", "low-mood", "night-vision", "rash", "sun-sensitivity"]
    static let noteWords = ["cracked", "corners", "worse", "after", "shower", "better", "today", "used", "balm",
                            "very", "dry", "morning", "evening", "slept", "badly", "run", "gym", "sunny", "walk",
                            "crème", "naïve", "Zürich", "🙂", "\"quoted\"", "back\\slash", "tab\there", "日本語"]

    struct Builder {
        var random: Random
        let start: LocalDate
        let limit: Int
        var entries: [Entry] = []
        var revisions: [EntryID: (revision: Int, kind: String?)] = [:]

        init(seed: UInt64, start: LocalDate, limit: Int) {
            random = Random(state: seed)
            self.start = start
            self.limit = limit
            entries.reserveCapacity(limit)
        }

        var isFull: Bool { entries.count >= limit }

        mutating func run() {
            var dayIndex = 0
            while !isFull {
                addDay(start.adding(days: dayIndex), index: dayIndex)
                dayIndex += 1
            }
        }

        /// Seconds since 1970 of `minute` past midnight UTC on `day`.
        func instant(_ day: LocalDate, minute: Int) -> Date {
            Date(timeIntervalSince1970: Double(day.daysSinceEpoch * 86_400 + minute * 60))
        }

        mutating func put(_ id: EntryID, _ day: LocalDate, _ body: EntryBody, minute: Int,
                          at occurred: Date? = nil, reason: String? = nil) {
            guard !isFull else { return }
            let revision = (revisions[id]?.revision ?? 0) + 1
            revisions[id] = (revision, body.kindName)
            entries.append(Entry(id: id, revision: revision, recordedAt: instant(day, minute: minute), day: day,
                                 occurredAt: occurred, occurredOffsetSeconds: occurred == nil ? nil : 3600,
                                 body: body, reason: reason))
        }

        mutating func retract(_ id: EntryID, _ day: LocalDate, minute: Int, reason: String?) {
            guard !isFull, let previous = revisions[id] else { return }
            revisions[id] = (previous.revision + 1, previous.kind)
            entries.append(Entry(id: id, revision: previous.revision + 1, recordedAt: instant(day, minute: minute),
                                 day: day, body: nil, reason: reason))
        }

        mutating func note() -> String? {
            switch random.below(10) {
            case 0..<6: return nil
            case 6, 7: return (0..<(1 + random.below(4))).map { _ in random.pick(noteWords) }.joined(separator: " ")
            case 8: return (0..<(8 + random.below(30))).map { _ in random.pick(noteWords) }.joined(separator: " ")
            default: return "first line\n" + (0..<(20 + random.below(60))).map { _ in random.pick(noteWords) }.joined(separator: " ")
            }
        }

        mutating func addDay(_ day: LocalDate, index: Int) {
            if index == 0 { addCourse(day) }
            // A second course, five months before the end of a long history: the course record is corrected.
            if index > 0, index % 1500 == 0 {
                put(CourseSettings.entryID, day, .course(CourseSettings(startDate: day, patientCategory: .canGetPregnant)),
                    minute: 540, reason: "second course")
            }
            for (slot, minute) in [("morning", 480), ("evening", 1200)] {
                let taken = !random.chance(4)
                let intake = DoseIntake(slot: slot, status: taken ? .taken : .skipped, milligrams: taken ? 20 : nil,
                                        withFood: taken ? true : nil)
                put(DoseIntake.entryID(day: day, slot: slot), day, .dose(intake), minute: minute + random.below(40),
                    at: instant(day, minute: minute - 60 + random.below(30)))
            }
            var rated = Self.shuffled(symptoms, &random)
            rated.removeLast(random.below(5))
            for slug in rated {
                let rating = SymptomRating(symptom: slug, grade: random.below(4), note: note())
                put(SymptomRating.entryID(day: day, symptom: slug), day, .symptom(rating), minute: 1260 + random.below(60))
            }
            // Corrections and retractions, later the same evening.
            if let slug = rated.first, random.chance(20) {
                let rating = SymptomRating(symptom: slug, grade: random.below(4), note: note())
                put(SymptomRating.entryID(day: day, symptom: slug), day, .symptom(rating), minute: 1330, reason: "wrong grade")
            }
            if let slug = rated.last, random.chance(5) {
                retract(SymptomRating.entryID(day: day, symptom: slug), day, minute: 1335, reason: random.chance(50) ? "logged by mistake" : nil)
            }
            if index % 7 == 3 {
                let weight = WeightMeasurement(value: Double(600 + random.below(100)) / 10, unit: .kilograms)
                put(WeightMeasurement.entryID(day: day), day, .weight(weight), minute: 450)
            }
            if index % 30 == 10 { addMonthly(day, month: index / 30 + 1) }
            if random.chance(2) {
                let medicine = MedicineNote(name: random.pick(["ibuprofen", "paracetamol", "cetirizine"]), note: note())
                put(MedicineNote.entryID(day: day, name: medicine.name), day, .medicine(medicine), minute: 800)
            }
        }

        mutating func addCourse(_ day: LocalDate) {
            put(CourseSettings.entryID, day, .course(CourseSettings(startDate: day, patientCategory: .canGetPregnant)), minute: 540)
            put(DoseStep.entryID(startDate: day), day, .doseStep(DoseStep(startDate: day, cycle: [[20, 20]])), minute: 541)
        }

        mutating func addMonthly(_ day: LocalDate, month: Int) {
            let draw = day.adding(days: 2)
            let appointment = LabAppointment.entryID(day: draw, what: .lipidsAndLiver)
            put(appointment, day, .labAppointment(LabAppointment(what: .lipidsAndLiver, minuteOfDay: 510, note: note())), minute: 600)
            put(appointment, day, .labAppointment(LabAppointment(what: .lipidsAndLiver, minuteOfDay: 510, status: .done)), minute: 610)
            let visit = LabAppointment.entryID(day: day.adding(days: 5), what: .prescriberVisit)
            put(visit, day, .labAppointment(LabAppointment(what: .prescriberVisit, minuteOfDay: 900)), minute: 620)
            let results: [(LabTest, Double, LabUnit, Double?)] = [
                (.triglycerides, Double(80 + random.below(200)), .milligramsPerDeciliter, nil),
                (.totalCholesterol, Double(150 + random.below(100)), .milligramsPerDeciliter, nil),
                (.ldl, Double(70 + random.below(90)), .milligramsPerDeciliter, nil),
                (.hdl, Double(35 + random.below(40)), .milligramsPerDeciliter, nil),
                (.alt, Double(15 + random.below(50)), .unitsPerLiter, 40),
                (.ast, Double(15 + random.below(40)), .unitsPerLiter, 40),
            ]
            for (test, value, unit, limit) in results {
                let result = LabResult(test: test, value: value, unit: unit, upperLimitOfNormal: limit, fasting: true)
                put(LabResult.entryID(day: draw, test: test), draw, .labResult(result), minute: 700)
            }
            let pregnancy = LabResult(test: .pregnancy, outcome: .negative, setting: .clinic)
            put(LabResult.entryID(day: day, test: .pregnancy), day, .labResult(pregnancy), minute: 630)
            for item in ["contraception-1", "contraception-2", "programme-confirmation", "prescriber-visit", "pickup", "blood-draw"] {
                put(ChecklistTick.entryID(month: month, item: item), day, .checklistTick(ChecklistTick(month: month, item: item, done: true)), minute: 640)
            }
            let answers = (0..<9).map { $0 == 8 ? 0 : random.below(3) }
            put(MoodCheck.entryID(day: day), day, .moodCheck(MoodCheck(answers: answers)), minute: 650)
        }

        static func shuffled(_ items: [String], _ random: inout Random) -> [String] {
            var items = items
            for index in stride(from: items.count - 1, to: 0, by: -1) {
                items.swapAt(index, random.below(index + 1))
            }
            return items
        }
    }
}
