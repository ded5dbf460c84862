import Foundation
import Testing
import JournalCore
@testable import JournalUI

/// `?` and F1 open a help drawn from the showing screen's key map, with where the journal is
/// kept, the version and the first steps.
@Suite("Help overlay")
struct HelpOverlayTests {
    static let folder = "the folder /home/ana/.local/share/isojournal"

    func driver(_ keys: [Key], readOnly: Bool = false) -> ScreenDriver {
        let journal = keys.first == .ch("h") ? HistoryFixture.journal() : DashboardTests().journal()
        var driver = ScreenDriver(journal: journal, readOnlyReason: readOnly ? "it was opened in viewing mode" : nil,
                                  whereKept: Self.folder, version: "0.1.0")
        for key in keys { driver.press(key) }
        return driver
    }

    @Test("the help lists every binding of the screen's map (read-only: no editing keys)", arguments: KeyMapTests.openers.map(\.name))
    func listsEveryBinding(name: String) throws {
        let keys = try #require(KeyMapTests.openers.first { $0.name == name }).keys
        for readOnly in [false, true] {
            var driver = driver(keys, readOnly: readOnly)
            let map = driver.state.keyMap
            #expect(map.opensHelp(.function(1)), "\(name): F1 is not in the map")
            driver.press(map.opensHelp(.ch("?")) ? .ch("?") : .function(1))
            // The keys part: the first steps below mention keys too.
            let help = driver.screen.components(separatedBy: "First steps")[0]
            #expect(help.contains("IsoJournal · Help"), "\(name): no help")
            for binding in map.bindings where binding.action != "help" {
                let words = binding.action.split(separator: " ")
                let shown = Self.lists(help, binding.label, String(words.first ?? "")) && words.allSatisfy { help.contains($0) }
                #expect(shown == !(readOnly && binding.edits), "\(name)\(readOnly ? " (read-only)" : ""): \(binding.label) \(binding.action)")
            }
            #expect(driver.screen.contains("Your journal is kept in " + Self.folder))
        }
    }

    /// Whether `label` appears followed by spaces and then `word`.
    static func lists(_ text: String, _ label: String, _ word: String) -> Bool {
        var rest = Substring(text)
        while let found = rest.range(of: "  " + label + " ") {
            rest = rest[found.upperBound...]
            if rest.drop(while: { $0 == " " }).hasPrefix(word) { return true }
        }
        return false
    }

    @Test("Esc, ? and F1 close it; other keys do nothing while it is open")
    func closing() {
        for close in [Key.escape, .ch("?"), .function(1)] {
            var driver = driver([])
            let today = driver.screen
            driver.press(.function(1))
            driver.press(.ch("l"), .ch("q"))
            #expect(driver.screen.contains("IsoJournal · Help"))
            #expect(!driver.effects.contains(.quit))
            driver.press(close)
            #expect(driver.screen == today)
        }
    }

    @Test("in a text field ? is a character; F1 still opens the help")
    func typing() {
        var driver = driver([.ch("l"), .ch("2"), .ch("n")])
        driver.press(.ch("?"))
        #expect(!driver.screen.contains("IsoJournal · Help"))
        #expect(driver.screen.contains("?"))
        #expect(driver.state.keyMap.hints().contains { $0 == ("F1", "help") })
        driver.press(.function(1))
        #expect(driver.screen.contains("IsoJournal · Help"))
    }

    @Test("a safety notice offers no help: it is read first")
    func notOverNotices() {
        var driver = driver([.ch("l"), .end])
        driver.press(.ch("y"))
        #expect(!driver.state.keyMap.opensHelp(.function(1)))
        driver.press(.function(1), .ch("?"))
        #expect(!driver.screen.contains("IsoJournal · Help"))
    }

    @Test("help over Today at 80×24")
    func todayGolden() {
        var driver = driver([])
        driver.press(.ch("?"))
        #expect(driver.screen == screen(Self.todayHelp))
    }

    @Test("help over the symptom form at 80×24")
    func formGolden() {
        var driver = driver([.ch("l")])
        driver.press(.function(1))
        #expect(driver.screen == screen(Self.formHelp))
    }

    static let todayHelp = """
     IsoJournal · Help                                                version 0.1.0
     Keys on this screen
       l      log                             R      reload
       d      doses                           q      quit
       b      labs                            ↑↓     select a due item
       k      checklist                       Enter  open the selected due item's
       m      mood                                   screen
       c      course                          z      snooze it for an hour
       h      history                         x      dismiss it

     Your journal is kept in the folder /home/ana/.local/share/isojournal
     IsoJournal 0.1.0: it records and flags; your prescriber decides.

     First steps
       l logs today's symptoms, each 0–3 (how much it limited your day); s saves.
       A red-flag answer of y shows a warning at once: contact your prescriber.
       d records doses, k ticks the monthly checklist, h shows the history.
       Everything stays in files only you can read. q quits from Today.





     Esc close help
    """

    static let formHelp = """
     IsoJournal · Help                                                version 0.1.0
     Keys on this screen
       ↑↓   move
       0-3  grade
       n    note
       x    clear
       [ ]  day
       s    save
       Esc  back
       t    today
       ← →  grade down / up

     Your journal is kept in the folder /home/ana/.local/share/isojournal
     IsoJournal 0.1.0: it records and flags; your prescriber decides.

     First steps
       l logs today's symptoms, each 0–3 (how much it limited your day); s saves.
       A red-flag answer of y shows a warning at once: contact your prescriber.
       d records doses, k ticks the monthly checklist, h shows the history.
       Everything stays in files only you can read. q quits from Today.



     Esc close help
    """
}
