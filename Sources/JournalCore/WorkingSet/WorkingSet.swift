import Foundation
import JournalResources

/// The part of a journal that the first screen, `remind`, `status` and `log` read, so they
/// cost the same after ten years as after ten days.
///
/// A working set holds every revision of:
/// - every record dated in the last `recentDays` days or later (the window);
/// - every record of the kinds that shape the course or are always few (course, plan, pause,
///   decisions, settings, custom checklist items, device names, red flags, reminder states);
/// - older records a recent screen still reads: scheduled appointments, lab results flagged
///   above "noted", the newest result of each test, pregnancy tests since the course ended,
///   self-harm answers and the newest mood check, the newest prescriber visit (appointment or
///   tick), checklist ticks of this course month and the two before and after (ticks name a
///   month, not a course), the first weight and the last one before the window, records marked
///   "future" and records changed on two devices;
/// and each course's dose totals for the days before the window (`SettledDoses`).
///
/// It is derived data: the working-set cache stores it, and the store checks it against the
/// journal file on every open (see the store's `WorkingSetCache`). `WorkingSetTests` compares
/// every screen and command worked out from it with the same worked out from the whole journal.
public enum WorkingSet {
    /// How many days before today a working set holds whole.
    public static let recentDays = 62

    /// The working set of `journal` (whole, or a working set itself: then the window only moves
    /// forward, and what it settled is carried) as of `now`.
    public static func make(from journal: Journal, now: Date, zone: TimeZone) -> (revisions: [Entry], window: WorkingSetWindow) {
        let today = Timestamp.localDate(of: now, in: zone)
        let settledThrough = max(today.adding(days: -recentDays), journal.window?.settledThrough ?? .init(daysSinceEpoch: Int.min / 4))
        let keep = keptRecords(journal, settledThrough: settledThrough, now: now, zone: zone, today: today)
        var settled: [Int: SettledDoses] = [:]
        for course in journal.courses {
            guard let records = journal.courseRecords(number: course.number) else { continue }
            settled[course.number] = SettledDoses.through(settledThrough, records: records, zone: zone)
        }
        let weights = journal.currentEntries(of: .weight).map(\.day)
        let window = WorkingSetWindow(settledThrough: settledThrough, builtAt: now, zoneIdentifier: zone.identifier,
                                      settled: settled, firstWeightDay: weights.min(),
                                      courseMonth: currentCourseMonth(journal, today: today))
        return (journal.revisions.filter { keep.contains($0.id) }, window)
    }

    /// A working set as a journal, ready to take later revisions.
    public static func journal(from journal: Journal, now: Date, zone: TimeZone) -> Journal {
        let (revisions, window) = make(from: journal, now: now, zone: zone)
        return Journal(workingSet: revisions, window: window)
    }

    static func currentCourseMonth(_ journal: Journal, today: LocalDate) -> Int {
        guard let start = journal.courses.last?.settings.startDate else { return 1 }
        return max(1, start.days(until: today) / 30 + 1)
    }

    /// The ids of the records a working set holds (see the type's comment).
    static func keptRecords(_ journal: Journal, settledThrough: LocalDate, now: Date, zone: TimeZone,
                            today: LocalDate) -> Set<EntryID> {
        var keep: Set<EntryID> = []
        let future = FutureDating(now: now, timeZone: zone)
        let tickMonths = WorkingSetWindow.tickMonths(around: currentCourseMonth(journal, today: today))
        let courseEnded = journal.courses.last?.settings.lastDoseDate
        // The newest day of each "newest" rule, then every record of that day is kept.
        var newestDay: [String: LocalDate] = [:]
        var newestIDs: [String: [EntryID]] = [:]
        func consider(_ group: String, _ entry: Entry) {
            let best = newestDay[group]
            if best == nil || entry.day > best! {
                newestDay[group] = entry.day
                newestIDs[group] = [entry.id]
            } else if entry.day == best! {
                newestIDs[group, default: []].append(entry.id)
            }
        }
        var firstWeight: Entry?
        for entry in journal.newestRevisions {
            if entry.day > settledThrough || journal.isChangedOnTwoDevices(entry.id) || future.isFuture(entry) {
                keep.insert(entry.id)
                continue
            }
            switch entry.body {
            case nil:
                // Withdrawn before the window: nothing shows it.
                break
            case .course?, .doseStep?, .pause?, .prescriberDecision?, .programmeSettings?, .labFlagSettings?,
                 .checklistItem?, .deviceName?, .redFlag?, .reminderState?, .unrecognized?:
                keep.insert(entry.id)
            case .symptom?, .dose?, .medicine?:
                break
            case .weight?:
                consider("weight", entry)
                if firstWeight == nil || entry.day < firstWeight!.day { firstWeight = entry }
            case .labResult(let result)?:
                consider("lab:" + result.test.rawValue, entry)
                if result.test == .pregnancy, let courseEnded, entry.day >= courseEnded { keep.insert(entry.id) }
            case .moodCheck(let check)?:
                consider("mood", entry)
                if check.selfHarmAnswered { keep.insert(entry.id) }
            case .checklistTick(let tick)?:
                if tickMonths.contains(tick.month) { keep.insert(entry.id) }
                if tick.item == "prescriber-visit", tick.done { consider("visit-tick", entry) }
            case .labAppointment(let appointment)?:
                if appointment.status == .scheduled { keep.insert(entry.id) }
                if appointment.what == .prescriberVisit, appointment.status == .done { consider("visit", entry) }
            }
        }
        if let firstWeight { keep.insert(firstWeight.id) }
        for ids in newestIDs.values { keep.formUnion(ids) }
        for item in journal.labRecords.results where (item.highestFlag?.level ?? .noted) > .noted {
            keep.insert(item.id)
        }
        return keep
    }
}

extension WorkingSet {
    /// Changes whenever what a working set holds or settles could, as far as the domain knows:
    /// its own layout and the shipped rule data. (The store adds the program file itself.)
    public static let fingerprint: String = {
        var rules: [UInt8] = []
        for data in [EmbeddedResources.programmeRules, EmbeddedResources.labFlagRules, EmbeddedResources.courseHoldRules,
                     EmbeddedResources.redFlagCatalogue, EmbeddedResources.symptomCatalogue, EmbeddedResources.phqQuestionnaire] {
            rules += data
        }
        return "working-set 1; rules \(Checksum.sha256Hex(rules).prefix(16))"
    }()
}
