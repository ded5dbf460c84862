/// A checklist item the patient ticked (or unticked) for a course month, with the date it
/// was done and a note. Items the journal can see for itself (a test result, an
/// appointment marked done) need no tick.
public struct ChecklistTick: Equatable, Codable, Sendable {
    public var month: Int
    /// The item id ("contraception-1", "programme-confirmation", or a custom item's id).
    public var item: String
    public var done: Bool
    public var note: String?

    public init(month: Int, item: String, done: Bool, note: String? = nil) {
        self.month = month
        self.item = item
        self.done = done
        self.note = note
    }

    enum CodingKeys: String, CodingKey { case month, item, done, note }

    public static func entryID(month: Int, item: String) -> EntryID { EntryID("checklist-\(month)-\(item)") }
}

/// An item the patient added to a month's checklist themselves.
public struct ChecklistCustomItem: Equatable, Codable, Sendable {
    public var month: Int
    public var title: String

    public init(month: Int, title: String) {
        self.month = month
        self.title = title
    }

    enum CodingKeys: String, CodingKey { case month, title }

    /// "custom-<slug of the title>", unique within the month.
    public var itemID: String {
        "custom-" + title.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    public static func entryID(month: Int, itemID: String) -> EntryID { EntryID("checklist-item-\(month)-\(itemID)") }
}
