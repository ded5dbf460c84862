import Foundation

/// Summaries worked out from a journal's records (course and lab records, the timeline), kept
/// beside the records so a screen that asks several times per frame pays once.
///
/// Each `Journal` value holds one; `Journal.apply` replaces it with an empty one, so a summary
/// is only ever read back by the exact journal it was worked out from (copies that go on to
/// differ each get their own). Shared between identical copies, hence the lock; it is never
/// held while a summary is worked out (one summary may need another).
final class DerivedRecords: @unchecked Sendable {
    private let lock = NSLock()
    private var course: CourseRecords??
    private var labs: LabRecords?
    /// The last timeline asked for (the history screen asks with one filter many times a second).
    private var timeline: (filter: HistoryFilter, zone: TimeZone, days: [TimelineDay])?

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    func course(_ compute: () -> CourseRecords?) -> CourseRecords? {
        if let known = locked({ course }) { return known }
        let computed = compute()
        locked { course = .some(computed) }
        return computed
    }

    func labs(_ compute: () -> LabRecords) -> LabRecords {
        if let known = locked({ labs }) { return known }
        let computed = compute()
        locked { labs = computed }
        return computed
    }

    /// The last reminders asked for with the shipped rules (Today asks in `update` and in `view`).
    private var reminders: (now: Date, zone: TimeZone, horizon: TimeInterval, list: [Reminder])?

    func reminders(now: Date, zone: TimeZone, horizon: TimeInterval, _ compute: () -> [Reminder]) -> [Reminder] {
        if let known = locked({ reminders }), known.now == now, known.zone == zone, known.horizon == horizon {
            return known.list
        }
        let list = compute()
        locked { reminders = (now, zone, horizon, list) }
        return list
    }

    /// The current course's dose totals up to a day (see `Journal.courseProgress`).
    private var settled: (through: LocalDate, zone: TimeZone, totals: SettledDoses)?

    func settled(through: LocalDate, zone: TimeZone, _ compute: () -> SettledDoses) -> SettledDoses {
        if let known = locked({ settled }), known.through == through, known.zone == zone { return known.totals }
        let totals = compute()
        locked { settled = (through, zone, totals) }
        return totals
    }

    /// Current records by how late they are dated (see `Journal.currentRecordsDated`).
    struct Lateness {
        /// (the later of written and happened, index into `revisions`), ascending.
        var byInstant: [(Date, Int)]
        /// (day, index) of records whose day may not lie ahead, ascending.
        var byDay: [(LocalDate, Int)]
    }
    private var lateness: Lateness?

    func lateness(_ compute: () -> Lateness) -> Lateness {
        if let known = locked({ lateness }) { return known }
        let computed = compute()
        locked { lateness = computed }
        return computed
    }

    func timeline(filter: HistoryFilter, zone: TimeZone, _ compute: () -> [TimelineDay]) -> [TimelineDay] {
        if let known = locked({ timeline }), known.filter == filter, known.zone == zone { return known.days }
        let days = compute()
        locked { timeline = (filter, zone, days) }
        return days
    }
}
