import JournalCore

// What each screen holds that is not saved yet, for Ctrl-C's one question and its goodbye.
// Screens that only show the journal keep the default (nothing).

extension LogSymptomsScreen {
    var unsavedInput: String? {
        if case .editingNote(_, let field) = mode, !field.text.isEmpty { return "a note and the symptom log for \(DateText.short(day))" }
        return hasUnsavedAnswers ? "the symptom log for \(DateText.short(day))" : nil
    }
}

extension DoseLogScreen {
    var unsavedInput: String? {
        switch mode {
        case .editing: return "the dose being edited"
        case .confirmReplace, .confirmUnusual, .confirmQuiet, .chooseTime: return "the dose waiting for your answer"
        case .prompt(let kind, let field) where !field.text.isEmpty: return kind == .weight ? "the weight typed" : "the medicine typed"
        default: return nil
        }
    }
}

extension ChecklistScreen {
    var unsavedInput: String? {
        switch mode {
        case .note(_, let field) where !field.text.isEmpty: return "the checklist note typed"
        case .adding(let field) where !field.text.isEmpty: return "the checklist item typed"
        default: return nil
        }
    }
}

extension MoodCheckScreen {
    /// The check is saved when its last answer is given; before that the answers so far are not.
    var unsavedInput: String? { mode == .asking && !answers.isEmpty ? "the mood check's answers so far" : nil }
}

extension LabsScreen {
    var unsavedInput: String? {
        switch mode {
        case .addResult(let form) where ![form.value, form.upperLimit, form.note].allSatisfy(\.text.isEmpty):
            return "the lab result being entered"
        case .schedule(let form) where !form.time.text.isEmpty || !form.note.text.isEmpty:
            return "the appointment being entered"
        default: return nil
        }
    }
}

extension CourseSetupScreen {
    var unsavedInput: String? { form != formAsOpened ? "the course settings" : nil }
}

extension NewCourseScreen {
    var unsavedInput: String? { form != formAsOpened ? "the new course" : nil }
}

extension PrescriberDecisionScreen {
    var unsavedInput: String? { form != formAsOpened ? "the prescriber's decision" : nil }
}
