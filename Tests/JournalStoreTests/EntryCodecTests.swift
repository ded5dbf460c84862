import Foundation
import JournalCore
@testable import JournalStore
import Testing

@Suite("One entry <-> one line")
struct EntryCodecTests {
    let recorded = Date(timeIntervalSince1970: 1_795_731_005) // 2026-11-26T22:10:05Z

    func roundTrip(_ entry: Entry, retractedKind: String? = nil) throws -> Entry {
        try EntryCodec.check(entry)
        let line = EntryCodec.encodeLine(entry, retractedKind: retractedKind)
        #expect(line.last == 0x0A)
        #expect(line.dropLast().contains(0x0A) == false, "one line only")
        return try EntryCodec.decodeLine(line)
    }

    @Test func symptomLineIsExactlyTheDocumentedForm() throws {
        let entry = Entry(id: EntryID("symptom-2026-11-26-dry-lips"), revision: 1, recordedAt: recorded,
                          day: Sample.day, body: .symptom(SymptomRating(symptom: "dry-lips", grade: 2)))
        let text = String(decoding: EntryCodec.encodeLine(entry), as: UTF8.self)
        #expect(text == #"{"id":"symptom-2026-11-26-dry-lips","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"grade":2,"symptom":"dry-lips"}}"# + "\n")
    }

    @Test func symptomWithAwkwardNoteRoundTrips() throws {
        let note = "quote \" backslash \\ slash / tab \t newline \n nul \u{0} é 🙁"
        let entry = Entry(id: EntryID("s/1"), revision: 4, recordedAt: recorded, day: Sample.day,
                          body: .symptom(SymptomRating(symptom: "dry-eyes", grade: 0, note: note)), reason: "typo\r\n")
        #expect(try roundTrip(entry) == entry)
    }

    @Test func redFlagWithOffsetTimeRoundTrips() throws {
        let happened = Date(timeIntervalSince1970: 1_795_700_000)
        let report = RedFlagReport(flag: "mood-self-harm", noticeShown: "Call now.", acknowledgedAt: recorded)
        let entry = Entry(id: RedFlagReport.entryID(day: Sample.day, flag: "mood-self-harm"), revision: 1,
                          recordedAt: recorded, day: Sample.day, occurredAt: happened,
                          occurredOffsetSeconds: -5 * 3600 - 30 * 60, body: .redFlag(report))
        let line = String(decoding: EntryCodec.encodeLine(entry), as: UTF8.self)
        #expect(line.contains(#""kind":"red-flag""#))
        #expect(line.contains(#""at":"2026-11-26T08:03:20-05:30""#))
        #expect(try roundTrip(entry) == entry)
    }

    @Test func timeWithoutOffsetIsWrittenInUTCAndReadBackWithoutOne() throws {
        let happened = Date(timeIntervalSince1970: 1_795_700_000)
        let utc = Entry(id: EntryID("a"), revision: 1, recordedAt: recorded, day: Sample.day, occurredAt: happened,
                        body: .symptom(SymptomRating(symptom: "x", grade: 1)))
        #expect(String(decoding: EntryCodec.encodeLine(utc), as: UTF8.self).contains(#""at":"2026-11-26T13:33:20Z""#))
        #expect(try roundTrip(utc) == utc)
        var zeroOffset = utc
        zeroOffset.occurredOffsetSeconds = 0
        #expect(String(decoding: EntryCodec.encodeLine(zeroOffset), as: UTF8.self).contains("+00:00"))
        #expect(try roundTrip(zeroOffset) == zeroOffset)
    }

    @Test func retractionKeepsTheKindOnDiskButHasNoBody() throws {
        let entry = Entry(id: EntryID("symptom-x"), revision: 2, recordedAt: recorded, day: Sample.day,
                          body: nil, reason: "wrong day")
        let text = String(decoding: EntryCodec.encodeLine(entry, retractedKind: "symptom"), as: UTF8.self)
        #expect(text == #"{"id":"symptom-x","rev":2,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","retracted":true,"reason":"wrong day"}"# + "\n")
        #expect(try roundTrip(entry, retractedKind: "symptom") == entry)
        #expect(try roundTrip(entry) == entry)
        #expect(try EntryCodec.decodeLine(Array(text.utf8)).isRetraction)
    }

