import Foundation
import JournalCore
import Testing
@testable import JournalUI

/// The loop itself: answers go back in, a quit ends the batch, and a handler that answers
/// reloads gets its journal shown.
@Suite("Program runner")
struct ProgramRunnerTests {
    /// Counts what it was asked; every save fails (a full disk), reloads answer `reloadAnswer`.
    struct CountingHandler: EffectsHandler {
        var saves = 0
        var reloads = 0
        var suspends = 0
        var reloadAnswer: Result<Journal, SaveFailure>?

        mutating func save(_ changes: [JournalChange], shown: Journal) -> Result<Journal, SaveFailure> {
            saves += 1
            return .failure(SaveFailure(message: "the disk is full"))
        }

        mutating func saveUnlessChanged(_ changes: [JournalChange], since: [EntryID: Int], shown: Journal) -> Msg {
            .recorded(save(changes, shown: shown))
        }

        mutating func reload() -> Result<Journal, SaveFailure>? {
            reloads += 1
            return reloadAnswer
        }

        mutating func suspend() { suspends += 1 }
    }

    func runner(_ handler: CountingHandler = CountingHandler()) -> ProgramRunner<CountingHandler> {
        ProgramRunner(state: AppState(journal: Journal(), now: ScreenDriver.morning, timeZone: ScreenDriver.zone,
                                      width: 80, height: 24, notices: [], readOnlyReason: nil),
                      handler: handler)
    }

    @Test("a save's answer is fed back: the failure reaches the screen")
    func saveAnswered() {
        var runner = runner()
        runner.send([.key(.character("l")), .key(.character("2")), .key(.character("s"))])
        #expect(runner.handler.saves == 1)
        #expect(runner.state.view().text.contains("the disk is full"), "\(runner.state.view().text)")
    }

    @Test("Ctrl-Z suspends through the handler; a quit ends the batch and drops what was queued after it")
    func suspendAndQuit() {
        var runner = runner()
        #expect(runner.send(.key(.control("z"))) == [.suspend])
        #expect(runner.handler.suspends == 1)
        #expect(runner.send([.key(.control("c")), .key(.control("z"))]) == [.quit])
        #expect(runner.handler.suspends == 1)
    }

    @Test("a reload the handler answers comes back as .reloaded; an unanswered one leaves the screen as it was")
    func reload() {
        var answered = runner(CountingHandler(reloadAnswer: .failure(SaveFailure(message: "the file is gone"))))
        #expect(answered.send(.key(.character("R"))) == [.reload])
        #expect(answered.handler.reloads == 1)
        #expect(answered.state.view().text.contains("Could not reload: the file is gone"))

        var unanswered = runner()
        let before = unanswered.state.view()
        #expect(unanswered.send(.key(.character("R"))) == [.reload])
        #expect(unanswered.state.view() == before)
    }
}
