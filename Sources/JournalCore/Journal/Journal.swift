import Foundation

/// The journal in memory: every revision ever written, and the current state.
///
/// A value type: screens hold a copy, the store hands out updated copies. Applying an entry
/// is the only way in, so the in-memory state is always what replaying the file gives.
///
/// Usually it holds the whole journal. A journal opened from the working-set cache holds only
/// the records recent screens and commands read, plus settled dose totals for the days before
/// (`window`); see `WorkingSet`. Code that reads the whole history asks for a whole journal.
public struct Journal: Sendable {
    /// Every revision in the order it was written.
    public private(set) var revisions: [Entry] = []
    /// Index into `revisions` of the newest revision of each record.
    private var newest: [EntryID: Int] = [:]
    /// Ids of records about each day (current or retracted), in first-written order.
    private var idsByDay: [LocalDate: [EntryID]] = [:]
    /// Current records of each kind: id -> index into `revisions` (retracted ones left out),
    /// so reading one kind (the course, the labs) never walks the whole journal.
    private var currentByKind: [EntryKind: [EntryID: Int]] = [:]
    /// What is worked out from the records (course, labs), kept until the next `apply`.
    var derived = DerivedRecords()
    /// How many revisions each record has (every device's), and the highest revision number.
    private var revisionCounts: [EntryID: (count: Int, highest: Int)] = [:]
    /// Records whose newest revision was written without seeing another machine's revision.
    private var unconfirmedAcrossDevices: Set<EntryID> = []
    /// Set when this journal holds a working set instead of every record (nil: the whole journal).
    public private(set) var window: WorkingSetWindow?

    /// Whether every record is here (not a working set).
    public var isWhole: Bool { window == nil }

    public init() {}

    /// A working set: `revisions` are every revision of the records it keeps, in journal order.
    public init(workingSet revisions: [Entry], window: WorkingSetWindow) {
        for entry in revisions { apply(entry) }
        self.window = window
    }

    public init(revisions: [Entry]) {
        for entry in revisions { apply(entry) }
    }

    public mutating func apply(_ entry: Entry) {
        // A working set takes a new revision only when it cannot change what was settled or left
        // out; otherwise it is marked broken, and its owner reads the whole journal instead.
        if let window, !window.isBroken, !window.admits(entry, previous: latestRevision(of: entry.id), journal: self) {
            self.window?.isBroken = true
        }
        let index = revisions.count
        revisions.append(entry)
        if let previous = newest[entry.id] {
            let old = revisions[previous]
            if old.day != entry.day {
                idsByDay[old.day]?.removeAll { $0 == entry.id }
                idsByDay[entry.day, default: []].append(entry.id)
            }
        } else {
            idsByDay[entry.day, default: []].append(entry.id)
        }
        let shownBefore = newest[entry.id].map { revisions[$0] }
        if let previous = newest[entry.id], let oldKind = revisions[previous].kind, oldKind != entry.kind {
            currentByKind[oldKind]?[entry.id] = nil
        }
        if let kind = entry.kind { currentByKind[kind, default: [:]][entry.id] = index }
        newest[entry.id] = index
        let counted = revisionCounts[entry.id]
        let before = counted?.count ?? 0
        revisionCounts[entry.id] = (before + 1, max(counted?.highest ?? 0, entry.revision))
        // The writer saw fewer revisions than stand before this one: a change made on another
        // machine meanwhile was not seen. A later revision written with all of them in view
        // (any edit, or a confirmation) settles it.
        if let origin = entry.origin, origin.knownRevisions < before,
           !Self.saysTheSame(entry, shownBefore, wasSettled: !unconfirmedAcrossDevices.contains(entry.id)) {
            unconfirmedAcrossDevices.insert(entry.id)
        } else {
            unconfirmedAcrossDevices.remove(entry.id)
        }
        derived = DerivedRecords()
    }

    /// Two machines that wrote the same thing apart (both confirmed one version) did not
    /// disagree. Doses are the exception: the same dose recorded as taken on two machines may
    /// be one dose logged twice or two doses, and only the person can say which.
    private static func saysTheSame(_ entry: Entry, _ shown: Entry?, wasSettled: Bool) -> Bool {
        guard wasSettled, let shown, entry.kind != .dose else { return false }
        return shown.body == entry.body && shown.day == entry.day && shown.occurredAt == entry.occurredAt
    }

    /// Records changed on two machines while they were apart, not yet confirmed: the newest
    /// revision (the one shown) was written without seeing the other machine's. Sorted by id.
    public var recordsChangedOnTwoDevices: [EntryID] { unconfirmedAcrossDevices.sorted() }

    /// How many revisions of a record exist, from every device.
    public func revisionCount(of id: EntryID) -> Int { revisionCounts[id]?.count ?? 0 }

    /// The highest revision number of a record: a new revision is numbered after it. With one
    /// device it is the newest revision's; with several, another device may have gone further.
    public func highestRevision(of id: EntryID) -> Int { revisionCounts[id]?.highest ?? 0 }

    public func isChangedOnTwoDevices(_ id: EntryID) -> Bool { unconfirmedAcrossDevices.contains(id) }

