import Foundation

/// A rule set that takes effect on a day (the lab flags, the course holds): the rules change
/// over time, and an event is judged by the set in force on its own day.
protocol DatedRuleSet {
    var effectiveFrom: LocalDate { get }
}

extension Array where Element: DatedRuleSet {
    /// The set in force on `day`: the latest that took effect on or before it (the earliest
    /// for days before any). Order of the array does not matter.
    func inForce(on day: LocalDate) -> Element? {
        let sorted = self.sorted { $0.effectiveFrom < $1.effectiveFrom }
        return sorted.last { $0.effectiveFrom <= day } ?? sorted.first
    }
}

/// Decodes a data file compiled into the binary. A file that does not decode is a build
/// defect (the catalogue tests read every one), so it stops the program with the file's name.
func decodeShipped<T: Decodable>(_ type: T.Type, from bytes: [UInt8], file: String) -> T {
    do {
        return try JSONDecoder().decode(type, from: Data(bytes))
    } catch {
        fatalError("Resources/\(file) does not decode: \(error)")
    }
}
