import Foundation

/// The small FHIR datatypes the export repeats: codings, concepts, quantities, references,
/// ids and times. Only what the data file gives is coded; everything else is text.
enum FHIRParts {
    static func coding(_ code: FHIRCodes.Code) -> JSONValue {
        var members: [String: JSONValue] = ["system": .string(code.system), "code": .string(code.code)]
        if let display = code.display { members["display"] = .string(display) }
        return .object(members)
    }

    /// A CodeableConcept: the sourced codings (if any) and always the words.
    static func concept(_ codes: [FHIRCodes.Code], text: String) -> JSONValue {
        var members: [String: JSONValue] = ["text": .string(text)]
        if !codes.isEmpty { members["coding"] = .array(codes.map(coding)) }
        return .object(members)
    }

    static func quantity(_ value: Double, unit: String, ucum: String, system: String) -> JSONValue {
        ["value": .number(value), "unit": .string(unit), "system": .string(system), "code": .string(ucum)]
    }

    static func reference(_ type: String, _ id: String) -> JSONValue {
        ["reference": .string("\(type)/\(id)")]
    }

    static func notes(_ texts: [String?]) -> JSONValue? {
        let kept = texts.compactMap { $0 }.filter { !$0.isEmpty }
        return kept.isEmpty ? nil : .array(kept.map { ["text": .string($0)] })
    }

    /// When something happened: the moment with the offset it was recorded at, else the day.
    static func time(day: LocalDate, at instant: Date?, offsetSeconds: Int?) -> String {
        guard let instant else { return day.iso }
        guard let offsetSeconds, let zone = TimeZone(secondsFromGMT: offsetSeconds) else { return Timestamp.utcText(instant) }
        return Timestamp.offsetText(instant, in: zone)
    }
}

/// FHIR resource ids allow only [A-Za-z0-9-.], 1 to 64 characters. Record ids mostly fit and
/// are kept as they are (readable on the server, the same on every export); any other is
/// replaced by a hash of it, which is just as stable.
public enum FHIRResourceID {
    public static func from(_ recordID: String) -> String {
        if isValid(recordID) { return recordID }
        return "h-" + String(Checksum.sha256Hex(Array(recordID.utf8)).prefix(40))
    }

    public static func isValid(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count) && id.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x2E
        }
    }
}
