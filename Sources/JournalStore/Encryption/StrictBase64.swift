/// Standard base64 (RFC 4648 §4, with padding), decoded strictly.
///
/// Foundation's decoder ignores the unused low bits of the last digit, so two spellings
/// decode to the same bytes; a flipped bit there would go unnoticed. Sealed lines and key
/// files promise that every changed byte is detected, so only the one canonical spelling
/// (the one `encode` writes) is accepted. Written out here rather than decoding and
/// re-encoding with Foundation because it runs once per journal line (≈3x faster).
enum StrictBase64 {
    private static let digits: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    /// Digit value of each byte, 0xFF for a byte that is not a digit ("=" included).
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, digit) in digits.enumerated() { table[Int(digit)] = UInt8(value) }
        return table
    }()
    private static let pad = UInt8(ascii: "=")

    static func encode(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        let digits = Self.digits
        var out = [UInt8](repeating: pad, count: (input.count + 2) / 3 * 4)
        input.withUnsafeBufferPointer { input in
            digits.withUnsafeBufferPointer { digits in
                out.withUnsafeMutableBufferPointer { out in
                    var at = 0
                    var index = 0
                    while index < input.count {
                        let left = input.count - index
                        let group = UInt32(input[index]) << 16
                            | (left > 1 ? UInt32(input[index + 1]) << 8 : 0) | (left > 2 ? UInt32(input[index + 2]) : 0)
                        out[at] = digits[Int(group >> 18 & 63)]
                        out[at + 1] = digits[Int(group >> 12 & 63)]
                        if left > 1 { out[at + 2] = digits[Int(group >> 6 & 63)] }
                        if left > 2 { out[at + 3] = digits[Int(group & 63)] }
                        at += 4
                        index += 3
                    }
                }
            }
        }
        return out
    }

    /// The bytes, or nil unless `text` is exactly what `encode` writes for them.
    static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        let text = Array(text)
        guard !text.isEmpty, text.count % 4 == 0 else { return nil }
        let padding = text[text.count - 1] != pad ? 0 : text[text.count - 2] != pad ? 1 : 2
        let values = Self.values
        var out = [UInt8](repeating: 0, count: text.count / 4 * 3 - padding)
        let valid = text.withUnsafeBufferPointer { text in
            values.withUnsafeBufferPointer { values in
                out.withUnsafeMutableBufferPointer { out -> Bool in
                    var group: UInt32 = 0
                    var at = 0
                    for index in 0..<(text.count - padding) {
                        let value = values[Int(text[index])]
                        guard value != 0xFF else { return false }
                        group = group << 6 | UInt32(value)
                        if index & 3 == 3 {
                            out[at] = UInt8(truncatingIfNeeded: group >> 16)
                            out[at + 1] = UInt8(truncatingIfNeeded: group >> 8)
                            out[at + 2] = UInt8(truncatingIfNeeded: group)
                            at += 3
                            group = 0
                        }
                    }
                    switch padding {
                    case 1:  // 3 digits: 18 bits, 2 bytes, the low 2 bits unused and zero
                        guard group & 0b11 == 0 else { return false }
                        out[at] = UInt8(truncatingIfNeeded: group >> 10)
                        out[at + 1] = UInt8(truncatingIfNeeded: group >> 2)
                    case 2:  // 2 digits: 12 bits, 1 byte, the low 4 bits unused and zero
                        guard group & 0b1111 == 0 else { return false }
                        out[at] = UInt8(truncatingIfNeeded: group >> 4)
                    default: break
                    }
                    return true
                }
            }
        }
        return valid ? out : nil
    }
}
