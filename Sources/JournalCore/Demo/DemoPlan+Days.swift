import Foundation

/// The demo's day-by-day records: doses at the usual times, and symptoms that rise over the
/// first weeks and settle in the third month.
extension DemoPlan {
    /// How strong the side effects are on course day `n`: up to a peak around day 40, then
    /// easing (they rarely vanish while the course goes on).
    static func intensity(_ n: Int) -> Double { n < 40 ? Double(n) / 40 : max(0.35, 1 - Double(n - 40) / 50) }

    static let pausedDays = 56...57
    static let redFlagDay = 55
    static let redFlag = "raised-pressure-headache"

    mutating func daily() {
        let lastDay = DemoJournal.courseDaysSoFar + 1
        let minuteNow = Timestamp.minuteOfDay(of: now, in: zone)
        // The red flag of day 55 put the course on hold; the prescriber's call next morning paused it two days.
        let pause = day(Self.pausedDays.lowerBound)
        let decidedAt = Timestamp.instant(of: pause, minuteOfDay: 9 * 60 + 40, in: zone)
        let decision = PrescriberDecision(outcome: .pause, decidedBy: "Dr Okafor by phone", decidedAt: decidedAt, pauseFrom: pause,
                                          pauseTo: day(Self.pausedDays.upperBound),
                                          resolves: [RedFlagReport.entryID(day: day(Self.redFlagDay), flag: Self.redFlag)],
                                          note: "severe headache; pause two days")
        put(PrescriberDecision.entryID(decidedAt: decidedAt), pause, 10 * 60, .prescriberDecision(decision))
        put(CoursePause.entryID(startDate: pause), pause, 10 * 60,
            .pause(CoursePause(startDate: pause, endDate: day(Self.pausedDays.upperBound),
                               reason: "Prescriber's decision (Dr Okafor by phone): severe headache; pause two days")))
        for n in 1...lastDay {
            let date = day(n)
            let isToday = n == lastDay
            let mg: Double = n <= 30 ? 20 : 40
            if !Self.pausedDays.contains(n) {
                for (slot, minute) in [("morning", 8 * 60), ("evening", 20 * 60)] {
                    let takenAt = minute + Int.random(in: 0...25, using: &random)
                    if isToday && takenAt + 5 > minuteNow { continue }
                    // Day 50's evening dose is corrected later (see `corrections`), so it is always recorded.
                    let fixed = n == 50 && slot == "evening"
                    if random.chance(0.02), !fixed { continue } // not recorded at all
                    let skipped = (random.chance(0.03) && !fixed) || (n == Self.redFlagDay && slot == "evening")
                    let intake = DoseIntake(slot: slot, status: skipped ? .skipped : .taken, milligrams: skipped ? nil : mg,
                                            withFood: skipped ? nil : true)
                    let instant = Timestamp.instant(of: date, minuteOfDay: takenAt, in: zone)
                    add(date, takenAt + 2, intake.change(day: date, at: skipped ? nil : instant, timeZone: zone))
                }
            }
            if !isToday || minuteNow >= 21 * 60 + 30 { symptoms(on: n) }
        }
    }

    private mutating func symptoms(on n: Int) {
        // Some evenings nothing is logged; the days with notes or corrections always are.
        guard !random.chance(0.08) || [12, 20, 22, 46, Self.redFlagDay].contains(n) else { return }
        let level = Self.intensity(n)
        func noisy(_ base: Double) -> Int { max(0, min(3, Int((base + Double.random(in: -0.45...0.45, using: &random)).rounded()))) }
        var grades: [(String, Int)] = [("chapped-lips", noisy(0.8 + 2.3 * level)), ("dry-skin", noisy(0.2 + 1.8 * level))]
        if n >= 20 { grades.append(("dry-eyes", noisy(1.2 * level))) }
        if random.chance(0.14 * level) { grades.append(("nosebleed", 1)) }
        if n > 30, random.chance(0.1) { grades.append(("joint-pain", 1)) }
        if n == Self.redFlagDay { grades.append(("headache", 3)) } else if random.chance(0.07) { grades.append(("headache", 1)) }
        let notes: [String: String] = ["12 chapped-lips": "cracked corners", "22 dry-skin": "hands and elbows",
                                       "55 headache": "with blurred vision in the evening", "46 chapped-lips": "lip balm every hour helps"]
        for (slug, grade) in grades where grade > 0 || slug == "chapped-lips" || slug == "dry-skin" {
            put(SymptomRating.entryID(day: day(n), symptom: slug), day(n), 21 * 60,
                .symptom(SymptomRating(symptom: slug, grade: grade, note: notes["\(n) \(slug)"])))
        }
    }

    /// Corrections and withdrawals, so the edit history has something to show.
    mutating func corrections() {
        put(SymptomRating.entryID(day: day(20), symptom: "chapped-lips"), day(20), 9 * 60,
            .symptom(SymptomRating(symptom: "chapped-lips", grade: 3, note: "bleeding at the corners")),
            savedOn: day(21), reason: "it was worse than I said")
        let dose = DoseIntake.entryID(day: day(50), slot: "evening")
        add(day(50), 20 * 60 + 40, .retract(id: dose, day: day(50), reason: "logged too early; taken later"))
        let late = Timestamp.instant(of: day(50), minuteOfDay: 22 * 60, in: zone)
        add(day(50), 22 * 60 + 5, DoseIntake(slot: "evening", status: .taken, milligrams: 40, withFood: true)
            .change(day: day(50), at: late, timeZone: zone))
        let mistaken = SymptomRating.entryID(day: day(33), symptom: "rash")
        put(mistaken, day(33), 21 * 60 + 1, .symptom(SymptomRating(symptom: "rash", grade: 1)))
        add(day(34), 8 * 60 + 30, .retract(id: mistaken, day: day(33), reason: "meant dry skin"))
    }
}