    @Test func unknownKindBecomesUnrecognizedAndUnknownKeysAreIgnored() throws {
        let entry = try EntryCodec.decodeLine(Sample.futureLine)
        #expect(entry.body == .unrecognized(kind: "lab-panel"))
        #expect(entry.id == EntryID("lab-2026-11-26-alt"))
        let extra = try EntryCodec.decodeLine(Array(#"{"id":"a","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"symptom":"x","grade":1,"colour":"red"},"mood":7}"#.utf8))
        #expect(extra.body == .symptom(SymptomRating(symptom: "x", grade: 1)))
    }

    @Test(arguments: [
        (#"{"id":"a","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"symptom":"x","grade":1}"#, "not valid JSON"),
        (#"{"rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"symptom":"x","grade":1}}"#, #""id" is missing"#),
        (#"{"id":"a","rev":"1","kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"symptom":"x","grade":1}}"#, #""rev" should be a whole number"#),
        (#"{"id":"a","rev":0,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"symptom":"x","grade":1}}"#, "below 1"),
        (#"{"id":"a","rev":1,"kind":"symptom","recordedAt":"yesterday","day":"2026-11-26","data":{"symptom":"x","grade":1}}"#, #""recordedAt" is not a time"#),
        (#"{"id":"a","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-02-30","data":{"symptom":"x","grade":1}}"#, #""day" is not a date"#),
        (#"{"id":"a","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26"}"#, #""data" is missing"#),
        (#"{"id":"a","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"symptom":"x","grade":"two"}}"#, #""data.grade" should be a whole number"#),
        (#"{"id":"a","rev":1,"recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{}}"#, #""kind" is missing"#),
        (#"{"id":"","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"symptom":"x","grade":1}}"#, #""id" is empty"#),
        (#"{"id":"a","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","at":"2026-11-26T22:10:05+19:00","data":{"symptom":"x","grade":1}}"#, "beyond 18 hours"),
        (#"["id"]"#, "not a JSON object"),
        ("", "empty"),
    ])
    func badLinesAreExplained(line: String, expected: String) {
        do {
            let entry = try EntryCodec.decodeLine(Array(line.utf8))
            Issue.record("decoded \(entry)")
        } catch {
            #expect(error.detail.contains(expected), "\(error.detail)")
        }
    }

    @Test func nonUTF8IsNamedAsSuch() {
        var bytes = Array(#"{"id":"a","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"symptom":"x"#.utf8)
        bytes += [0xFF, 0xFE] + Array(#"","grade":1}}"#.utf8)
        #expect(throws: EntryCodec.Problem("it is not valid UTF-8 text")) { try EntryCodec.decodeLine(bytes) }
    }

    @Test func entriesThisVersionMustNotWriteFailTheCheck() {
        let body = EntryBody.symptom(SymptomRating(symptom: "x", grade: 1))
        let refused: [Entry] = [
            Entry(id: EntryID("lab"), revision: 1, recordedAt: recorded, day: Sample.day, body: .unrecognized(kind: "lab")),
            Entry(id: EntryID(""), revision: 1, recordedAt: recorded, day: Sample.day, body: body),
            Entry(id: EntryID("a"), revision: 0, recordedAt: recorded, day: Sample.day, body: body),
            Entry(id: EntryID("a"), revision: 1, recordedAt: Date(timeIntervalSince1970: .nan), day: Sample.day, body: body),
            Entry(id: EntryID("a"), revision: 1, recordedAt: .distantFuture.addingTimeInterval(1e12), day: Sample.day, body: body),
            Entry(id: EntryID("a"), revision: 1, recordedAt: recorded, day: Sample.day, occurredAt: recorded,
                  occurredOffsetSeconds: 90, body: body),
            Entry(id: EntryID("a"), revision: 1, recordedAt: recorded, day: Sample.day, occurredAt: recorded,
                  occurredOffsetSeconds: 19 * 3600, body: body),
            Entry(id: EntryID("a"), revision: 1, recordedAt: recorded, day: Sample.day, occurredOffsetSeconds: 3600, body: body),
            Entry(id: EntryID("a"), revision: 1, recordedAt: recorded, day: Sample.day,
                  body: .redFlag(RedFlagReport(flag: "f", noticeShown: "n", acknowledgedAt: Date(timeIntervalSince1970: .infinity)))),
        ]
        for entry in refused {
            #expect(throws: EntryCodec.Problem.self, "\(entry)") { try EntryCodec.check(entry) }
        }
    }

    @Test func headerIsExactAndToleratesUnknownKeys() throws {
        let header = JournalHeader(createdAt: recorded)
        #expect(String(decoding: header.encodeLine(), as: UTF8.self)
                == #"{"format":"isojournal","schemaVersion":1,"createdAt":"2026-11-26T22:10:05Z"}"# + "\n")
        let read = try JournalHeader.decodeLine(Data(#"{"schemaVersion":3,"encryption":null,"format":"isojournal"}"#.utf8))
        #expect(read == JournalHeader(schemaVersion: 3, createdAt: nil))
        #expect(throws: EntryCodec.Problem.self) { try JournalHeader.decodeLine(Data(#"{"format":"other","schemaVersion":1}"#.utf8)) }
        #expect(throws: EntryCodec.Problem.self) { try JournalHeader.decodeLine(Data(#"{"format":"isojournal","schemaVersion":0}"#.utf8)) }
        #expect(throws: EntryCodec.Problem.self) { try JournalHeader.decodeLine(Data(#"{"format":"isojournal"}"#.utf8)) }
    }
}

extension EntryCodecTests {
    @Test func unrecognizedRecordsCanBeShownButNotWritten() throws {
        let read = try EntryCodec.decodeLine(Sample.futureLine)
        let shown = String(decoding: EntryCodec.encodeLine(read), as: UTF8.self)
        #expect(shown == #"{"id":"lab-2026-11-26-alt","rev":1,"kind":"lab-panel","recordedAt":"2026-11-26T22:11:00Z","day":"2026-11-26"}"# + "\n")
        #expect(throws: EntryCodec.Problem.self) { try EntryCodec.check(read) }
    }
}
