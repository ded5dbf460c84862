import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal checklist`: a course month's checklist; `tick` and `add` change it.
struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "Show a course month's checklist: pregnancy test, window, contraception, confirmation, labs, visit, pickup, mood check.",
        subcommands: [ChecklistShowCommand.self, ChecklistTickCommand.self, ChecklistAddCommand.self],
        defaultSubcommand: ChecklistShowCommand.self
    )
}

struct ChecklistShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the checklist (the default).")

    @Option(help: "Course month (default: the current one).") var month: Int?
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var source: JournalToRead

    func run() throws {
        try reportingFailures {
            let today = Timestamp.localDate(of: Date(), in: .current)
            if let month, month < 1 { throw CommandFailure.badInput("--month starts at 1.") }
            let journal = try source.load().journal
            guard let list = MonthlyChecklist.build(journal: journal, month: month, today: today) else {
                throw CommandFailure.runtime("No course set up yet: isojournal course set … (or press c in the journal).")
            }
            let countdowns = AfterCourseCountdown.countdowns(journal: journal, today: today)
            if json {
                try say(json: ChecklistReport(list, countdowns: countdowns, today: today))
                return
            }
            say("Month \(list.month): \(list.firstDay.iso) to \(list.lastDay.iso) — \(list.ruleSet.name)")
            for item in list.items {
                let note = item.note.map { " [note: \($0)]" } ?? ""
                say("  " + item.status.label.uppercased().padding(toLength: 9, withPad: " ", startingAt: 0)
                    + item.title.padding(toLength: 32, withPad: " ", startingAt: 0) + item.detail + note)
            }
            if let advice = list.missedWindowAdvice { say("\nMissed window: " + advice) }
            for countdown in countdowns {
                say("After the course: \(countdown.text): \(countdown.date.iso)" + (countdown.isDone ? " (done)" : " (\(countdown.daysLeft) days)"))
            }
        }
    }
}

/// The checklist with stable field names for `--json`.
struct ChecklistReport: Encodable {
    struct Item: Encodable {
        let id, title, status, detail: String
        let doneOn: String?
        let note: String?
        let canTick: Bool
    }
    struct Window: Encodable { let opens, closes: String; let day: Int? }
    struct Countdown: Encodable { let id, text, date: String; let daysLeft: Int; let done: Bool }

    let month: Int
    let firstDay, lastDay, ruleSet, category: String
    let items: [Item]
    let window: Window?
    let missedWindowAdvice: String?
    let afterCourse: [Countdown]

    init(_ list: MonthlyChecklist, countdowns: [AfterCourseCountdown], today: LocalDate) {
        month = list.month
        firstDay = list.firstDay.iso
        lastDay = list.lastDay.iso
        ruleSet = list.ruleSet.id
        category = list.category.rawValue
        items = list.items.map { item in
            var doneOn: String?
            if case .done(let day) = item.status { doneOn = day?.iso }
            return Item(id: item.id, title: item.title, status: item.status.label, detail: item.detail, doneOn: doneOn,
                        note: item.note, canTick: item.canTick)
        }
        window = list.window.map { Window(opens: $0.opens.iso, closes: $0.closes.iso, day: $0.dayNumber(on: today)) }
        missedWindowAdvice = list.missedWindowAdvice
        afterCourse = countdowns.map { Countdown(id: $0.id, text: $0.text, date: $0.date.iso, daysLeft: $0.daysLeft, done: $0.isDone) }
    }
}

struct ChecklistTickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tick",
        abstract: "Tick an item you did (contraception-1, contraception-2, programme-confirmation, prescriber-visit, pickup, blood-draw, or a custom item's id).",
        discussion: "Example: isojournal checklist tick contraception-1 --note \"IUD checked\""
    )

    @Argument(help: "The item's id.") var item: String
    @Option(help: "Course month (default: the current one).") var month: Int?
    @Option(name: .customLong("date"), help: ArgumentHelp("The day it was done (default today).", valueName: "YYYY-MM-DD")) var date: String?
    @Option(help: "A note.") var note: String?
    @Flag(help: "Untick it.") var undo = false
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let today = Timestamp.localDate(of: Date(), in: .current)
            let day = try DayArgument.parse(date, today: today)
            let store = try location.openStore(mode: .readWrite)
            var saved = ""
            _ = try store.transactionOrFail { journal in
                guard let list = MonthlyChecklist.build(journal: journal, month: month, today: today) else {
                    throw CommandFailure.badInput("Set up the course first: isojournal course set …")
                }
                guard let found = list.items.first(where: { $0.id == item }) else {
                    throw CommandFailure.badInput("Month \(list.month) has no item '\(item)'. Items: " + list.items.map(\.id).joined(separator: ", ") + ".")
                }
                guard found.canTick else {
                    throw CommandFailure.badInput("\(found.title) is filled in from your records (a lab result or mood check), not ticked.")
                }
                let tick = ChecklistTick(month: list.month, item: item, done: !undo, note: note)
                saved = "Month \(list.month): \(found.title) " + (undo ? "not done." : "done on \(day.iso).")
                return [.put(ChecklistTick.entryID(month: list.month, item: item), day: day, body: .checklistTick(tick))]
            }
            say(saved)
        }
    }
}

struct ChecklistAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add your own item to a month's checklist.")

    @Argument(help: "What to do, in your words.") var title: String
    @Option(help: "Course month (default: the current one).") var month: Int?
    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            let today = Timestamp.localDate(of: Date(), in: .current)
            let trimmed = title.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { throw CommandFailure.badInput("Say what the item is.") }
            let store = try location.openStore(mode: .readWrite)
            var added = ""
            _ = try store.transactionOrFail { journal in
                guard let course = journal.courseRecords else { throw CommandFailure.badInput("Set up the course first: isojournal course set …") }
                let target = month ?? MonthlyChecklist.currentMonth(startDate: course.settings.startDate, today: today)
                let custom = ChecklistCustomItem(month: target, title: trimmed)
                added = "Added to month \(target): \(trimmed) (id \(custom.itemID))."
                return [.put(ChecklistCustomItem.entryID(month: target, itemID: custom.itemID), day: today, body: .checklistItem(custom))]
            }
            say(added)
        }
    }
}
