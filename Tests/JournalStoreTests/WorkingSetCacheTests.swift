import Foundation
import Glibc
import Testing
@testable import JournalCore
@testable import JournalStore

/// The working-set cache: used only when it checks out against the journal, never written by a
/// viewing open, and whatever is wrong with it costs a slower start, never a wrong journal.
@Suite struct WorkingSetCacheTests {
    static let zone = TimeZone.current
    static var today: LocalDate { Timestamp.localDate(of: Date(), in: zone) }

    /// Two years of synthetic records ending today, written as the store writes them.
    static func writeJournal(in directory: String, count: Int = 6_000, seed: UInt64 = 3) {
        let entries = SyntheticJournal.entries(count: count, seed: seed, endingOn: today)
        var bytes = JournalHeader(createdAt: entries.first!.recordedAt).encodeLine()
        var kinds: [EntryID: String] = [:]
        for entry in entries {
            bytes += EntryCodec.encodeLine(entry, retractedKind: entry.body == nil ? kinds[entry.id] : nil)
            if let body = entry.body { kinds[entry.id] = body.kindName }
        }
        writeFile(directory + "/journal.jsonl", bytes)
    }

    static func open(_ directory: String, _ mode: JournalStore.Mode = .readWrite, scope: JournalStore.Scope = .workingSet) throws -> JournalStore {
        try JournalStore(directory: directory, mode: mode, scope: scope)
    }

    static func reminders(_ journal: Journal) -> [Reminder] { journal.reminders(now: Date(), timeZone: zone, horizon: 48 * 3600) }

    /// Writes a journal and its cache (a read-write open keeps it after a save).
    static func journalWithCache(_ directory: String) throws {
        writeJournal(in: directory)
        let store = try open(directory)
        #expect(store.journal.isWhole, "no cache yet: the whole journal")
        store.saveWorkingSet()
        #expect(fileBytes(directory + "/journal.cache") != nil)
    }

    @Test func aSecondOpenStartsFromTheCacheAndShowsTheSame() throws {
        try withTemporaryDirectory { directory in
            try Self.journalWithCache(directory)
            let fast = try Self.open(directory, .readOnly)
            let whole = try Self.open(directory, .readOnly, scope: .whole)
            #expect(!fast.journal.isWhole)
            #expect(fast.journal.revisions.count * 5 < whole.journal.revisions.count)
            #expect(Self.reminders(fast.journal) == Self.reminders(whole.journal))
            #expect(permissions(directory + "/journal.cache") == 0o600)
        }
    }

    @Test func aViewingOpenNeverWritesTheCache() throws {
        try withTemporaryDirectory { directory in
            Self.writeJournal(in: directory)
            let store = try Self.open(directory, .readOnly)
            store.saveWorkingSet()
            #expect(!directoryNames(directory).contains { $0.hasPrefix("journal.cache") })
        }
    }

    @Test func linesAppendedSinceAreReadOnTop() throws {
        try withTemporaryDirectory { directory in
            try Self.journalWithCache(directory)
            let other = try Self.open(directory, scope: .whole)
            let id = SymptomRating.entryID(day: Self.today, symptom: "headache")
            try other.record([.put(id, day: Self.today, body: .symptom(SymptomRating(symptom: "headache", grade: 3)))])
            let fast = try Self.open(directory, .readOnly)
            #expect(!fast.journal.isWhole)
            #expect(fast.journal.symptomRating(on: Self.today, symptom: "headache")?.grade == 3)
            #expect(fast.journal.revisionNumber(of: id) == other.journal.revisionNumber(of: id))
        }
    }

    @Test func aCorrectionOfAnOldDayIsSeenByReadingEverything() throws {
        try withTemporaryDirectory { directory in
            try Self.journalWithCache(directory)
            let old = Self.today.adding(days: -300)
            let id = SymptomRating.entryID(day: old, symptom: "dry-skin")
            let other = try Self.open(directory, scope: .whole)
            let before = other.journal.revisionNumber(of: id)
            try other.record([.put(id, day: old, body: .symptom(SymptomRating(symptom: "dry-skin", grade: 3, note: "late correction")))])
            let fast = try Self.open(directory, .readOnly)
            #expect(fast.journal.isWhole)
            #expect(fast.journal.symptomRating(on: old, symptom: "dry-skin")?.note == "late correction")
            #expect(fast.journal.revisionNumber(of: id) == before + 1)
        }
    }

    /// A working-set store asked to save about a record it does not hold numbers the revision
    /// after the real latest (it decides again on the whole journal).
    @Test func savingAboutAnOldDayNumbersTheRevisionRight() throws {
        try withTemporaryDirectory { directory in
            try Self.journalWithCache(directory)
            let old = Self.today.adding(days: -400)
            let id = DoseIntake.entryID(day: old, slot: "morning")
            let before = try Self.open(directory, .readOnly, scope: .whole).journal.revisionNumber(of: id)
            #expect(before >= 1)
            let fast = try Self.open(directory)
            #expect(!fast.journal.isWhole)
            try fast.record([.put(id, day: old, body: .dose(DoseIntake(slot: "morning", status: .skipped, milligrams: nil, withFood: nil)))])
            let whole = try Self.open(directory, .readOnly, scope: .whole)
            #expect(whole.journal.revisionNumber(of: id) == before + 1)
            #expect(whole.journal.history(of: id).map(\.revision) == Array(1...(before + 1)))
        }
    }

