import Foundation
import JournalCore

/// Today as the home menu: alerts, what is due, the course line, then numbered choices.
extension PlainSession {
    struct Choice {
        let title: String
        let action: () throws(EndOfInput) -> Void
    }

    var choices: [Choice] {
        var list: [Choice] = []
        if canEdit {
            list.append(Choice(title: "Log today's symptoms and the red-flag questions") { () throws(EndOfInput) in try self.symptomLog() })
        }
        list.append(Choice(title: canEdit ? "Doses for today: record taken or skipped" : "Doses for today") { () throws(EndOfInput) in try self.doses() })
        list.append(Choice(title: canEdit ? "Monthly checklist: show, tick an item" : "Monthly checklist") { () throws(EndOfInput) in try self.checklist() })
        list.append(Choice(title: "History: recent days") { () throws(EndOfInput) in try self.recentDays() })
        list.append(Choice(title: "History: flags (red flags, labs, mood checks)") { () throws(EndOfInput) in try self.flagHistory() })
        list.append(Choice(title: "Read Today again") { () throws(EndOfInput) in })
        return list
    }

    func homeLoop() throws(EndOfInput) {
        while true {
            refresh()
            sayToday()
            let menu = choices
            io.say("Menu:")
            for (index, choice) in menu.enumerated() { io.say("\(index + 1). \(choice.title)") }
            io.say("q. Quit")
            let answer = try io.ask("Choose a number, or q to quit:")
            if answer.lowercased() == "q" { return }
            if answer.isEmpty { continue }
            guard let number = Int(answer), menu.indices.contains(number - 1) else {
                io.say("'\(answer)' is not one of the choices.")
                continue
            }
            try menu[number - 1].action()
        }
    }

    /// Today, read in order of importance: alerts, what is due, the course.
    func sayToday() {
        let now = clock()
        io.say("")
        io.say("IsoJournal, plain mode" + (canEdit ? "" : " (read-only)") + ". Today is \(PlainText.day(today)).")
        let alerts = PlainAlerts.lines(journal: journal, now: now, zone: zone, canEdit: canEdit)
        if alerts.isEmpty {
            io.say("No alerts.")
        } else {
            io.say("Alerts, \(alerts.filter { !$0.hasPrefix(" ") }.count):")
            alerts.forEach { io.say($0) }
        }
        let due = journal.reminders(now: now, timeZone: zone, horizon: 24 * 3600).filter { $0.urgency <= .today && $0.kind != .stopAlert }
        if due.isEmpty {
            io.say("Nothing is due.")
        } else {
            io.say("Due, \(due.count):")
            due.forEach { io.say("- \($0.urgency.label): \($0.message)") }
        }
        io.say(PlainText.courseLine(journal: journal, now: now, zone: zone))
    }
}
