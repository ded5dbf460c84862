/// A symptom's grades over time, as the calendar heat map and the trends read them.
public struct SymptomSeries: Equatable, Sendable {
    public let symptom: String
    /// Every day the symptom was graded (0 included).
    public let grades: [LocalDate: Int]

    public init(symptom: String, journal: Journal) {
        self.symptom = symptom
        var grades: [LocalDate: Int] = [:]
        for entry in journal.currentEntries(of: .symptom) {
            if case .symptom(let rating)? = entry.body, rating.symptom == symptom { grades[entry.day] = rating.grade }
        }
        self.grades = grades
    }

    public init(symptom: String, grades: [LocalDate: Int]) {
        self.symptom = symptom
        self.grades = grades
    }

    /// Every graded symptom's series, from one pass over the journal (a long journal has
    /// tens of thousands of records: one pass per symptom would be a dozen).
    public static func all(in journal: Journal) -> [String: SymptomSeries] {
        var grades: [String: [LocalDate: Int]] = [:]
        for entry in journal.currentEntries(of: .symptom) {
            if case .symptom(let rating)? = entry.body { grades[rating.symptom, default: [:]][entry.day] = rating.grade }
        }
        return grades.reduce(into: [:]) { $0[$1.key] = SymptomSeries(symptom: $1.key, grades: $1.value) }
    }

    /// The symptoms graded at least once, in catalogue order (unknown slugs last, by name).
    public static func loggedSymptoms(in journal: Journal, catalogue: SymptomCatalogue = .shipped) -> [String] {
        var seen = Set<String>()
        for entry in journal.currentEntries(of: .symptom) {
            if case .symptom(let rating)? = entry.body { seen.insert(rating.symptom) }
        }
        let known = catalogue.symptoms.map(\.slug).filter { seen.contains($0) }
        return known + seen.subtracting(known).sorted()
    }

    /// Weeks are ISO weeks, Monday first. The Monday of `day`'s week.
    public static func weekStart(of day: LocalDate) -> LocalDate { day.adding(days: -(day.isoWeekday - 1)) }

    /// The worst grade of each week from `from` to `to` (weeks with nothing graded are nil).
    public func weeklyWorst(from: LocalDate, to: LocalDate) -> [(week: LocalDate, grade: Int?)] {
        var result: [(week: LocalDate, grade: Int?)] = []
        var week = Self.weekStart(of: from)
        while week <= to {
            let days = (0..<7).map { week.adding(days: $0) }.filter { $0 >= from && $0 <= to }
            let graded = days.compactMap { grades[$0] }
            result.append((week, graded.max()))
            week = week.adding(days: 7)
        }
        return result
    }

    /// Worst and latest grade within a range, with their days.
    public func summary(from: LocalDate, to: LocalDate) -> (worst: (day: LocalDate, grade: Int), latest: (day: LocalDate, grade: Int))? {
        let inRange = grades.filter { $0.key >= from && $0.key <= to }.sorted { $0.key < $1.key }
        guard let last = inRange.last else { return nil }
        // The first day the worst grade was reached.
        let top = inRange.map(\.value).max() ?? 0
        let worst = inRange.first { $0.value == top }!
        return ((worst.key, worst.value), (last.key, last.value))
    }

    public enum Direction: String, Sendable { case rising, settling, steady, unknown = "too few days" }

    /// Compares the mean grade of the first and second half of the graded days in range.
    /// Half a grade or more apart is a direction; less is steady.
    public func direction(from: LocalDate, to: LocalDate) -> Direction {
        let values = grades.filter { $0.key >= from && $0.key <= to }.sorted { $0.key < $1.key }.map(\.value)
        guard values.count >= 4 else { return .unknown }
        let half = values.count / 2
        let first = Double(values.prefix(half).reduce(0, +)) / Double(half)
        let second = Double(values.suffix(values.count - half).reduce(0, +)) / Double(values.count - half)
        if second - first >= 0.5 { return .rising }
        if first - second >= 0.5 { return .settling }
        return .steady
    }
}
