import Foundation
import JournalCore

/// This course month's checklist, numbered; ticking (or unticking) an item saves a
/// `ChecklistTick` decided on the journal on disk, as `checklist tick` does.
extension PlainSession {
    func checklist() throws(EndOfInput) {
        while true {
            refresh()
            let day = today
            guard let list = MonthlyChecklist.build(journal: journal, today: day) else {
                io.say(PlainText.courseLine(journal: journal, now: clock(), zone: zone))
                return
            }
            io.say("Checklist for course month \(list.month), \(list.firstDay.iso) to \(list.lastDay.iso):")
            for (index, item) in list.items.enumerated() {
                let note = item.note.map { " Note: \($0)." } ?? ""
                io.say("\(index + 1). \(item.status.label): \(item.title). \(item.detail)\(note)")
            }
            if let advice = list.missedWindowAdvice { io.say("Missed window: " + advice) }
            guard canEdit else {
                _ = try io.ask("Read-only: press Enter to go back.")
                return
            }
            let answer = try io.ask("Type an item's number to tick it, or press Enter to go back:")
            if isBackAnswer(answer) { return }
            guard let number = Int(answer), list.items.indices.contains(number - 1) else {
                io.say("'\(answer)' is not one of the items.")
                continue
            }
            let item = list.items[number - 1]
            guard item.canTick else {
                io.say("\(item.title) is filled in from your records (a lab result or mood check), not ticked.")
                continue
            }
            var done = true
            if case .done = item.status {
                guard try io.askYesNo("\(item.title) is already done. Mark it as not done?") == true else { continue }
                done = false
            }
            let typed = done ? try io.ask("A note for \(item.title)? An empty line for none.") : ""
            let tick = ChecklistTick(month: list.month, item: item.id, done: done, note: typed.isEmpty ? nil : typed)
            save(done: "Month \(list.month): \(item.title) " + (done ? "done on \(day.iso)." : "not done.")) { onDisk in
                // The month's items as they stand on disk: the item must still be there to tick.
                guard let current = MonthlyChecklist.build(journal: onDisk, month: list.month, today: day),
                      current.items.contains(where: { $0.id == item.id && $0.canTick }) else {
                    throw PlainRefusal("the checklist changed meanwhile; look at it again.")
                }
                return [.put(ChecklistTick.entryID(month: list.month, item: item.id), day: day, body: .checklistTick(tick))]
            }
        }
    }
}
