/// The base64 of age headers: RFC 4648 standard alphabet, no `=` padding, canonical only.
///
/// The age spec requires decoders to refuse padding and non-canonical encodings (unused low
/// bits set), so that a header has exactly one spelling and its MAC covers the meaning, not
/// just the bytes. Foundation's decoder wants padding and tolerates stray bits, hence this one.
enum AgeBase64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The value of each base64 character, 0xFF for every other byte.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = UInt8(index) }
        return table
    }()

    static func isCharacter(_ byte: UInt8) -> Bool { values[Int(byte)] != 0xFF }

    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group = UInt32(bytes[index]) << 16
            if count > 1 { group |= UInt32(bytes[index + 1]) << 8 }
            if count > 2 { group |= UInt32(bytes[index + 2]) }
            for position in 0...count { text.append(alphabet[Int((group >> UInt32(18 - 6 * position)) & 0x3F)]) }
            index += 3
        }
        return text
    }

    /// The bytes `text` spells, or nil when it is not canonical unpadded base64.
    static func decode<Text: Collection>(_ text: Text) -> [UInt8]? where Text.Element == UInt8 {
        let characters = Array(text)
        if characters.count % 4 == 1 { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count * 3 / 4)
        var index = 0
        while index < characters.count {
            let count = min(4, characters.count - index)
            var group: UInt32 = 0
            for position in 0..<4 {
                var value: UInt8 = 0
                if position < count {
                    value = values[Int(characters[index + position])]
                    if value == 0xFF { return nil }
                }
                group = group << 6 | UInt32(value)
            }
            let produced = count - 1 // 4 characters give 3 bytes, 3 give 2, 2 give 1
            // Bits below the last whole byte must be zero, or two spellings would mean the same bytes.
            let unusedBits = UInt32(24 - 8 * produced)
            if count < 4, group & ((1 << unusedBits) - 1) != 0 { return nil }
            for position in 0..<produced { bytes.append(UInt8(truncatingIfNeeded: group >> UInt32(16 - 8 * position))) }
            index += 4
        }
        return bytes
    }
}
