import JournalCore

/// Words for someone viewing the patient's journal (a caregiver, read-only): about the
/// patient rather than to them, and without keys that do nothing in viewing mode.
enum ViewerText {
    /// "Maya has not logged symptoms today." (the name from settings, else "The patient").
    static func noSymptomsToday(_ journal: Journal) -> String {
        "\(journal.programmeSettings.patientNameOrDefault) has not logged symptoms today."
    }

    /// "Due for Maya"
    static func dueHeading(_ journal: Journal) -> String {
        "Due for \(journal.programmeSettings.patientName ?? "the patient")"
    }

    /// A reminder without the key hint at its end ("… not ticked yet (k)"): the keys that
    /// act on reminders are the patient's.
    static func reminder(_ message: String) -> String {
        guard message.hasSuffix(")"), let open = message.lastIndex(of: "(") else { return message }
        let inside = message[message.index(after: open)..<message.index(before: message.endIndex)]
        // Key hints are one key, or "d, then w".
        let isKeyHint = inside.count == 1 || inside.split(separator: " ").allSatisfy { $0.count == 1 || $0 == "then" || $0.count == 2 && $0.hasSuffix(",") }
        guard isKeyHint else { return message }
        return String(message[..<open]).trimmingCharacters(in: .whitespaces)
    }
}
