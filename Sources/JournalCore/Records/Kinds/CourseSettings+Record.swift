import Foundation

extension CourseSettings: RecordPayload {
    public static var kind: EntryKind { .course }
    public static var group: RecordGroup { .course }
    public var body: EntryBody { .course(self) }

    public func line(_ entry: Entry, timeZone: TimeZone) -> String {
        "Course settings: started \(startDate.iso), \(product), target \(MilligramText.format(targetMgPerKg)) mg/kg"
            + (lastDoseDate.map { ", last dose \($0.iso)" } ?? "")
    }

    public var notes: [String] { [] }
    public var subject: String { "Course settings" }
    public func alert(_ entry: Entry, context: RecordContext) -> RecordAlert? { nil }

    public func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields {
        // The whole record in words: a spreadsheet reader needs no other columns for it.
        CSVFields(name: Self.kind.rawValue, detail: line(entry, timeZone: context.timeZone))
    }

    public var implausibility: String? {
        if !PlausibleNumbers.targetMgPerKg.contains(targetMgPerKg) { return "its target \(targetMgPerKg) mg/kg is not possible" }
        if intakeSlots.contains(where: { !PlausibleNumbers.minuteOfDay.contains($0.minuteOfDay) }) { return "an intake time is not within the day" }
        if let start = startMinuteOfDay, !PlausibleNumbers.minuteOfDay.contains(start) { return "the start time is not within the day" }
        return nil
    }

    public var instants: [(instant: Date, what: String)] { [] }
}
