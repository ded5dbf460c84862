import Foundation
import JournalCore
@testable import JournalUI

/// Runs the program the way the terminal loop does (the same `ProgramRunner`), without a
/// terminal: keys in, effects out, saves answered by `MemoryDisk`.
struct ScreenDriver {
    var runner: ProgramRunner<MemoryDisk>
    /// Every effect the screens asked for, in order.
    var effects: [Effect] = []

    var state: AppState {
        get { runner.state }
        set { runner.state = newValue }
    }
    /// Every batch of changes the screens asked to record.
    var recorded: [[JournalChange]] {
        get { runner.handler.recorded }
        set { runner.handler.recorded = newValue }
    }
    /// When set, the next save fails with this message (a full disk, say).
    var failNextSave: String? {
        get { runner.handler.failNextSave }
        set { runner.handler.failNextSave = newValue }
    }
    var revisionClock: Date {
        get { runner.handler.revisionClock }
        set { runner.handler.revisionClock = newValue }
    }
    /// What "the disk" holds when another copy saved behind the screen's back; nil: the
    /// screen's own journal is what is on disk.
    var onDisk: Journal? {
        get { runner.handler.onDisk }
        set { runner.handler.onDisk = newValue }
    }

    static let zone = TimeZone(identifier: "Europe/London")!
    /// Thursday 26 November 2026, 09:30 in London.
    static let morning = Timestamp.instant(of: LocalDate(iso: "2026-11-26")!, minuteOfDay: 9 * 60 + 30, in: zone)

    init(journal: Journal = Journal(), now: Date = ScreenDriver.morning, width: Int = 80, height: Int = 24,
         notices: [String] = [], readOnlyReason: String? = nil, whereKept: String? = nil, version: String? = nil) {
        let state = AppState(journal: journal, now: now, timeZone: Self.zone, width: width, height: height,
                             notices: notices, readOnlyReason: readOnlyReason, whereKept: whereKept, version: version)
        runner = ProgramRunner(state: state, handler: MemoryDisk(revisionClock: now))
    }

    var screen: String { state.view().text }

    mutating func send(_ msg: Msg) {
        effects += runner.send(msg)
    }

    mutating func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    /// Types text character by character.
    mutating func type(_ text: String) {
        for character in text { send(.key(.character(character))) }
    }
}

/// Saves answered in memory. Reloads are left unanswered: the tests send `.reloaded`
/// themselves, with the journal they want the screen to find. Suspending does nothing.
struct MemoryDisk: EffectsHandler {
    var recorded: [[JournalChange]] = []
    var failNextSave: String?
    var revisionClock: Date
    var onDisk: Journal?

    mutating func save(_ changes: [JournalChange], shown: Journal) -> Result<Journal, SaveFailure> {
        recorded.append(changes)
        if let failure = takeFailure() { return .failure(failure) }
        return .success(applying(changes, to: shown))
    }

    mutating func saveUnlessChanged(_ changes: [JournalChange], since: [EntryID: Int], shown: Journal) -> Msg {
        if let failure = takeFailure() {
            recorded.append(changes)
            return .recorded(.failure(failure))
        }
        let disk = onDisk ?? shown
        let changed = since.filter { disk.revisionNumber(of: $0.key) != $0.value }.keys.sorted()
        if !changed.isEmpty { return .changedElsewhere(disk, ids: changed) }
        recorded.append(changes)
        let journal = applying(changes, to: disk)
        onDisk = onDisk.map { _ in journal }
        return .recorded(.success(journal))
    }

    func reload() -> Result<Journal, SaveFailure>? { nil }

    func suspend() {}

    private mutating func takeFailure() -> SaveFailure? {
        guard let message = failNextSave else { return nil }
        failNextSave = nil
        return SaveFailure(message: message)
    }

    private func applying(_ changes: [JournalChange], to start: Journal) -> Journal {
        var journal = start
        for change in changes {
            journal.apply(change.entry(after: journal.revisionNumber(of: change.id), recordedAt: revisionClock))
        }
        return journal
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
