import Foundation
import JournalCore

/// Today's planned intakes, and recording one as taken (the planned amount, now) or skipped,
/// with the checks `log dose` makes: on hold or paused asks first, an unusual amount asks,
/// a slot already recorded asks before a second record.
extension PlainSession {
    func doses() throws(EndOfInput) {
        while true {
            refresh()
            let day = today
            guard let records = journal.courseRecords else {
                io.say(PlainText.courseLine(journal: journal, now: clock(), zone: zone))
                return
            }
            let planned = records.plannedIntakes(on: day)
            if planned.isEmpty {
                io.say("No dose is planned for \(day.iso).")
                return
            }
            io.say("Doses for \(PlainText.day(day)):")
            for (index, intake) in planned.enumerated() {
                io.say("\(index + 1). \(intake.slot.name), \(MilligramText.format(intake.milligrams)) mg at "
                    + Timestamp.clockText(minuteOfDay: intake.slot.minuteOfDay) + ": " + status(records.intakes[day]?[intake.slot.name]))
            }
            guard canEdit else {
                _ = try io.ask("Read-only: press Enter to go back.")
                return
            }
            let answer = try io.ask("Choose a dose by number, or press Enter to go back:")
            if isBackAnswer(answer) { return }
            guard let number = Int(answer), planned.indices.contains(number - 1) else {
                io.say("'\(answer)' is not one of the doses.")
                continue
            }
            let choice = planned[number - 1]
            let what = try io.ask("The \(choice.slot.name) dose: type t if you took it, s if you skipped it, or Enter to go back.").lowercased()
            switch what {
            case "t": try recordTaken(slot: choice.slot.name, milligrams: choice.milligrams, records: records, day: day)
            case "s": try record(DoseIntake(slot: choice.slot.name, status: .skipped, milligrams: nil, withFood: nil), time: nil, records: records, day: day)
            default: continue
            }
        }
    }

    private func status(_ intake: DoseIntake?) -> String {
        guard let intake else { return "not recorded" }
        return intake.status == .taken ? "taken, \(MilligramText.format(intake.milligrams ?? 0)) mg" : "skipped"
    }

    private func recordTaken(slot: String, milligrams: Double, records: CourseRecords, day: LocalDate) throws(EndOfInput) {
        let now = clock()
        let quiet = records.quietDose(at: now, zone: zone)
        if let quiet {
            let question: String
            switch quiet {
            case .onHold(let hold):
                question = "Your course is on hold since \(StopAlertText.when(hold.since, zone: zone)): \(StopAlertText.sentence(hold.reasons)) "
                    + "Your prescriber has not said to continue. Record this dose as taken anyway? It is kept, with the hold noted."
            case .paused(let pause):
                question = "Your prescriber paused the course from \(pause.startDate.iso)" + (pause.endDate.map { " to \($0.iso)" } ?? "")
                    + ". Record this dose as taken anyway? It is kept, with the pause noted."
            }
            guard try io.askYesNo(question) == true else { io.say("Not saved."); return }
        }
        let recordedWhile = quiet?.reason
        let others = (records.intakes[day] ?? [:]).filter { $0.key != slot }.values.reduce(0) { $0 + $1.takenMilligrams }
        switch DoseCheck.check(milligrams: milligrams, otherTakenToday: others, planned: milligrams,
                               weightKilograms: records.weight(on: day), takenAt: now, now: now) {
        case .refuse(let reason):
            io.say("Not saved: " + reason)
            return
        case .confirm(let question):
            guard try io.askYesNo(question) == true else { io.say("Not saved."); return }
        case .fine:
            break
        }
        let intake = DoseIntake(slot: slot, status: .taken, milligrams: milligrams, withFood: records.settings.takeWithFood,
                                recordedWhile: recordedWhile)
        try record(intake, time: now, records: records, day: day)
    }

    private func record(_ intake: DoseIntake, time: Date?, records: CourseRecords, day: LocalDate) throws(EndOfInput) {
        if let existing = records.intakes[day]?[intake.slot] {
            let question = "The \(intake.slot) dose of \(day.iso) is already recorded (\(status(existing))). "
                + "Record it again? The earlier record stays in the history."
            guard try io.askYesNo(question) == true else { io.say("Not saved."); return }
        }
        let done = intake.status == .taken
            ? "Saved: \(intake.slot) dose \(MilligramText.format(intake.milligrams ?? 0)) mg taken at \(PlainText.clock(time ?? clock(), zone: zone))"
                + (intake.recordedWhile.map { ", recorded while \($0.replacingOccurrences(of: "-", with: " ")): tell your prescriber." } ?? ".")
            : "Saved: \(intake.slot) dose of \(day.iso) skipped."
        save(done: done) { _ in [intake.change(day: day, at: time, timeZone: self.zone)] }
    }
}
