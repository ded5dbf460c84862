/// The whole journal in memory: every revision ever written, and the current state.
///
/// A value type: screens hold a copy, the store hands out updated copies. Applying an entry
/// is the only way in, so the in-memory state is always what replaying the file gives.
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

    public init() {}

    public init(revisions: [Entry]) {
        for entry in revisions { apply(entry) }
    }

    public mutating func apply(_ entry: Entry) {
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
        if let previous = newest[entry.id], let oldKind = revisions[previous].kind, oldKind != entry.kind {
            currentByKind[oldKind]?[entry.id] = nil
        }
        if let kind = entry.kind { currentByKind[kind, default: [:]][entry.id] = index }
        newest[entry.id] = index
        derived = DerivedRecords()
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
