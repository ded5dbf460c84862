import Foundation

extension ProgrammeSettings: RecordPayload {
    public static var kind: EntryKind { .programmeSettings }
    public static var group: RecordGroup { .checklist }
    public var body: EntryBody { .programmeSettings(self) }

    public func line(_ entry: Entry, timeZone: TimeZone) -> String {
        "Programme settings: " + (ruleSetID.map { "rules \($0)" } ?? "rules by date")
            + (contraceptionMethods.isEmpty ? "" : ", contraception: " + contraceptionMethods.joined(separator: " + "))
    }

    public var notes: [String] { [] }
    public var subject: String { "Programme settings" }
    public func alert(_ entry: Entry, context: RecordContext) -> RecordAlert? { nil }

    public func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields {
        // The whole record in words: a spreadsheet reader needs no other columns for it.
        CSVFields(name: Self.kind.rawValue, detail: line(entry, timeZone: context.timeZone))
    }

    public var implausibility: String? {
        if !PlausibleNumbers.minuteOfDay.contains(symptomReminderMinute) { return "its reminder time is not within the day" }
        if !(0...1_440).contains(doseGraceMinutes) { return "its dose grace time is not possible" }
        if let days = moodCheckIntervalDays, !(0...3_660).contains(days) { return "its mood check interval is not possible" }
        return nil
    }

    public var instants: [(instant: Date, what: String)] { [] }
}
