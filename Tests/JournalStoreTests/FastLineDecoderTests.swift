import Foundation
import JournalCore
@testable import JournalStore
import Testing

/// The fast line reader must agree with Foundation's JSONDecoder: the same entry for every
/// line it reads, and no answer (so Foundation decides, with its message) when unsure.
@Suite("Fast line reader agrees with Foundation")
struct FastLineDecoderTests {
    func fast(_ line: [UInt8]) -> Entry? {
        line.withUnsafeBytes { FastLineDecoder.entry(from: $0) }
    }

    func foundation(_ line: [UInt8]) -> Entry? {
        try? EntryCodec.decodeLineWithFoundation(Data(line))
    }

    @Test("every line of a generated journal: corrections, retractions, notes with escapes and unicode")
    func generatedJournal() throws {
        let start = LocalDate(year: 2026, month: 1, day: 5)!
        let entries = SyntheticJournal.entries(count: 4000, seed: 7, start: start)
        #expect(entries.contains { $0.isRetraction })
        #expect(entries.contains { $0.revision > 1 })
        var kinds: [EntryID: String] = [:]
        var fastCount = 0
        for entry in entries {
            let line = EntryCodec.encodeLine(entry, retractedKind: entry.body == nil ? kinds[entry.id] : nil)
            if let body = entry.body { kinds[entry.id] = body.kindName }
            let reference = try EntryCodec.decodeLineWithFoundation(Data(line))
            if let quick = fast(line) {
                #expect(quick == reference, "line: \(String(decoding: line, as: UTF8.self))")
                fastCount += 1
            }
            #expect(try EntryCodec.decodeLine(line) == reference)
        }
        // The reader is only worth having if it reads the lines the program writes.
        #expect(fastCount == entries.count)
    }

    @Test("hand-written lines: key order, whitespace, escapes, unknown kinds and keys, nulls")
    func handWritten() {
        let lines = [
            #"{"rev":1,"id":"symptom-2026-11-26-dry-lips","day":"2026-11-26","recordedAt":"2026-11-26T22:10:05Z","kind":"symptom","data":{"note":"a \"b\" \\ \/ \u00e9 \ud83d\ude00 \n\t","symptom":"dry-lips","grade":2}}"#,
            #" { "id" : "x" , "rev" : 2 , "kind" : "symptom" , "recordedAt" : "2026-11-26T22:10:05Z" , "day" : "2026-11-26" , "data" : { "grade" : 0 , "symptom" : "rash" , "extra" : [1, {"a": null}] } } "#,
            #"{"id":"future-1","rev":1,"kind":"telepathy","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"whatever":[true,false,null,1.5e3]}}"#,
            #"{"id":"gone","rev":3,"recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","retracted":true,"reason":"oops"}"#,
            #"{"id":"gone","rev":3,"kind":"weight","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","retracted":true,"data":{"nonsense":1}}"#,
            #"{"id":"d","rev":1,"kind":"dose","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","at":"2026-11-26T08:00:00-05:30","data":{"milligrams":20.25,"slot":"morning","status":"taken","withFood":null}}"#,
            #"{"id":"w","rev":1,"kind":"weight","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","at":null,"reason":null,"data":{"kilograms":70.1,"enteredValue":154.5,"enteredUnit":"lb"}}"#,
            #"{"id":"lab-flag-settings","rev":1,"kind":"lab-flag-settings","recordedAt":"2026-11-26T10:05:00Z","day":"2026-11-26","data":{"limits":{"triglycerides-tell":400},"preferredLipidUnit":"mmol/L","setBy":"Dr Okafor"}}"#,
            #"{"id":"mood-2026-11-26","rev":1,"kind":"mood-check","recordedAt":"2026-11-26T10:05:00Z","day":"2026-11-26","data":{"answers":[0,1,2,0,0,1,0,0,0]}}"#,
        ]
        for text in lines {
            let line = Array(text.utf8)
            let reference = foundation(line)
            #expect(reference != nil, "Foundation should read: \(text)")
            if let quick = fast(line) { #expect(quick == reference, "line: \(text)") }
        }
        // The ordinary shapes above are read by the fast reader itself.
        #expect(fast(Array(lines[0].utf8)) != nil)
        #expect(fast(Array(lines[2].utf8)) != nil)
        #expect(fast(Array(lines[3].utf8)) != nil)
    }

    @Test("anything odd is left to Foundation, which decides and explains")
    func unsureLines() {
        let lines = [
            #"{"id":"a","rev":1.0,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"grade":2,"symptom":"rash"}}"#,
            #"{"id":"a","id":"b","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"grade":2,"symptom":"rash"}}"#,
            #"{"id":"a","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"grade":"2","symptom":"rash"}}"#,
            #"{"id":"a","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"grade":2,"symptom":"rash"}} x"#,
            #"{"id":"a","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"grade":2,"symptom":"\ud800"}}"#,
            #"{"id":"a","rev":01,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"grade":2,"symptom":"rash"}}"#,
            #"{"id":"","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"grade":2,"symptom":"rash"}}"#,
            #"{"id":"a","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":null}"#,
            #"{"id":"a","rev":1,"kind":"symptom","recordedAt":"yesterday","day":"2026-11-26","data":{"grade":2,"symptom":"rash"}}"#,
            #"[1,2,3]"#,
            "",
            "   ",
        ]
        for text in lines {
            #expect(fast(Array(text.utf8)) == nil, "should be unsure: \(text)")
        }
        var badUTF8 = Array(#"{"id":"a","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"grade":2,"symptom":"ra"#.utf8)
        badUTF8 += [0xFF, 0xFE] + Array(#""}}"#.utf8)
        #expect(fast(badUTF8) == nil)
        var control = Array(#"{"id":"a","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z","day":"2026-11-26","data":{"grade":2,"symptom":"ra"#.utf8)
        control += [0x01] + Array(#""}}"#.utf8)
        #expect(fast(control) == nil)
    }
}
