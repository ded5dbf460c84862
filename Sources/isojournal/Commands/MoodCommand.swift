import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal log mood`: the PHQ-2 (stepping up to the PHQ-9) from the shell.
struct LogMoodCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mood",
        abstract: "The PHQ-2 mood check (PHQ-9 when the PHQ-2 score is 3 or more).",
        discussion: """
            In a terminal it asks the questions one by one. For scripts give the answers (0 not at all, \
            1 several days, 2 more than half the days, 3 nearly every day):
              isojournal log mood --answers 1,0
              isojournal log mood --answers 2,1,1,0,1,0,0,0,0
            """
    )

    @Option(help: ArgumentHelp("The answers in order, comma-separated: 2 for the PHQ-2, 9 when it steps up.", valueName: "a,b,…"))
    var answers: String?
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let now = Date()
            let day = Timestamp.localDate(of: now, in: .current)
            let phq = Questionnaire.phq
            let stepUp = ProgrammeRules.shipped.moodCheck.phq2StepUpAt
            var given: [Int]
            if let answers {
                given = try parse(answers)
            } else if isatty(0) == 1 {
                given = try ask(phq: phq, stepUp: stepUp)
            } else {
                throw CommandFailure.badInput("Give the answers with --answers (no terminal to ask in).")
            }
            let needed = Questionnaire.questionCount(afterAnswers: given, stepUpAt: stepUp)
            guard given.count == needed else {
                throw CommandFailure.badInput(needed == 9
                    ? "The PHQ-2 score is \(given.prefix(2).reduce(0, +)) (\(stepUp) or more): answer all nine PHQ-9 questions."
                    : "A PHQ-2 score under \(stepUp) needs just the two answers.")
            }
            let store = try location.openStore(mode: .readWrite)
            let check = MoodCheck(answers: given, crisisGuidanceShownAt: given.count == 9 && given[8] > 0 ? now : nil)
            if check.selfHarmAnswered {
                // Shown before saving, so nothing can stand between the person and these words.
                say("\n*** " + phq.crisis + " ***")
                say("*** Crisis line: " + store.journal.programmeSettings.crisisLine + " ***\n")
            }
            _ = try store.transactionOrFail { _ in [.put(MoodCheck.entryID(day: day), day: day, body: .moodCheck(check))] }
            say("Saved: PHQ-2 \(check.phq2Score)" + (check.phq9Score.map { ", PHQ-9 \($0)" } ?? "") + ". Scores are not a diagnosis.")
        }
    }

    private func parse(_ text: String) throws(CommandFailure) -> [Int] {
        var values: [Int] = []
        for part in text.split(separator: ",") {
            guard let value = Int(part.trimmingCharacters(in: .whitespaces)), (0...3).contains(value) else {
                throw .badInput("--answers: '\(part)' is not 0, 1, 2 or 3.")
            }
            values.append(value)
        }
        return values
    }

    private func ask(phq: Questionnaire, stepUp: Int) throws(CommandFailure) -> [Int] {
        say(phq.stem)
        say(phq.answers.enumerated().map { "\($0) = \($1)" }.joined(separator: ", "))
        var answers: [Int] = []
        while answers.count < Questionnaire.questionCount(afterAnswers: answers, stepUpAt: stepUp) {
            FileHandle.standardOutput.write(Data("\(answers.count + 1). \(phq.items[answers.count])? [0-3] ".utf8))
            guard let line = readLine() else { throw .badInput("Stopped before the last answer; nothing was saved.") }
            if let value = Int(line.trimmingCharacters(in: .whitespaces)), (0...3).contains(value) {
                answers.append(value)
            } else {
                say("Please answer 0, 1, 2 or 3.")
            }
        }
        return answers
    }
}