    /// For a record changed on two devices: the version shown (the newest revision) first, then
    /// each other device's latest revision of it, the versions someone has to choose between.
    public func competingVersions(of id: EntryID) -> [Entry] {
        guard let shown = latestRevision(of: id) else { return [] }
        var seenDevices: Set<String> = [shown.origin?.device ?? ""]
        var others: [Entry] = []
        // The writer of the shown version knew `knownRevisions` of them; older ones are not in question.
        let all = history(of: id)
        for entry in all.suffix(from: min(shown.origin?.knownRevisions ?? all.count, all.count)).reversed() {
            let device = entry.origin?.device ?? ""
            guard !seenDevices.contains(device) else { continue }
            seenDevices.insert(device)
            others.append(entry)
        }
        return [shown] + others
    }

    /// Current records of one kind (retracted ones left out), in no particular order.
    public func currentEntries(of kind: EntryKind) -> [Entry] {
        (currentByKind[kind] ?? [:]).values.map { revisions[$0] }
    }

    /// Current records of several kinds, in no particular order.
    public func currentEntries(of kinds: [EntryKind]) -> [Entry] {
        kinds.flatMap { currentEntries(of: $0) }
    }

    /// Number of records that exist now (retracted ones excluded).
    public var currentRecordCount: Int {
        newest.values.reduce(0) { $0 + (revisions[$1].isRetraction ? 0 : 1) }
    }

    /// Every record as it stands now (retracted ones left out), in no particular order.
    public var currentEntries: [Entry] {
        newest.values.compactMap { revisions[$0].isRetraction ? nil : revisions[$0] }
    }

    /// Current records written or happened after `limit`, or (kinds whose day may not lie ahead)
    /// dated after `lastDay`, in write order. Today asks every second: the records are sorted
    /// once per journal value, then each ask is two binary searches.
    func currentRecordsDated(after limit: Date, orDayAfter lastDay: LocalDate) -> [Entry] {
        let index = derived.lateness {
            var byInstant: [(Date, Int)] = []
            var byDay: [(LocalDate, Int)] = []
            for position in newest.values where !revisions[position].isRetraction {
                let entry = revisions[position]
                byInstant.append((max(entry.recordedAt, entry.occurredAt ?? .distantPast), position))
                if !FutureDating.mayBeAhead(entry.kind) { byDay.append((entry.day, position)) }
            }
            return .init(byInstant: byInstant.sorted { $0.0 < $1.0 }, byDay: byDay.sorted { $0.0 < $1.0 })
        }
        func firstAfter<Key: Comparable>(_ items: [(Key, Int)], _ key: Key) -> Int {
            var low = 0, high = items.count
            while low < high {
                let middle = (low + high) / 2
                if items[middle].0 > key { high = middle } else { low = middle + 1 }
            }
            return low
        }
        var found = Set(index.byInstant[firstAfter(index.byInstant, limit)...].map(\.1))
        found.formUnion(index.byDay[firstAfter(index.byDay, lastDay)...].map(\.1))
        return found.sorted().map { revisions[$0] }
    }

    /// The newest revision of every record, retractions included, in no particular order.
    var newestRevisions: [Entry] { newest.values.map { revisions[$0] } }

    /// The newest revision of a record, retraction included.
    public func latestRevision(of id: EntryID) -> Entry? {
        newest[id].map { revisions[$0] }
    }

    /// The record as it stands now; nil if it never existed or was retracted.
    public func current(_ id: EntryID) -> Entry? {
        guard let entry = latestRevision(of: id), !entry.isRetraction else { return nil }
        return entry
    }

    public func revisionNumber(of id: EntryID) -> Int { latestRevision(of: id)?.revision ?? 0 }

    /// Every revision of one record, oldest first.
    public func history(of id: EntryID) -> [Entry] { revisions.filter { $0.id == id } }

    /// Current records about a day, in the order they were first written.
    public func entries(on day: LocalDate) -> [Entry] {
        (idsByDay[day] ?? []).compactMap { current($0) }
    }

    /// Days that have at least one current record, ascending.
    public var daysWithEntries: [LocalDate] {
        idsByDay.keys.filter { !entries(on: $0).isEmpty }.sorted()
    }

    public func symptomRatings(on day: LocalDate) -> [SymptomRating] {
        entries(on: day).compactMap { if case .symptom(let rating)? = $0.body { return rating } else { return nil } }
    }

    public func symptomRating(on day: LocalDate, symptom: String) -> SymptomRating? {
        guard case .symptom(let rating)? = current(SymptomRating.entryID(day: day, symptom: symptom))?.body else { return nil }
        return rating
    }

    public func redFlags(on day: LocalDate) -> [RedFlagReport] {
        entries(on: day).compactMap { if case .redFlag(let report)? = $0.body { return report } else { return nil } }
    }

    /// Current records from `from` to `to` inclusive, by day then by write order.
    public func entries(from: LocalDate, to: LocalDate) -> [Entry] {
        idsByDay.keys.filter { $0 >= from && $0 <= to }.sorted().flatMap { entries(on: $0) }
    }
}
