import Foundation
import JournalCore

/// One `Entry` <-> one line of the journal file. The field names are a public contract
/// (see FORMAT.md): the file uses them, and so does `show --json`.
///
/// ```
/// {"id":"symptom-2026-11-26-dry-lips","rev":1,"kind":"symptom","recordedAt":"2026-11-26T22:10:05Z",
///  "day":"2026-11-26","data":{"grade":2,"symptom":"dry-lips"}}
/// ```
public enum EntryCodec {
    /// Why a line could not be read or an entry could not be written, in plain words.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public let detail: String
        public init(_ detail: String) { self.detail = detail }
        public var description: String { detail }
    }

    /// The entry as one compact JSON line, ending in "\n".
    ///
    /// `retractedKind` is the kind of the record a retraction withdraws, written so a reader
    /// of the raw file can tell what was withdrawn; it is optional. An `.unrecognized` body is
    /// written as its kind alone (its content is not in memory): fine for showing, never
    /// written to the journal. The entry must pass `check(_:)`; every entry read from a
    /// journal does.
    public static func encodeLine(_ entry: Entry, retractedKind: String? = nil) -> [UInt8] {
        var json = JSONText()
        json.add("id", string: entry.id.rawValue)
        json.add("rev", int: entry.revision)
        if let origin = entry.origin {
            json.add("dev", string: origin.device)
            json.add("seq", int: origin.sequence)
            json.add("known", int: origin.knownRevisions)
        }
        if let kind = entry.body?.kindName ?? retractedKind { json.add("kind", string: kind) }
        json.add("recordedAt", string: Timestamp.utcText(entry.recordedAt))
        json.add("day", string: entry.day.iso)
        if let occurredAt = entry.occurredAt {
            json.add("at", string: atText(occurredAt, offsetSeconds: entry.occurredOffsetSeconds))
        }
        if let body = entry.body {
            // An unrecognized body has no payload in memory: it is written as its kind alone.
            if let data = body.payload { json.add("data", rawJSON: payload(data)) }
        } else {
            json.add("retracted", bool: true)
        }
        if let reason = entry.reason { json.add("reason", string: reason) }
        return json.line()
    }

    /// Throws for an entry this version must not write to the journal: no id, a revision
    /// below 1, a time that is not a real date in years 1–9999, an offset that is not whole
    /// minutes within ±18 hours (or an offset without a time), or a body of a kind only a
    /// newer IsoJournal knows.
    public static func check(_ entry: Entry) throws(Problem) {
        guard !entry.id.rawValue.isEmpty else { throw Problem("the record has no id") }
        guard entry.revision >= 1 else { throw Problem("revision \(entry.revision) is below 1") }
        if let origin = entry.origin {
            guard DeviceID.isWellFormed(origin.device) else { throw Problem("its device id is not one IsoJournal makes") }
            guard origin.sequence >= 1 else { throw Problem("its sequence number \(origin.sequence) is below 1") }
            guard origin.knownRevisions >= 0, origin.knownRevisions < entry.revision + 1_000_000 else {
                throw Problem("its count of known revisions (\(origin.knownRevisions)) is not possible")
            }
        }
        try checkTime(entry.recordedAt, "the time it was recorded")
        if let occurredAt = entry.occurredAt {
            let written = entry.occurredOffsetSeconds.flatMap { TimeZone(secondsFromGMT: $0) != nil ? $0 : nil } ?? 0
            try checkTime(occurredAt, offsetSeconds: written, "the time it happened")
        }
        if let offset = entry.occurredOffsetSeconds {
            guard entry.occurredAt != nil else { throw Problem("it has a time-zone offset but no time") }
            guard offset % 60 == 0, abs(offset) <= 18 * 3600, TimeZone(secondsFromGMT: offset) != nil else {
                throw Problem("its time-zone offset (\(offset) seconds) is not whole minutes within 18 hours")
            }
        }
        if let problem = PlausibleNumbers.problem(in: entry) { throw Problem(problem) }
        if case .unrecognized(let kind)? = entry.body {
            throw Problem("it is a \"\(kind)\" record from a newer IsoJournal, which this version cannot write")
        }
        for (instant, what) in entry.body?.payload?.instants ?? [] { try checkTime(instant, what) }
    }

    /// Reads one line (with or without its "\n"). A kind this version does not know becomes
    /// `.unrecognized(kind:)`; keys it does not know are ignored.
    /// A number no person could have entered (see `PlausibleNumbers`) makes the line damaged.
    public static func decodeLine(_ line: Data) throws(Problem) -> Entry {
        let entry: Entry
        if let fast = line.withUnsafeBytes({ FastLineDecoder.entry(from: $0) }) {
            entry = fast
        } else {
            entry = try decodeLineWithFoundation(line)
        }
        if let problem = PlausibleNumbers.problem(in: entry) { throw Problem(problem) }
        return entry
    }

    /// The reference reader: Foundation's JSONDecoder. Every line the fast reader is unsure of
    /// comes here; public for the benchmark, which compares the two.
    public static func decodeLineWithFoundation(_ line: Data) throws(Problem) -> Entry {
        do {
            return try decoder.decode(LineFields.self, from: line).entry
        } catch {
            throw Problem(explain(error, line: line))
        }
    }

    public static func decodeLine(_ line: [UInt8]) throws(Problem) -> Entry {
        try decodeLine(Data(line))
    }

    /// Reads a line in place, without copying it (used when loading a whole journal).
    static func decodeLine(_ line: UnsafeRawBufferPointer) throws(Problem) -> Entry {
        guard let base = line.baseAddress, line.count > 0 else { throw Problem("the line is empty") }
        let view = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: line.count, deallocator: .none)
        return try decodeLine(view)
    }

    // One decoder and one encoder for every line: they hold no per-call state.
    private static let decoder = JSONDecoder()
    private static let payloadEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The payload types hold only text, whole numbers and checked dates, which always encode.
    private static func payload(_ value: some Encodable) -> Data {
        (try? payloadEncoder.encode(value)) ?? Data("{}".utf8)
    }

    /// When a thing happened: with its wall-clock offset ("+01:00") when known, else UTC ("Z").
    static func atText(_ instant: Date, offsetSeconds: Int?) -> String {
        guard let offsetSeconds, let zone = TimeZone(secondsFromGMT: offsetSeconds) else {
            return Timestamp.utcText(instant)
        }
        return Timestamp.offsetText(instant, in: zone)
    }

    /// Offset in seconds from "…+01:00" / "…-05:30"; nil for "…Z". The text is already valid.
    static func offsetSeconds(ofAtText text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.last != UInt8(ascii: "Z"), bytes.count >= 6 else { return nil }
        let tail = bytes.suffix(6).map { Int($0) - 48 }
        let minutes = (tail[1] * 10 + tail[2]) * 60 + tail[4] * 10 + tail[5]
        return (bytes[bytes.count - 6] == UInt8(ascii: "-") ? -1 : 1) * minutes * 60
    }

    /// The text the time is written as ("YYYY-…", UTC or with its own offset) has a year in
    /// 1–9999, the whole range FORMAT.md allows: 0001-01-01T00:00:00Z and
    /// 9999-12-31T23:59:59-05:00 are fine; a time whose text would need year 0 or 10000 is not.
    private static func checkTime(_ date: Date, offsetSeconds: Int = 0, _ what: String) throws(Problem) {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite else { throw Problem("\(what) is not a real date") }
        let written = seconds + Double(offsetSeconds)
        guard written >= -62_135_596_800, written < 253_402_300_800 else {
            throw Problem("\(what) is not a real date in years 1–9999")
        }
    }
}