    @Test(arguments: ["flipped byte", "cut short", "another journal's", "loose permissions", "a folder", "empty"])
    func aBadCacheIsIgnored(_ damage: String) throws {
        try withTemporaryDirectory { directory in
            try Self.journalWithCache(directory)
            let path = directory + "/journal.cache"
            var bytes = fileBytes(path)!
            switch damage {
            case "flipped byte":
                bytes[bytes.count / 2] ^= 0x20
                writeFile(path, bytes)
            case "cut short":
                writeFile(path, Array(bytes.prefix(bytes.count - 700)))
            case "another journal's":
                // A cache made for another folder's journal of the same kind and length.
                try withTemporaryDirectory { elsewhere in
                    try Self.journalWithCache(elsewhere)
                    writeFile(path, fileBytes(elsewhere + "/journal.cache")!)
                }
            case "loose permissions":
                chmod(path, 0o644)
            case "a folder":
                unlink(path)
                mkdir(path, 0o700)
            default:
                writeFile(path, [])
            }
            let fast = try Self.open(directory, .readOnly)
            #expect(fast.journal.isWhole)
            let whole = try Self.open(directory, .readOnly, scope: .whole)
            #expect(Self.reminders(fast.journal) == Self.reminders(whole.journal))
        }
    }

    /// The journal cut back (restored from a backup, say) under a cache that looks valid.
    @Test func aShorterJournalUnderTheCacheIsReadWhole() throws {
        try withTemporaryDirectory { directory in
            try Self.journalWithCache(directory)
            let journal = directory + "/journal.jsonl"
            let bytes = fileBytes(journal)!
            let cut = bytes[..<bytes.dropLast().lastIndex(of: 0x0A)!].lastIndex(of: 0x0A)! + 1
            let fd = Glibc.open(journal, O_WRONLY)
            ftruncate(fd, off_t(cut))
            Glibc.close(fd)
            let fast = try Self.open(directory, .readOnly)
            #expect(fast.journal.isWhole)
            #expect(fast.journal.revisions.count == (try Self.open(directory, .readOnly, scope: .whole)).journal.revisions.count)
            #expect(fast.journal.revisions.count < 6_000)
        }
    }

    /// The journal replaced by another file of the same length (its inode number may well be
    /// reused): the content checks catch what the identity cannot.
    @Test(arguments: ["last line", "first line"])
    func aReplacedJournalFileIsReadWhole(_ changed: String) throws {
        try withTemporaryDirectory { directory in
            try Self.journalWithCache(directory)
            let journal = directory + "/journal.jsonl"
            var bytes = fileBytes(journal)!
            // One digit changed, the length kept: a different journal to anything but a full read.
            let range = changed == "last line" ? (bytes.dropLast().lastIndex(of: 0x0A)!..<bytes.count) : (0..<bytes.firstIndex(of: 0x0A)!)
            let digit = range.first { bytes[$0] >= 0x30 && bytes[$0] <= 0x38 }!
            bytes[digit] += 1
            unlink(journal)
            writeFile(journal, bytes)
            #expect(try Self.open(directory, .readOnly).journal.isWhole)
        }
    }

    /// A cache write killed before its rename leaves a temporary file, never a cache that is
    /// trusted; the next read-write open removes the leftover.
    @Test func aLeftoverFromAKilledCacheWriteIsRemoved() throws {
        try withTemporaryDirectory { directory in
            try Self.journalWithCache(directory)
            let good = fileBytes(directory + "/journal.cache")!
            writeFile(directory + "/journal.cache.tmp-1234", Array(good.prefix(good.count / 3)))
            let store = try Self.open(directory)
            #expect(!store.journal.isWhole)
            #expect(!directoryNames(directory).contains("journal.cache.tmp-1234"))
        }
    }

    /// A few saves are read on top of the cache; past `rewriteAfterBytes` a save rewrites it.
    @Test func savesRewriteTheCacheOnlyOnceTheyAddUp() throws {
        try withTemporaryDirectory { directory in
            try Self.journalWithCache(directory)
            let before = fileBytes(directory + "/journal.cache")!
            let store = try Self.open(directory)
            let id = SymptomRating.entryID(day: Self.today, symptom: "nosebleed")
            try store.record([.put(id, day: Self.today, body: .symptom(SymptomRating(symptom: "nosebleed", grade: 1)))])
            #expect(!store.journal.isWhole)
            store.saveWorkingSet()
            #expect(fileBytes(directory + "/journal.cache")! == before, "one small save: the cache stays, the line is read on top")
            #expect(try Self.open(directory, .readOnly).journal.symptomRating(on: Self.today, symptom: "nosebleed")?.grade == 1)
            let note = String(repeating: "long note ", count: 700)
            for grade in 0..<12 {
                try store.record([.put(id, day: Self.today, body: .symptom(SymptomRating(symptom: "nosebleed", grade: grade % 4, note: note)))])
            }
            store.saveWorkingSet()
            let cache = WorkingSetFile.decode(fileBytes(directory + "/journal.cache")!)
            #expect(cache?.header.length == fileBytes(directory + "/journal.jsonl")!.count)
            #expect(cache?.revisions.filter { $0.id == id }.count == 13)
        }
    }
}
