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
}
