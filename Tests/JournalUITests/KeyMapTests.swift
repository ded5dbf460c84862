import Foundation
import Testing
import JournalCore
@testable import JournalUI

/// Every screen declares its keys once (`KeyMap`): the hint bar shows what the map says, and
/// every key the map declares does something on that screen.
@Suite("Key maps: declared, shown, handled")
struct KeyMapTests {
    /// The screens reachable from Today with one key, on a course with something due.
    static let openers: [(name: String, keys: [Key])] = [
        ("Today", []), ("Log symptoms", [.ch("l")]), ("Doses", [.ch("d")]), ("Labs", [.ch("b")]),
        ("Checklist", [.ch("k")]), ("Mood check", [.ch("m")]), ("Course", [.ch("c")]),
        ("History timeline", [.ch("h")]), ("History calendar", [.ch("h"), .ch("2")]), ("History trends", [.ch("h"), .ch("3")]),
    ]

    /// Keys that only act once something is there to act on: pressed first.
    static let prepare: [String: [Key]] = [
        "Log symptoms x": [.ch("2")], "Log symptoms t": [.ch("[")], "Mood check ⌫": [.ch("0")],
    ]

    func driver(_ keys: [Key], readOnly: Bool = false) -> ScreenDriver {
        // The history views need weeks of records; the other screens a course with things due.
        let journal = keys.first == .ch("h") ? HistoryFixture.journal() : DashboardTests().journal()
        var driver = ScreenDriver(journal: journal, readOnlyReason: readOnly ? "it was opened in viewing mode" : nil)
        for key in keys { driver.press(key) }
        return driver
    }

    /// What a key can change: the screen, the status line, the effects asked for.
    func look(_ driver: ScreenDriver) -> String {
        driver.screen + "\u{1}" + String(describing: driver.effects) + "\u{1}" + String(describing: driver.state.screen)
    }

    @Test("the hint bar at 80×24 shows exactly the map's hint keys, in order", arguments: openers.map(\.name))
    func hintBarIsTheMap(name: String) throws {
        let keys = try #require(Self.openers.first { $0.name == name }).keys
        for readOnly in [false, true] {
            let driver = driver(keys, readOnly: readOnly)
            let hints = driver.state.keyMap.hints(readOnly: readOnly)
            let bar = driver.screen.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
            var rest = Substring(bar)
            for (label, action) in hints {
                guard let found = rest.range(of: label + " " + action) else {
                    Issue.record("\(name)\(readOnly ? " (read-only)" : ""): '\(label) \(action)' is not in the hint bar, in order: \(bar)")
                    break
                }
                rest = rest[found.upperBound...]
            }
            if readOnly {
                for binding in driver.state.keyMap.bindings where binding.edits && binding.inHintBar {
                    #expect(!bar.contains(binding.label + " " + binding.action), "\(name): read-only bar offers \(binding.label)")
                }
            }
        }
    }

    @Test("every binding in every map does something: one of its keys changes the screen, the status or the effects",
          arguments: openers.map(\.name))
    func everyBindingIsHandled(name: String) throws {
        let keys = try #require(Self.openers.first { $0.name == name }).keys
        for binding in driver(keys).state.keyMap.bindings {
            let start = driver(keys + (Self.prepare["\(name) \(binding.label)"] ?? []))
            let before = look(start)
            let handled = binding.keys.contains { key in
                var pressed = start
                pressed.press(key)
                return look(pressed) != before
            }
            #expect(handled, "\(name): \(binding.label) (\(binding.action)) changed nothing")
        }
    }

    @Test("read-only: every editing key of every map is refused with the reason, and nothing is recorded",
          arguments: openers.map(\.name).filter { !["Log symptoms", "Mood check", "Course"].contains($0) })
    func editingKeysRefusedWhenReadOnly(name: String) throws {
        let keys = try #require(Self.openers.first { $0.name == name }).keys
        let start = driver(keys, readOnly: true)
        for binding in start.state.keyMap.bindings where binding.edits {
            for key in binding.keys {
                var pressed = start
                pressed.press(key)
                #expect(pressed.recorded.isEmpty, "\(name): \(key)")
                #expect(pressed.screen.contains("Read-only"), "\(name): \(key) did not say read-only")
            }
        }
    }
}
