// libFuzzer target for the journal reader and the command-line value parsers.
//
// Not part of the Swift package: scripts/fuzz.sh compiles it with swiftc together with the
// sources of JournalStore (as one module, so the reader's internals are reachable), against
// JournalCore and JournalResources, with -sanitize=fuzzer,address.
//
// Every input is used whole, as a journal file, and line by line, as journal lines and as
// command-line values. Any broken promise below stops the fuzzer with a report (fatalError),
// as a crash would.
import Foundation
import JournalCore

@_cdecl("LLVMFuzzerTestOneInput")
public func journalFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    FuzzChecks.journal(bytes)
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(64) {
        FuzzChecks.line(Array(line))
        FuzzChecks.values(String(decoding: line, as: UTF8.self))
    }
    return 0
}

enum FuzzChecks {
    static func fail(_ what: String, _ bytes: [UInt8]) -> Never {
        fatalError("\(what): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
    }

    /// The whole input as a journal file.
    static func journal(_ bytes: [UInt8]) {
        let examination = JournalExamination(bytes)
        let read: JournalReader.Result?
        var failure: JournalReader.Failure?
        do throws(JournalReader.Failure) {
            read = try JournalReader.read(bytes, firstLine: 1, startsWithHeader: true)
        } catch {
            read = nil
            failure = error
        }
        // Loading and `check` agree on what reads.
        if let read { everyOutput(read.entries, bytes) }
        if let read {
            if !examination.isNewerVersion {
                guard examination.isSound else { fail("loads, but check calls it damaged", bytes) }
                guard read.entries.count == examination.readableEntryLines else { fail("loading and check count differently", bytes) }
                guard read.tail.count == examination.unfinishedBytes else { fail("loading and check see different ends", bytes) }
            }
        } else if let failure, !examination.isNewerVersion {
            guard examination.badLines.first?.line == failure.line else { fail("loading and check name different lines", bytes) }
        }
        // What a repair writes always reads back completely.
        if !examination.isNewerVersion {
            let repaired = examination.repairedBytes(from: bytes, now: Date(timeIntervalSince1970: 1_795_731_005))
            guard let again = try? JournalReader.read(repaired, firstLine: 1, startsWithHeader: true), again.tail.isEmpty,
                  again.entries.count == examination.readableEntryLines else { fail("a repaired journal does not read back", bytes) }
        }
    }

    /// Whatever loads can be shown and reported without a crash (numbers were checked by the
    /// reader), and what reaches a terminal holds no control character or bidi override.
    static func everyOutput(_ entries: [Entry], _ bytes: [UInt8]) {
        var journal = Journal()
        for entry in entries { journal.apply(entry) }
        let zone = TimeZone(identifier: "UTC")!
        let now = Date(timeIntervalSince1970: 1_795_731_005)
        let today = Timestamp.localDate(of: now, in: zone)
        for entry in entries.prefix(64) {
            guard TerminalText.isSafe(TerminalText.line(EntryDescription.line(entry, timeZone: zone))) else {
                fail("a show line is not terminal-safe", bytes)
            }
        }
        let range = ReportRange.resolve(from: LocalDate(iso: "2000-01-01"), to: today, today: today)
        let summary = VisitSummary(journal: journal, range: range, now: now, timeZone: zone)
        let markdown = MarkdownReport.text(summary)
        guard TerminalText.isSafe(TerminalText.block(markdown), keepsLineBreaks: true) else { fail("the report is not terminal-safe", bytes) }
        guard !markdown.lowercased().contains("<script"), !HTMLReport.text(summary).lowercased().contains("<script") else {
            fail("a report holds live HTML", bytes)
        }
        _ = CSVReport.text(journal: journal, range: range, timeZone: zone)
        _ = journal.reminders(now: now, timeZone: zone)
    }

    /// One line as a journal entry (as loading reads it): if it reads, it can be written again
    /// and reads back the same. The fast line reader, when it answers at all, answers exactly
    /// what Foundation's JSONDecoder does.
    static func line(_ bytes: [UInt8]) {
        if let fast = bytes.withUnsafeBytes({ FastLineDecoder.entry(from: $0) }) {
            guard let reference = try? EntryCodec.decodeLineWithFoundation(Data(bytes)) else {
                fail("the fast reader accepts a line Foundation refuses", bytes)
            }
            guard fast == reference else { fail("the fast reader reads a line differently from Foundation", bytes) }
        }
        guard let entry = try? SchemaMigration.decodeEntry(Data(bytes), writtenIn: JournalHeader.currentSchemaVersion) else { return }
        if case .unrecognized? = entry.body { return } // kept byte for byte, never re-encoded
        do throws(EntryCodec.Problem) {
            try EntryCodec.check(entry)
        } catch {
            fail("a line that reads fails the writer's check (\(error.detail))", bytes)
        }
        let encoded = EntryCodec.encodeLine(entry)
        guard let again = try? EntryCodec.decodeLine(encoded) else { fail("a re-written line does not read", bytes) }
        guard again == entry else { fail("a re-written line reads differently", bytes) }
    }

    /// One line as each command-line value. Whatever is accepted is written back the same way.
    static func values(_ text: String) {
        if let day = LocalDate(iso: text), day.iso != text { fail("LocalDate(iso:) round trip", Array(text.utf8)) }
        if let minutes = Timestamp.parseClock(text) {
            guard (0..<1440).contains(minutes), Timestamp.clockText(minuteOfDay: minutes) == text else {
                fail("Timestamp.parseClock round trip", Array(text.utf8))
            }
        }
        if let instant = Timestamp.parse(text) {
            let seconds = instant.timeIntervalSince1970
            // Inside years 1–9999 in UTC, the UTC text form reads back as the same instant.
            if seconds >= -62_135_596_800 && seconds < 253_402_300_800 {
                guard Timestamp.parse(Timestamp.utcText(instant)) == instant else { fail("Timestamp.parse round trip", Array(text.utf8)) }
            }
        }
        _ = SymptomCatalogue.shipped.nearestSlug(to: text)
    }
}
