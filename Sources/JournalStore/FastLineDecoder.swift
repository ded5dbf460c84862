import Foundation
import JournalCore

/// A quick reader for journal lines, about two and a half times faster than Foundation's JSONDecoder,
/// which loading a large journal spends most of its time in.
///
/// It reads strict JSON (RFC 8259) over the UTF-8 bytes into a small tree, takes the line's
/// own fields itself, and hands `data` to each payload's own `Decodable` code through a
/// minimal `Decoder`. It only ever answers when it is sure: anything unusual — invalid or
/// odd JSON, a duplicate key, a number that is not a plain whole number where one is wanted,
/// any error at all — gives nil, and `EntryCodec` reads the line with Foundation instead, so
/// results and error messages are Foundation's wherever this reader is not certain.
enum FastLineDecoder {
    static func entry(from line: UnsafeRawBufferPointer) -> Entry? {
        guard let base = line.baseAddress, !line.isEmpty else { return nil }
        var parser = Parser(bytes: UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: line.count))
        guard let value = parser.document(), case .object(let fields) = value else { return nil }
        return try? entry(fields)
    }

    struct Unsure: Error {}

    private static func entry(_ fields: Fields) throws -> Entry {
        guard case .string(let id)? = fields["id"], !id.isEmpty,
              case .number(let revText)? = fields["rev"], let revision = wholeNumber(revText), revision >= 1,
              case .string(let recordedText)? = fields["recordedAt"], let recordedAt = Timestamp.parse(recordedText),
              case .string(let dayText)? = fields["day"], let day = LocalDate(iso: dayText) else { throw Unsure() }
        var occurredAt: Date?
        var offset: Int?
        switch fields["at"] {
        case nil, .null?: break
        case .string(let atText)?:
            guard let instant = Timestamp.parse(atText) else { throw Unsure() }
            occurredAt = instant
            offset = EntryCodec.offsetSeconds(ofAtText: atText)
            guard abs(offset ?? 0) <= 18 * 3600 else { throw Unsure() }
        default: throw Unsure()
        }
        var origin: EntryOrigin?
        switch fields["dev"] {
        case nil: break
        case .string(let device)?:
            guard case .number(let seqText)? = fields["seq"], let sequence = wholeNumber(seqText),
                  case .number(let knownText)? = fields["known"], let known = wholeNumber(knownText) else { throw Unsure() }
            origin = EntryOrigin(device: device, sequence: sequence, knownRevisions: known)
        default: throw Unsure()
        }
        let reason = try optionalString(fields["reason"])
        let kind = try optionalString(fields["kind"])
        let retracted: Bool?
        switch fields["retracted"] {
        case nil, .null?: retracted = nil
        case .bool(let flag)?: retracted = flag
        default: throw Unsure()
        }
        var body: EntryBody?
        if retracted != true {
            guard let kind else { throw Unsure() }
            let payload = TreeDecoder(value: fields["data"] ?? .null)
            if let known = EntryKind(rawValue: kind) {
                body = try EntryBody.decode(known, from: payload)
            } else {
                // Foundation decodes nothing of an unknown kind's data; leave any doubt to it.
                guard !kind.isEmpty else { throw Unsure() }
                body = .unrecognized(kind: kind)
            }
        }
        return Entry(id: EntryID(id), revision: revision, recordedAt: recordedAt, day: day,
                     occurredAt: occurredAt, occurredOffsetSeconds: offset, body: body, reason: reason, origin: origin)
    }

    private static func optionalString(_ value: Value?) throws -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw Unsure()
        }
    }

    /// Only "-?digits" within Int's range; anything else (1.0, 1e2) is left to Foundation.
    static func wholeNumber(_ text: String) -> Int? {
        var digits = text.utf8[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }

    // MARK: the tree

    /// An object's members in written order; lines have a handful, so a scan beats hashing.
    struct Fields {
        var pairs: [(String, Value)] = []
        subscript(key: String) -> Value? {
            for (name, value) in pairs where name == key { return value }
            return nil
        }
    }

    indirect enum Value {
        case object(Fields)
        case array([Value])
        case string(String)
        /// The number's text exactly as written (already checked against the JSON grammar).
        case number(String)
        case bool(Bool)
        case null
    }

    /// Strict JSON: anything outside the grammar gives nil.
    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var depth = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func document() -> Value? {
            guard let value = value() else { return nil }
            skipSpace()
            return index == bytes.count ? value : nil
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func value() -> Value? {
            skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"): return object()
            case UInt8(ascii: "["): return array()
            case UInt8(ascii: "\""): return string().map(Value.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return number()
            }
        }

        mutating func literal(_ word: StaticString, _ result: Value) -> Value? {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { return nil }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return nil }
            index += count
            return result
        }

        mutating func object() -> Value? {
            depth += 1
            guard depth < 64 else { return nil }
            defer { depth -= 1 }
            index += 1
            var fields = Fields()
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(fields) }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                guard let value = value() else { return nil }
                guard fields[key] == nil, fields.pairs.count < 64 else { return nil } // a duplicate key: unsure
                fields.pairs.append((key, value))
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(fields) }
                return nil
            }
        }

        mutating func array() -> Value? {
            depth += 1
            guard depth < 64 else { return nil }
            defer { depth -= 1 }
            index += 1
            var items: [Value] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            while true {
                guard let value = value() else { return nil }
                items.append(value)
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                return nil
            }
        }

        /// At the opening quote. Valid UTF-8 only; escapes decoded; lone surrogates refused.
        mutating func string() -> String? {
            index += 1
            let start = index
            var plain = true
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { break }
                if byte < 0x20 { return nil }
                if byte == UInt8(ascii: "\\") { plain = false; index += 2; continue }
                if byte >= 0x80 { plain = false }
                index += 1
            }
            guard index < bytes.count else { return nil }
            let end = index
            index += 1
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if plain { return String(decoding: raw, as: UTF8.self) }
            return Self.unescape(raw)
        }

        static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
            var out: [UInt8] = []
            out.reserveCapacity(raw.count)
            var i = 0
            while i < raw.count {
                let byte = raw[i]
                guard byte == UInt8(ascii: "\\") else { out.append(byte); i += 1; continue }
                guard i + 1 < raw.count else { return nil }
                let escaped = raw[i + 1]
                i += 2
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let high = hex4(raw, i) else { return nil }
                    i += 4
                    var scalar = high
                    if (0xD800..<0xDC00).contains(high) {
                        guard i + 6 <= raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u"),
                              let low = hex4(raw, i + 2), (0xDC00..<0xE000).contains(low) else { return nil }
                        i += 6
                        scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(high) {
                        return nil
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    return nil
                }
            }
            return String(validating: out, as: UTF8.self)
        }

        static func hex4(_ raw: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32? {
            guard at + 4 <= raw.count else { return nil }
            var result: UInt32 = 0
            for offset in 0..<4 {
                let byte = raw[at + offset]
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x61...0x66: digit = byte - 0x61 + 10
                case 0x41...0x46: digit = byte - 0x41 + 10
                default: return nil
                }
                result = result << 4 | UInt32(digit)
            }
            return result
        }

        /// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        mutating func number() -> Value? {
            let start = index
            func digits() -> Int {
                let from = index
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
                return index - from
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else {
                guard digits() > 0 else { return nil }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { return nil }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { return nil }
            }
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        }
    }

    // MARK: a Decoder over the tree

    struct TreeDecoder: Decoder {
        let value: Value
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(value: Value) { self.value = value }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard case .object(let fields) = value else { throw Unsure() }
            return KeyedDecodingContainer(Keyed<Key>(fields: fields))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard case .array(let items) = value else { throw Unsure() }
            return Unkeyed(items: items)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(value: value) }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ value: Value) throws -> T {
        switch type {
        case is String.Type:
            guard case .string(let text) = value else { throw Unsure() }
            return text as! T
        case is Int.Type:
            guard case .number(let text) = value, let number = wholeNumber(text) else { throw Unsure() }
            return number as! T
        case is Double.Type:
            guard case .number(let text) = value, let number = Double(text), number.isFinite else { throw Unsure() }
            return number as! T
        case is Bool.Type:
            guard case .bool(let flag) = value else { throw Unsure() }
            return flag as! T
        default:
            if case .null = value { throw Unsure() }
            return try T(from: TreeDecoder(value: value))
        }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let fields: Fields
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { fields.pairs.compactMap { Key(stringValue: $0.0) } }

        func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

        func field(_ key: Key) throws -> Value {
            guard let value = fields[key.stringValue] else { throw Unsure() }
            return value
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            if case .null = try field(key) { return true }
            return false
        }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try FastLineDecoder.decode(type, field(key)) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try FastLineDecoder.decode(type, field(key)) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try FastLineDecoder.decode(type, field(key)) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw Unsure() }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try FastLineDecoder.decode(type, field(key)) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { throw Unsure() }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { throw Unsure() }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { throw Unsure() }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { throw Unsure() }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { throw Unsure() }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { throw Unsure() }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { throw Unsure() }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { throw Unsure() }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { throw Unsure() }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try FastLineDecoder.decode(type, field(key)) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try TreeDecoder(value: field(key)).container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try TreeDecoder(value: field(key)).unkeyedContainer()
        }
        func superDecoder() throws -> any Decoder { throw Unsure() }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw Unsure() }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let items: [Value]
        var currentIndex = 0
        var codingPath: [any CodingKey] { [] }
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        init(items: [Value]) { self.items = items }

        mutating func next() throws -> Value {
            guard !isAtEnd else { throw Unsure() }
            defer { currentIndex += 1 }
            return items[currentIndex]
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { throw Unsure() }
            if case .null = items[currentIndex] { currentIndex += 1; return true }
            return false
        }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try FastLineDecoder.decode(type, next()) }
        mutating func decode(_ type: Float.Type) throws -> Float { throw Unsure() }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { throw Unsure() }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { throw Unsure() }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { throw Unsure() }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { throw Unsure() }
        mutating func decode(_ type: UInt.Type) throws -> UInt { throw Unsure() }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { throw Unsure() }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { throw Unsure() }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { throw Unsure() }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { throw Unsure() }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try TreeDecoder(value: next()).container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try TreeDecoder(value: next()).unkeyedContainer()
        }
        mutating func superDecoder() throws -> any Decoder { throw Unsure() }
    }

    struct Single: SingleValueDecodingContainer {
        let value: Value
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { if case .null = value { return true } else { return false } }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try FastLineDecoder.decode(type, value) }
        func decode(_ type: Float.Type) throws -> Float { throw Unsure() }
        func decode(_ type: Int8.Type) throws -> Int8 { throw Unsure() }
        func decode(_ type: Int16.Type) throws -> Int16 { throw Unsure() }
        func decode(_ type: Int32.Type) throws -> Int32 { throw Unsure() }
        func decode(_ type: Int64.Type) throws -> Int64 { throw Unsure() }
        func decode(_ type: UInt.Type) throws -> UInt { throw Unsure() }
        func decode(_ type: UInt8.Type) throws -> UInt8 { throw Unsure() }
        func decode(_ type: UInt16.Type) throws -> UInt16 { throw Unsure() }
        func decode(_ type: UInt32.Type) throws -> UInt32 { throw Unsure() }
        func decode(_ type: UInt64.Type) throws -> UInt64 { throw Unsure() }
    }
}
