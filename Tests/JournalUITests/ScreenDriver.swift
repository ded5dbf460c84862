import Foundation
import JournalCore
@testable import JournalUI

/// Drives `AppState` the way the terminal loop does, without a terminal: keys in,
/// effects out, saves answered by an in-memory journal.
struct ScreenDriver {
    var state: AppState
    /// Every batch of changes the screens asked to record.
    var recorded: [[JournalChange]] = []
    var effects: [Effect] = []
    /// When set, the next save fails with this message (a full disk, say).
    var failNextSave: String?
    var revisionClock: Date
    /// What "the disk" holds when another copy saved behind the screen's back; nil: the
    /// screen's own journal is what is on disk.
    var onDisk: Journal?

    static let zone = TimeZone(identifier: "Europe/London")!
    /// Thursday 26 November 2026, 09:30 in London.
    static let morning = Timestamp.instant(of: LocalDate(iso: "2026-11-26")!, minuteOfDay: 9 * 60 + 30, in: zone)

    init(journal: Journal = Journal(), now: Date = ScreenDriver.morning, width: Int = 80, height: Int = 24,
         notices: [String] = [], readOnlyReason: String? = nil) {
        state = AppState(journal: journal, now: now, timeZone: Self.zone, width: width, height: height,
                         notices: notices, readOnlyReason: readOnlyReason)
        revisionClock = now
    }

    var screen: String { state.view().text }

    mutating func send(_ msg: Msg) {
        var queue = [msg]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in state.update(next) {
                effects.append(effect)
                if case .recordUnlessChanged(let changes, let since) = effect {
                    recorded.append(changes)
                    if let message = failNextSave {
                        failNextSave = nil
                        queue.append(.recorded(.failure(SaveFailure(message: message))))
                        continue
                    }
                    let disk = onDisk ?? state.journal
                    let changed = since.filter { disk.revisionNumber(of: $0.key) != $0.value }.keys.sorted()
                    if !changed.isEmpty {
                        recorded.removeLast()
                        queue.append(.changedElsewhere(disk, ids: changed))
                        continue
                    }
                    var journal = disk
                    for change in changes {
                        journal.apply(change.entry(after: journal.revisionNumber(of: change.id), recordedAt: revisionClock))
                    }
                    onDisk = onDisk.map { _ in journal }
                    queue.append(.recorded(.success(journal)))
                }
                if case .record(let changes) = effect {
                    recorded.append(changes)
                    if let message = failNextSave {
                        failNextSave = nil
                        queue.append(.recorded(.failure(SaveFailure(message: message))))
                    } else {
                        var journal = state.journal
                        for change in changes {
                            journal.apply(change.entry(after: journal.revisionNumber(of: change.id), recordedAt: revisionClock))
                        }
                        queue.append(.recorded(.success(journal)))
                    }
                }
            }
        }
    }

    mutating func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    /// Types text character by character.
    mutating func type(_ text: String) {
        for character in text { send(.key(.character(character))) }
    }
}

extension Key {
    static func ch(_ c: Character) -> Key { .character(c) }
}

/// Lines of the expected screen; trailing spaces never matter.
func screen(_ lines: String) -> String {
    lines.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        var l = String(line)
        while l.hasSuffix(" ") { l.removeLast() }
        return l
    }.joined(separator: "\n")
}
