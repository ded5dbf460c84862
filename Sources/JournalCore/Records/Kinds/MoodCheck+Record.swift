import Foundation

extension MoodCheck: RecordPayload {
    public static var kind: EntryKind { .moodCheck }
    public static var group: RecordGroup { .flagsAndMood }
    public var body: EntryBody { .moodCheck(self) }

    public func line(_ entry: Entry, timeZone: TimeZone) -> String {
        var text = "Mood check: PHQ-2 \(phq2Score)" + (phq9Score.map { ", PHQ-9 \($0)" } ?? "")
        if selfHarmAnswered {
            text += " — thoughts of self-harm answered; crisis guidance shown"
                + (crisisGuidanceShownAt.map { " at \(RecordText.clock($0, timeZone))" } ?? "")
        }
        return text
    }

    public var notes: [String] { [] }
    public var subject: String { "Mood check" }

    public func alert(_ entry: Entry, context: RecordContext) -> RecordAlert? {
        if selfHarmAnswered { return RecordAlert(level: .alarm, label: "SELF-HARM ANSWERED") }
        let mood = context.rules.moodCheck
        if let score = phq9Score, score >= mood.phq9TellPrescriberAt { return RecordAlert(level: .tell, label: "PHQ-9 \(score)") }
        if phq2Score >= mood.phq2StepUpAt { return RecordAlert(level: .tell, label: "PHQ-2 \(phq2Score)") }
        return nil
    }

    public func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields {
        CSVFields(name: phq9Score == nil ? "PHQ-2" : "PHQ-9", value: String(phq9Score ?? phq2Score), unit: "score",
                  detail: "answers " + answers.map(String.init).joined(separator: " "))
    }

    public var implausibility: String? {
        answers.allSatisfy({ PlausibleNumbers.grade.contains($0) }) ? nil : "a mood answer is not 0, 1, 2 or 3"
    }

    public var instants: [(instant: Date, what: String)] {
        crisisGuidanceShownAt.map { [($0, "the time the crisis guidance was shown")] } ?? []
    }
}
