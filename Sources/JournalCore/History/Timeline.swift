import Foundation

/// One record on the timeline: how it stands now, what it raises, and whether it was
/// withdrawn (then its last content is shown, marked, so nothing silently disappears).
public struct TimelineRow: Equatable, Sendable {
    /// The record's newest revision (a retraction when withdrawn).
    public let latest: Entry
    /// What the record said last: `latest`, or for a withdrawn record the revision before.
    public let content: Entry
    public let description: String
    public let alert: RecordAlert?
    public var id: EntryID { latest.id }
    public var isWithdrawn: Bool { latest.isRetraction }
    /// More than one revision: it was corrected (its edit history has something to show).
    public var wasChanged: Bool { latest.revision > 1 }
}

/// One day of the timeline, with its rows in the order they were first written.
public struct TimelineDay: Equatable, Sendable {
    public let day: LocalDate
    /// Day 1 is the course's start date; nil before the course or without one.
    public let courseDay: Int?
    public let rows: [TimelineRow]
    /// Which course the day belongs to, when the journal holds more than one (nil otherwise).
    public var courseNumber: Int? = nil

    /// " · course day 25", or " · course 2, day 5" when the journal holds several courses.
    public var courseText: String {
        guard let courseDay else { return "" }
        return courseNumber.map { " · course \($0), day \(courseDay)" } ?? " · course day \(courseDay)"
    }
    /// Planned doses with no record that day ("morning 40 mg"); see `UnrecordedDoses`.
    public var unrecordedDoses: [String] = []
}

/// The journal day by day, newest day first, as the history screen and `show` read it.
public enum Timeline {
    public static func build(journal: Journal, filter: HistoryFilter = HistoryFilter(), timeZone: TimeZone,
                             labs: LabRecords? = nil) -> [TimelineDay] {
        guard let labs else {
            // Worked out once per journal value and filter (see `DerivedRecords`).
            return journal.derived.timeline(filter: filter, zone: timeZone) {
                build(journal: journal, filter: filter, timeZone: timeZone, labs: journal.labRecords)
            }
        }
        let courses = journal.courses
        // First-written order, newest revision, and the last content of every record.
        var order: [EntryID] = []
        var latest: [EntryID: Entry] = [:]
        var lastContent: [EntryID: Entry] = [:]
        for entry in journal.revisions {
            if latest[entry.id] == nil { order.append(entry.id) }
            latest[entry.id] = entry
            if !entry.isRetraction { lastContent[entry.id] = entry }
        }
        var byDay: [LocalDate: [TimelineRow]] = [:]
        for id in order {
            guard let newest = latest[id] else { continue }
            let content = lastContent[id] ?? newest
            var shown = content
            shown.day = newest.day
            let alert = newest.isRetraction ? nil : RecordAlert.of(content, labs: labs)
            var description = EntryDescription.line(content, timeZone: timeZone)
            if newest.isRetraction {
                description = "withdrawn: " + description + (newest.reason.map { " (\($0))" } ?? "")
            }
            // Every reader of the timeline (History, `show`, the plain mode, a caregiver) sees it.
            if journal.isChangedOnTwoDevices(id) { description += " " + TwoDeviceRecords.mark }
            guard filter.matches(shown, alert: alert, description: description) else { continue }
            byDay[newest.day, default: []].append(TimelineRow(latest: newest, content: content, description: description, alert: alert))
        }
        return byDay.keys.sorted(by: >).map { day in
            let course = courses.last { $0.settings.startDate <= day }
            let courseDay = course.map { $0.settings.startDate.days(until: day) + 1 }
            var timelineDay = TimelineDay(day: day, courseDay: courseDay, rows: byDay[day] ?? [])
            if courses.count > 1 { timelineDay.courseNumber = course?.number }
            return timelineDay
        }
    }
}