/// The fields of one line, checked as they are read.
private struct LineFields: Decodable {
    let entry: Entry

    enum Key: String, CodingKey {
        case id, rev, dev, seq, known, kind, recordedAt, day, at, data, retracted, reason
    }

    /// The "data" member as the payload type the kind names (the type is opened from the registry).
    private static func decodePayload<Payload: RecordPayload>(_: Payload.Type, from c: KeyedDecodingContainer<Key>) throws -> EntryBody {
        try c.decode(Payload.self, forKey: .data).body
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        func bad(_ key: Key, _ why: String) -> DecodingError {
            DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: why)
        }
        let id = try c.decode(String.self, forKey: .id)
        guard !id.isEmpty else { throw bad(.id, "\"id\" is empty") }
        let revision = try c.decode(Int.self, forKey: .rev)
        guard revision >= 1 else { throw bad(.rev, "\"rev\" is \(revision), below 1") }
        let recordedText = try c.decode(String.self, forKey: .recordedAt)
        guard let recordedAt = Timestamp.parse(recordedText) else {
            throw bad(.recordedAt, "\"recordedAt\" is not a time like 2026-11-26T22:10:05Z")
        }
        let dayText = try c.decode(String.self, forKey: .day)
        guard let day = LocalDate(iso: dayText) else { throw bad(.day, "\"day\" is not a date like 2026-11-26") }
        var occurredAt: Date?
        var offset: Int?
        if let atText = try c.decodeIfPresent(String.self, forKey: .at) {
            guard let instant = Timestamp.parse(atText) else {
                throw bad(.at, "\"at\" is not a time like 2026-11-26T08:05:00+01:00")
            }
            occurredAt = instant
            offset = EntryCodec.offsetSeconds(ofAtText: atText)
            guard abs(offset ?? 0) <= 18 * 3600 else { throw bad(.at, "\"at\" has an offset beyond 18 hours") }
        }
        var origin: EntryOrigin?
        if let device = try c.decodeIfPresent(String.self, forKey: .dev) {
            let sequence = try c.decode(Int.self, forKey: .seq)
            let known = try c.decode(Int.self, forKey: .known)
            origin = EntryOrigin(device: device, sequence: sequence, knownRevisions: known)
        }
        let reason = try c.decodeIfPresent(String.self, forKey: .reason)
        let kind = try c.decodeIfPresent(String.self, forKey: .kind)
        var body: EntryBody?
        if try c.decodeIfPresent(Bool.self, forKey: .retracted) != true {
            guard let kind else { throw bad(.kind, "\"kind\" is missing") }
            if let known = EntryKind(rawValue: kind) {
                body = try Self.decodePayload(known.payloadType, from: c)
            } else {
                guard !kind.isEmpty else { throw bad(.kind, "\"kind\" is empty") }
                body = .unrecognized(kind: kind)
            }
        }
        entry = Entry(id: EntryID(id), revision: revision, recordedAt: recordedAt, day: day,
                      occurredAt: occurredAt, occurredOffsetSeconds: offset, body: body, reason: reason, origin: origin)
    }
}

extension EntryCodec {
    /// Turns a decoding error into a short phrase: where in the line, and what is wrong.
    static func explain(_ error: any Error, line: Data) -> String {
        guard let error = error as? DecodingError else { return "it could not be read (\(error))" }
        func path(_ keys: [any CodingKey]) -> String {
            "\"" + keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".") + "\""
        }
        switch error {
        case .keyNotFound(let key, let context):
            return path(context.codingPath + [key]) + " is missing"
        case .valueNotFound(_, let context):
            return path(context.codingPath) + " is null"
        case .typeMismatch(let type, let context):
            if context.codingPath.isEmpty { return "it is not a JSON object" }
            return path(context.codingPath) + " should be " + typeName(type)
        case .dataCorrupted(let context):
            if !context.codingPath.isEmpty { return context.debugDescription }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }) { return "the line is empty" }
            let text = String(decoding: line, as: UTF8.self)
            if !text.utf8.elementsEqual(line) { return "it is not valid UTF-8 text" }
            return "it is not valid JSON"
        @unknown default:
            return "it could not be read"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        default: return "an object"
        }
    }
}
