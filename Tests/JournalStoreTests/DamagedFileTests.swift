import Foundation
import Glibc
import JournalCore
@testable import JournalStore
import Testing

@Suite("Damaged and cut-off files")
struct DamagedFileTests {
    /// Replaces line `number` (1-based) of a file's text.
    func replacingLine(_ number: Int, of bytes: [UInt8], with line: [UInt8]) -> [UInt8] {
        var parts = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        parts[number - 1] = line
        return Array(parts.joined(separator: [0x0A]))
    }

    func expectDamage(_ bytes: [UInt8], line: Int, detail: String, sourceLocation: SourceLocation = #_sourceLocation) {
        withTemporaryDirectory { dir in
            let path = dir + "/journal.jsonl"
            writeFile(path, bytes)
            for mode in [JournalStore.Mode.readWrite, .readOnly] {
                let error = storeError { _ = try JournalStore(directory: dir, mode: mode) }
                guard case .damaged(let file, let at, let why)? = error else {
                    Issue.record("\(mode): got \(String(describing: error))", sourceLocation: sourceLocation)
                    continue
                }
                #expect(file == path, sourceLocation: sourceLocation)
                #expect(at == line, sourceLocation: sourceLocation)
                #expect(why.contains(detail), "\(why)", sourceLocation: sourceLocation)
                #expect(error!.message.contains(path) && error!.message.contains("line \(line)"), sourceLocation: sourceLocation)
                #expect(fileBytes(path) == bytes, "never written", sourceLocation: sourceLocation)
                #expect(directoryNames(dir).allSatisfy { !$0.hasPrefix("journal.torn") }, sourceLocation: sourceLocation)
            }
        }
    }

