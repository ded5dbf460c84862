import Foundation

/// Standard base64 (RFC 4648 §4, with padding), decoded strictly.
///
/// Foundation's decoder ignores the unused low bits of the last character, so two spellings
/// decode to the same bytes; a flipped bit there would go unnoticed. Sealed lines and key
/// files promise that every changed byte is detected, so only the one canonical spelling
/// (the one `encode` writes) is accepted.
enum StrictBase64 {
    static func encode(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        Array(Data(bytes).base64EncodedData())
    }

    /// The bytes, or nil unless `text` is exactly what `encode` writes for them.
    static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        guard !text.isEmpty, text.count % 4 == 0, let data = Data(base64Encoded: Data(text)) else { return nil }
        let bytes = [UInt8](data)
        return encode(bytes).elementsEqual(text) ? bytes : nil
    }
}
