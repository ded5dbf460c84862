import Foundation

/// What a working set (see `WorkingSet`) holds: every record dated after `settledThrough`,
/// the older records recent screens still read, and each course's settled dose totals up to
/// that day. Also the rule for taking in a revision written later (`admits`).
public struct WorkingSetWindow: Equatable, Sendable, Codable {
    /// The last day whose doses are only in `settled`; every record dated after it is held.
    public var settledThrough: LocalDate
    /// When it was made, and in which time zone (holds and slots are moments in that zone).
    public var builtAt: Date
    public var zoneIdentifier: String
    /// By course number.
    public var settled: [Int: SettledDoses]
    /// The earliest weight in the journal: before any weight, the course maths uses it.
    public var firstWeightDay: LocalDate?
    /// The course month when it was made: checklist ticks of months more than two away are left out.
    public var courseMonth: Int
    /// Set when a revision came in that it cannot take (see `admits`): then it no longer tells
    /// the truth and the whole journal must be read.
    public var isBroken = false

    public init(settledThrough: LocalDate, builtAt: Date, zoneIdentifier: String, settled: [Int: SettledDoses],
                firstWeightDay: LocalDate?, courseMonth: Int) {
        self.settledThrough = settledThrough
        self.builtAt = builtAt
        self.zoneIdentifier = zoneIdentifier
        self.settled = settled
        self.firstWeightDay = firstWeightDay
        self.courseMonth = courseMonth
    }

    /// Days a screen or reminder looks back from today (a course month, two weeks of intake,
    /// a month of flagged labs): they must all lie after `settledThrough`.
    public static let lookBackDays = 40

    /// The checklist months held: the course month it was made in, two before and two after.
    /// (A working set serves at most `usableDays`, so the month shown is never past them.)
    static func tickMonths(around month: Int) -> ClosedRange<Int> { (month - 2)...(month + 2) }

    /// How long after it was made a working set may serve (then the whole journal is read, and
    /// a read-write open makes a new one).
    public static let usableDays = 30

    /// Whether it can stand for the whole journal at `now` in `zone`: the same zone, a clock
    /// that has not gone back, at most `usableDays` old, and every look-back inside what it holds.
    public func isUsable(now: Date, zone: TimeZone) -> Bool {
        guard !isBroken, zone.identifier == zoneIdentifier, now >= builtAt.addingTimeInterval(-3600),
              now <= builtAt.addingTimeInterval(Double(Self.usableDays) * 86_400) else { return false }
        return Timestamp.localDate(of: now, in: zone) >= settledThrough.adding(days: Self.lookBackDays)
    }

    /// Whether records about `day` are all held (a command about an older day reads the whole journal).
    public func holds(day: LocalDate) -> Bool { day > settledThrough }

    /// Whether a revision written after the working set was made can be taken in without
    /// changing anything it settled or left out. `previous` is the record's newest revision held.
    ///
    /// Refused: anything that could change the course maths of settled days (a course, or a plan,
    /// pause or decision reaching into them, settings), anything about a day at or before
    /// `settledThrough`, a revision of a record not held (it may have older revisions that were
    /// left out), a stop event that could start a hold inside the settled days, and a weight
    /// that would become the first.
    func admits(_ entry: Entry, previous: Entry?, journal: Journal) -> Bool {
        if case .unrecognized? = entry.body { return false }
        if previous == nil, !(entry.revision == 1 && mayBeNew(entry)) { return false }
        switch entry.kind ?? previous?.kind {
        case .programmeSettings?, .labFlagSettings?:
            // They change which labs are flagged, hence what was kept.
            return false
        case .course?:
            // A course renumbers months (the checklist ticks kept) and may move settled days.
            return false
        case .doseStep?, .pause?:
            // A plan or a pause that starts after the settled days changes none of them.
            return [entry, previous].allSatisfy { Self.startDate(of: $0).map(holds(day:)) ?? true }
        case .prescriberDecision?:
            // One made after the settled days ends holds and pauses only from then; one that
            // stops or pauses the course inside them changes them.
            guard previous == nil, case .prescriberDecision(let decision)? = entry.body else { return false }
            return decision.decidedAt > settledEnd
                && [decision.pauseFrom, decision.pauseTo, decision.lastDoseDate].allSatisfy { $0.map(holds(day:)) ?? true }
        case .reminderState?, .deviceName?, .checklistItem?:
            // Every record of these kinds is held, whatever its day.
            return true
        case .redFlag?, .labResult?, .moodCheck?:
            guard Self.momentOf(entry) > settledEnd else { return false }
        case .weight?:
            guard let first = firstWeightDay, entry.day >= first else { return false }
        case .symptom?, .dose?, .medicine?, .labAppointment?, .checklistTick?, nil:
            break
        }
        return holds(day: entry.day) && (previous.map { holds(day: $0.day) } ?? true)
    }

    /// Whether a record the working set does not hold can be new rather than one it left out:
    /// every record of its kind is held, or it is about a day after the settled ones and its id
    /// names such a day too (ids of daily records do: "dose-2026-11-30-evening").
    public func mayBeNew(_ entry: Entry) -> Bool {
        if case .checklistTick(let tick)? = entry.body { return Self.tickMonths(around: courseMonth).contains(tick.month) }
        switch entry.kind {
        case .reminderState?, .deviceName?, .checklistItem?, .prescriberDecision?:
            return true
        default:
            guard holds(day: entry.day), let named = Self.dayNamed(in: entry.id.rawValue) else { return false }
            return holds(day: named)
        }
    }

    /// The first yyyy-mm-dd in a record id.
    static func dayNamed(in id: String) -> LocalDate? {
        let bytes = Array(id.utf8)
        guard bytes.count >= 10 else { return nil }
        func digit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        for start in 0...(bytes.count - 10) {
            let slice = bytes[start..<(start + 10)]
            let ok = slice.enumerated().allSatisfy { index, byte in index == 4 || index == 7 ? byte == 0x2D : digit(byte) }
            if ok, let day = LocalDate(iso: String(decoding: slice, as: UTF8.self)) { return day }
        }
        return nil
    }

    static func startDate(of entry: Entry?) -> LocalDate? {
        switch entry?.body {
        case .doseStep(let step)?: return step.startDate
        case .pause(let pause)?: return pause.startDate
        default: return nil
        }
    }

    /// The earliest moment a record's stop event could start a hold from.
    static func momentOf(_ entry: Entry) -> Date {
        switch entry.body {
        case .redFlag(let report)?: return min(entry.recordedAt, report.acknowledgedAt ?? entry.recordedAt)
        case .moodCheck(let check)?: return min(entry.recordedAt, check.crisisGuidanceShownAt ?? entry.recordedAt)
        default: return entry.recordedAt
        }
    }

    /// After the settled days, with a day's margin for time zones.
    var settledEnd: Date {
        Timestamp.instant(of: settledThrough.adding(days: 2), minuteOfDay: 0, in: TimeZone(identifier: zoneIdentifier) ?? .gmt)
    }
}