    @Test func corruptMiddleLineIsNamedAndTheFileIsLeftAlone() throws {
        let good = try withTemporaryDirectory { try Sample.writeMixedJournal(in: $0) }
        expectDamage(replacingLine(3, of: good, with: Array(#"{"id":"x","rev":"#.utf8)), line: 3, detail: "not valid JSON")
        expectDamage(replacingLine(4, of: good, with: [0x7B, 0xFF, 0x7D]), line: 4, detail: "UTF-8")
        expectDamage(replacingLine(2, of: good, with: []), line: 2, detail: "empty")
        let wrongType = lines(good)[2].replacingOccurrences(of: #""rev":1"#, with: #""rev":true"#)
        expectDamage(replacingLine(3, of: good, with: Array(wrongType.utf8)), line: 3, detail: #""rev" should be"#)
        let badDate = lines(good)[5].replacingOccurrences(of: #""day":"2026-11-26""#, with: #""day":"2026-13-01""#)
        expectDamage(replacingLine(6, of: good, with: Array(badDate.utf8)), line: 6, detail: #""day""#)
    }

    @Test func headerProblems() throws {
        let good = try withTemporaryDirectory { try Sample.writeMixedJournal(in: $0) }
        expectDamage([], line: 1, detail: "empty")
        expectDamage(Array(good.prefix(20)), line: 1, detail: "unfinished")
        expectDamage(Array(good.drop { $0 != 0x0A }.dropFirst()), line: 1, detail: #""format" is missing"#)
        expectDamage(replacingLine(1, of: good, with: Array(#"{"format":"notes","schemaVersion":1}"#.utf8)), line: 1, detail: "not an IsoJournal")
        expectDamage(replacingLine(1, of: good, with: Array("garbage".utf8)), line: 1, detail: "not valid JSON")
    }

    @Test func aFolderWhereTheJournalShouldBe() {
        withTemporaryDirectory { dir in
            let path = dir + "/journal.jsonl"
            #expect(mkdir(path, 0o700) == 0)
            for mode in [JournalStore.Mode.readWrite, .readOnly] {
                #expect(throws: StoreError.notAFile(file: path)) { try JournalStore(directory: dir, mode: mode) }
            }
            #expect(StoreError.notAFile(file: path).message.contains(path))
        }
    }

    @Test func aFileWhereTheFolderShouldBe() {
        withTemporaryDirectory { dir in
            let folder = dir + "/data"
            writeFile(folder, [1, 2, 3])
            for mode in [JournalStore.Mode.readWrite, .readOnly] {
                let error = storeError { _ = try JournalStore(directory: folder, mode: mode) }
                guard case .folderUnusable(let path, _)? = error else { Issue.record("got \(String(describing: error))"); continue }
                #expect(path == folder)
                #expect(fileBytes(folder) == [1, 2, 3])
            }
        }
    }

    /// Every prefix of a real journal, as a crash at any byte could leave it: it opens with
    /// exactly the complete lines (the rest set aside), or it is reported damaged untouched.
    @Test func everyTruncationOpensOrIsReportedWithoutHarm() throws {
        let full = try withTemporaryDirectory { try Sample.writeMixedJournal(in: $0) } + Sample.futureLine
        var opened = 0, damaged = 0
        for cut in 0...full.count {
            let prefix = Array(full.prefix(cut))
            let keep = (prefix.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
            let completeLines = prefix[..<keep].filter { $0 == 0x0A }.count
            for mode in [JournalStore.Mode.readOnly, .readWrite] {
                try withTemporaryDirectory { dir in
                    let path = dir + "/journal.jsonl"
                    writeFile(path, prefix)
                    let store: JournalStore
                    do throws(StoreError) {
                        store = try JournalStore(directory: dir, mode: mode, clock: TestClock().read)
                    } catch {
                        guard case .damaged(_, 1, _) = error else { Issue.record("cut \(cut): \(error)"); return }
                        #expect(completeLines == 0, "cut \(cut): only the header can make a prefix damaged")
                        #expect(fileBytes(path) == prefix, "cut \(cut)")
                        damaged += 1
                        return
                    }
                    opened += 1
                    #expect(store.journal.revisions.count == completeLines - 1, "cut \(cut)")
                    let sideFiles = directoryNames(dir).filter { $0.hasPrefix("journal.torn-") }
                    if mode == .readOnly || keep == cut {
                        #expect(fileBytes(path) == prefix, "cut \(cut)")
                        #expect(sideFiles.isEmpty)
                        #expect(store.notices.isEmpty == (keep == cut), "cut \(cut)")
                    } else {
                        #expect(fileBytes(path) == Array(prefix[..<keep]), "cut \(cut)")
                        #expect(sideFiles.count == 1)
                        #expect(fileBytes(dir + "/" + sideFiles[0]) == Array(prefix[keep...]), "cut \(cut)")
                        #expect(store.notices.count == 1 && store.notices[0].contains(dir + "/" + sideFiles[0]))
                        // What is left is a sound journal: it reopens cleanly and takes new entries.
                        try store.record([Sample.symptom("after-crash", grade: 1)])
                        let again = try JournalStore(directory: dir)
                        #expect(again.notices.isEmpty)
                        #expect(again.journal.revisions.count == completeLines)
                    }
                }
            }
        }
        #expect(opened > 0 && damaged > 0)
    }

    /// Flipping any one bit of a journal never crashes the store, and a file it calls damaged
    /// is left exactly as it was.
    @Test func everySingleBitFlipIsHandled() throws {
        let good = try withTemporaryDirectory { dir in
            let store = try JournalStore(directory: dir, clock: TestClock().read)
            try store.record([Sample.symptom(note: "ok"), Sample.redFlag()])
            return fileBytes(store.journalPath)!
        }
        var outcomes: [String: Int] = [:]
        for index in good.indices {
            for bit in [0, 5, 7] {
                var flipped = good
                flipped[index] ^= UInt8(1 << bit)
                try withTemporaryDirectory { dir in
                    let path = dir + "/journal.jsonl"
                    writeFile(path, flipped)
                    do {
                        let store = try JournalStore(directory: dir)
                        outcomes["opened", default: 0] += 1
                        #expect(store.journal.revisions.count <= 2)
                    } catch let error as StoreError {
                        outcomes["\(error)".prefix(30).description, default: 0] += 1
                        #expect(fileBytes(path) == flipped)
                    }
                }
            }
        }
        #expect(outcomes["opened", default: 0] > 0)
        #expect(outcomes.count > 1)
    }

    @Test func aTornTailLeftByAnotherCopyIsSetAsideBeforeTheNextSave() throws {
        try withTemporaryDirectory { dir in
            let store = try JournalStore(directory: dir, clock: TestClock().read)
            try store.record([Sample.symptom()])
            let before = fileBytes(store.journalPath)!
            let torn = Array(#"{"id":"symptom-2026-11-26-acne","rev":1,"kind":"sym"#.utf8)
            appendFile(store.journalPath, torn) // another copy was killed mid-write
            try store.record([Sample.symptom("headache", grade: 2)])
            let after = fileBytes(store.journalPath)!
            #expect(Array(after.prefix(before.count)) == before)
            #expect(lines(after).count == 4) // header, 2 entries, ""
            let side = directoryNames(dir).filter { $0.hasPrefix("journal.torn-20261126T221005Z") }
            #expect(side.count == 1, "\(directoryNames(dir))")
            try #require(side.count == 1)
            #expect(fileBytes(dir + "/" + side[0]) == torn)
            #expect(permissions(dir + "/" + side[0]) == 0o600)
            #expect(store.notices.last?.contains(side[0]) == true)
            #expect(try JournalStore(directory: dir).journal.revisions == store.journal.revisions)

            // A second one in the same second gets its own side file.
            appendFile(store.journalPath, Array("{".utf8))
            try store.record([Sample.symptom("headache", grade: 3)])
            #expect(fileBytes(dir + "/journal.torn-20261126T221005Z-2") == Array("{".utf8))
            #expect(fileBytes(dir + "/" + side[0]) == torn)
        }
    }

    @Test func aDamagedLineAppendedByAnotherCopyStopsTheSaveAndWritesNothing() throws {
        try withTemporaryDirectory { dir in
            let store = try JournalStore(directory: dir, clock: TestClock().read)
            try store.record([Sample.symptom()])
            appendFile(store.journalPath, Array("not json\n".utf8))
            let before = fileBytes(store.journalPath)
            let memory = store.journal.revisions
            let error = storeError { try store.record([Sample.symptom("acne", grade: 1)]) }
            #expect(error == .damaged(file: store.journalPath, line: 3, detail: "it is not valid JSON"))
            #expect(fileBytes(store.journalPath) == before)
            #expect(store.journal.revisions == memory)
        }
    }
}

@Suite("Falling back to viewing only")
struct ViewingOnlyFallbackTests {
    @Test func aJournalIsoJournalMayNotWriteOpensForViewing() throws {
        try withTemporaryDirectory { dir in
            let bytes = try Sample.writeMixedJournal(in: dir)
            let fileSystem = FaultyFileSystem()
            fileSystem.refuseOpen = { path, flags in
                path.hasSuffix("/journal.jsonl") && flags & O_ACCMODE != O_RDONLY ? EACCES : nil
            }
            let store = try JournalStore(directory: dir, fileSystem: fileSystem)
            #expect(store.isReadOnly)
            #expect(store.journal.revisions.count == 5)
            #expect(store.notices == ["IsoJournal cannot change \(dir)/journal.jsonl: permission was denied. Your journal is open for viewing only."])
            #expect(storeError { try store.record([Sample.symptom()]) }.map { if case .readOnly = $0 { true } else { false } } == true)
            #expect(fileBytes(dir + "/journal.jsonl") == bytes)
        }
    }

    @Test func aTornTailThatCannotBeSetAsideLeavesTheJournalUntouchedAndViewable() throws {
        try withTemporaryDirectory { dir in
            let bytes = try Sample.writeMixedJournal(in: dir) + Array(#"{"id":"cut"#.utf8)
            writeFile(dir + "/journal.jsonl", bytes)
            let fileSystem = FaultyFileSystem()
            fileSystem.refuseOpen = { path, _ in path.contains("/journal.torn-") ? ENOSPC : nil }
            let store = try JournalStore(directory: dir, fileSystem: fileSystem)
            #expect(store.isReadOnly)
            #expect(store.journal.revisions.count == 5)
            #expect(store.notices.count == 1 && store.notices[0].contains("the disk is full"))
            #expect(fileBytes(dir + "/journal.jsonl") == bytes)
            #expect(directoryNames(dir) == ["journal.jsonl", "journal.lock"])
            // Once there is room again, opening sets the tail aside as usual.
            let healthy = try JournalStore(directory: dir)
            #expect(!healthy.isReadOnly && healthy.journal.revisions.count == 5)
            #expect(fileBytes(dir + "/journal.jsonl") == Array(bytes.dropLast(10)))
        }
    }
}
