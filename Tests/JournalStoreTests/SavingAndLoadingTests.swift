import Foundation
import Glibc
import JournalCore
@testable import JournalStore
import Testing

@Suite("Saving and loading")
struct SavingAndLoadingTests {
    @Test func everyKindSurvivesASaveAndAReopen() throws {
        try withTemporaryDirectory { dir in
            let clock = TestClock()
            let store = try JournalStore(directory: dir, clock: clock.read)
            #expect(store.journal.revisions.isEmpty)
            #expect(fileBytes(store.journalPath) == nil, "nothing is created before the first entry")
            for batch in Sample.mixedChanges {
                try store.record(batch)
                clock.advance(61.5)
            }
            let reopened = try JournalStore(directory: dir)
            #expect(reopened.journal.revisions == store.journal.revisions)
            #expect(reopened.journal.revisions.count == 5)
            #expect(reopened.notices.isEmpty)
            let lips = SymptomRating.entryID(day: Sample.day, symptom: "dry-lips")
            #expect(reopened.journal.history(of: lips).map(\.revision) == [1, 2])
            #expect(reopened.journal.symptomRating(on: Sample.day, symptom: "dry-lips")?.grade == 3)
            #expect(reopened.journal.history(of: lips).first?.body
                    == .symptom(SymptomRating(symptom: "dry-lips", grade: 1, note: "Lips \"cracked\" — ça pique 🙁")))
            let bleed = SymptomRating.entryID(day: Sample.day, symptom: "nosebleed")
            #expect(reopened.journal.current(bleed) == nil)
            #expect(reopened.journal.latestRevision(of: bleed)?.reason == "logged by mistake")
            #expect(reopened.journal.latestRevision(of: bleed)?.revision == 2)
            let flag = try #require(reopened.journal.redFlags(on: Sample.day).first)
            #expect(flag.acknowledgedAt == Date(timeIntervalSince1970: 1_795_731_005))
            let flagEntry = try #require(reopened.journal.current(RedFlagReport.entryID(day: Sample.day, flag: "mood-self-harm")))
            #expect(flagEntry.occurredOffsetSeconds == 3600)
            #expect(flagEntry.occurredAt == Date(timeIntervalSince1970: 1_795_700_000))
        }
    }

    @Test func fileHasTheHeaderThenOneLinePerRevision() throws {
        try withTemporaryDirectory { dir in
            let bytes = try Sample.writeMixedJournal(in: dir)
            let text = lines(bytes)
            #expect(text.count == 7) // header + 5 revisions + "" after the final newline
            #expect(text[0] == #"{"format":"isojournal","schemaVersion":1,"createdAt":"2026-11-26T22:10:05Z"}"#)
            #expect(text[4].hasPrefix(#"{"id":"symptom-2026-11-26-nosebleed","rev":1,"#))
            #expect(text[5].hasPrefix(#"{"id":"symptom-2026-11-26-nosebleed","rev":2,"kind":"symptom","#))
            #expect(text[5].hasSuffix(#""retracted":true,"reason":"logged by mistake"}"#))
            #expect(text[6] == "")
        }
    }

    @Test func inMemoryJournalIsExactlyWhatTheFileGivesBack() throws {
        // The clock has a fraction of a second the file does not keep.
        try withTemporaryDirectory { dir in
            let store = try JournalStore(directory: dir, clock: TestClock().read)
            let returned = try store.record([Sample.symptom()])
            #expect(returned.revisions == store.journal.revisions)
            #expect(store.journal.revisions.first?.recordedAt == Date(timeIntervalSince1970: 1_795_731_005))
            #expect(try JournalStore(directory: dir).journal.revisions == store.journal.revisions)
        }
    }

    @Test func twoChangesToOneRecordInOneBatchGetSuccessiveRevisions() throws {
        try withTemporaryDirectory { dir in
            let store = try JournalStore(directory: dir, clock: TestClock().read)
            try store.record([Sample.symptom(grade: 1)])
            try store.record([Sample.symptom(grade: 2), Sample.symptom(grade: 3),
                              .retract(id: SymptomRating.entryID(day: Sample.day, symptom: "dry-lips"), day: Sample.day, reason: nil)])
            let id = SymptomRating.entryID(day: Sample.day, symptom: "dry-lips")
            #expect(store.journal.history(of: id).map(\.revision) == [1, 2, 3, 4])
            #expect(try JournalStore(directory: dir).journal.history(of: id).map(\.revision) == [1, 2, 3, 4])
            #expect(lines(fileBytes(store.journalPath)!)[4].contains(#""kind":"symptom","#), "a retraction keeps the kind")
        }
    }

    @Test func anEmptyBatchWritesNothing() throws {
        try withTemporaryDirectory { dir in
            let store = try JournalStore(directory: dir)
            try store.record([])
            #expect(fileBytes(store.journalPath) == nil)
        }
    }

    @Test func unknownKindLineIsKeptByteForByteAcrossAppends() throws {
        try withTemporaryDirectory { dir in
            let original = try Sample.writeMixedJournal(in: dir) + Sample.futureLine
            let path = dir + "/journal.jsonl"
            writeFile(path, original)
            let store = try JournalStore(directory: dir, clock: TestClock().read)
            let labID = EntryID("lab-2026-11-26-alt")
            #expect(store.journal.current(labID)?.body == .unrecognized(kind: "lab-panel"))
            try store.record([Sample.symptom("headache", grade: 1)])
            try store.record([.retract(id: labID, day: Sample.day, reason: "entered on the wrong phone")])
            let after = fileBytes(path)!
            #expect(Array(after.prefix(original.count)) == original)
            let last = lines(after).dropLast().last!
            #expect(last.contains(#""rev":2,"kind":"lab-panel""#) && last.contains(#""retracted":true"#))
            let reopened = try JournalStore(directory: dir)
            #expect(reopened.journal.history(of: labID).count == 2)
            #expect(reopened.journal.current(labID) == nil)
        }
    }

    @Test func changesThisVersionCannotWriteAreRefusedAndNothingIsWritten() throws {
        try withTemporaryDirectory { dir in
            let store = try JournalStore(directory: dir)
            try store.record([Sample.symptom()])
            let before = fileBytes(store.journalPath)
            let bad = JournalChange.put(EntryID("lab-1"), day: Sample.day, body: .unrecognized(kind: "lab"))
            let error = storeError { try store.record([Sample.symptom("acne", grade: 1), bad]) }
            guard case .invalidChange(let id, _)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(id == "lab-1")
            #expect(error?.message.contains("NOT saved") == true)
            #expect(fileBytes(store.journalPath) == before)
            #expect(store.journal.revisions.count == 1)
        }
    }

    @Test func newerFormatOpensForViewingOnlyAndIsNeverWritten() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/journal.jsonl"
            var bytes = Array(#"{"format":"isojournal","schemaVersion":3,"createdAt":"2030-01-01T00:00:00Z","cipher":"none"}"#.utf8) + [0x0A]
            bytes += Array(#"{"id":"a","rev":1,"kind":"symptom","recordedAt":"2030-01-01T00:00:00Z","day":"2030-01-01","data":{"symptom":"x","grade":1}}"#.utf8) + [0x0A]
            bytes += Sample.futureLine + Array(#"{"id":"torn"#.utf8)
            writeFile(path, bytes)
            for mode in [JournalStore.Mode.readWrite, .readOnly] {
                let store = try JournalStore(directory: dir, mode: mode)
                #expect(store.isReadOnly)
                #expect(store.readOnlyReason?.contains("newer version") == true)
                #expect(store.notices.contains { $0.contains("newer version of IsoJournal") })
                #expect(store.journal.revisions.count == 2)
                let error = storeError { try store.record([Sample.symptom()]) }
                guard case .readOnly? = error else { Issue.record("got \(String(describing: error))"); continue }
                #expect(fileBytes(path) == bytes)
                #expect(directoryNames(dir).allSatisfy { !$0.hasPrefix("journal.torn") })
            }
        }
    }

    @Test func newerFormatThatCannotBeReadSaysSo() {
        withTemporaryDirectory { dir in
            let path = dir + "/journal.jsonl"
            let bytes = Array("{\"format\":\"isojournal\",\"schemaVersion\":7}\n[\"packed\",1,2]\n".utf8)
            writeFile(path, bytes)
            #expect(throws: StoreError.newerVersion(file: path, schemaVersion: 7)) { try JournalStore(directory: dir) }
            #expect(fileBytes(path) == bytes)
        }
    }

    @Test func transactionDecidesOnTheNewestJournal() throws {
        try withTemporaryDirectory { dir in
            let shell = try JournalStore(directory: dir, clock: TestClock().read)
            let screen = try JournalStore(directory: dir, clock: TestClock().read)
            try screen.record([Sample.symptom(grade: 1)])
            var seen = 0
            try shell.transaction { journal in
                seen = journal.revisions.count
                let grade = journal.symptomRating(on: Sample.day, symptom: "dry-lips")?.grade ?? 0
                return [Sample.symptom(grade: grade + 1)]
            }
            #expect(seen == 1)
            #expect(shell.journal.symptomRating(on: Sample.day, symptom: "dry-lips")?.grade == 2)
            #expect(shell.journal.revisionNumber(of: SymptomRating.entryID(day: Sample.day, symptom: "dry-lips")) == 2)
        }
    }

    @Test func transactionErrorIsRethrownAndNothingIsWritten() throws {
        struct NoSuchRecord: Error, Equatable {}
        try withTemporaryDirectory { dir in
            let store = try JournalStore(directory: dir)
            try store.record([Sample.symptom()])
            let before = fileBytes(store.journalPath)
            #expect(throws: NoSuchRecord()) {
                try store.transaction { _ in throw NoSuchRecord() }
            }
            #expect(fileBytes(store.journalPath) == before)
            try store.record([Sample.symptom(grade: 0)]) // and the lock was released
        }
    }

    @Test func reloadSeesAppendsReplacementsAndInPlaceRewrites() throws {
        try withTemporaryDirectory { dir in
            let viewer = try JournalStore(directory: dir, mode: .readOnly)
            let writer = try JournalStore(directory: dir, clock: TestClock().read)
            try writer.record([Sample.symptom()])
            #expect(try viewer.reload().revisions.count == 1)
            try writer.record([Sample.symptom("acne", grade: 2)])
            #expect(try viewer.reload().revisions == writer.journal.revisions)

            // Another program rewrites the file in place (same inode), longer than before.
            let other = dir + "/other"
            _ = try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: false)
            let replacement = try Sample.writeMixedJournal(in: other)
            let fd = open(writer.journalPath, O_WRONLY | O_TRUNC)
            replacement.withUnsafeBytes { _ = write(fd, $0.baseAddress, $0.count) }
            close(fd)
            let fresh = try JournalStore(directory: other).journal.revisions
            #expect(try viewer.reload().revisions == fresh)
            #expect(try writer.reload().revisions == fresh)

            // ... or replaces it by rename.
            try FileManager.default.removeItem(atPath: other)
            _ = try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: false)
            let small = try JournalStore(directory: other, clock: TestClock().read)
            try small.record([Sample.symptom("x", grade: 0)])
            #expect(rename(small.journalPath, writer.journalPath) == 0)
            #expect(try viewer.reload().revisions == small.journal.revisions)
            try writer.record([Sample.symptom("y", grade: 1)])
            #expect(writer.journal.revisions.count == 2)
            #expect(try JournalStore(directory: dir).journal.revisions == writer.journal.revisions)
        }
    }

    @Test func aJournalDeletedUnderneathStartsAfreshOnTheNextSave() throws {
        try withTemporaryDirectory { dir in
            let store = try JournalStore(directory: dir, clock: TestClock().read)
            try store.record([Sample.symptom()])
            unlink(store.journalPath)
            try store.record([Sample.symptom("acne", grade: 1)])
            #expect(store.journal.revisions.map(\.id) == [SymptomRating.entryID(day: Sample.day, symptom: "acne")])
            #expect(try JournalStore(directory: dir).journal.revisions == store.journal.revisions)
        }
    }
}
