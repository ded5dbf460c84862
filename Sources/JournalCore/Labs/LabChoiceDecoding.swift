/// Reads one of a fixed set of words from the journal file. A word this version does not
/// know is damage, reported with the field and the words allowed, so the message names
/// what is wrong ("data.unit" is "furlongs", not one of mg/dL, mmol/L, U/L).
func decodeChoice<Choice: RawRepresentable & CaseIterable>(_ decoder: any Decoder) throws -> Choice
where Choice.RawValue == String {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let choice = Choice(rawValue: text) else {
        let field = decoder.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        throw DecodingError.dataCorrupted(.init(
            codingPath: decoder.codingPath,
            debugDescription: "\"\(field)\" is \"\(text)\", not one of " + Choice.allCases.map(\.rawValue).joined(separator: ", ")))
    }
    return choice
}
