/// Another medicine or supplement the person takes, logged so interactions are visible.
public struct MedicineNote: Equatable, Codable, Sendable {
    public var name: String
    public var note: String?
    /// The interaction warning shown when it was logged, if any, in the words shown.
    public var warningShown: String?

    public init(name: String, note: String? = nil, warningShown: String? = nil) {
        self.name = name
        self.note = note
        self.warningShown = warningShown
    }

    enum CodingKeys: String, CodingKey { case name, note, warningShown }

    public static func entryID(day: LocalDate, name: String) -> EntryID {
        let slug = name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return EntryID("medicine-\(day.iso)-\(slug)")
    }
}
