import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` while `log` saves and then rewrites the working-set cache: the cache a kill leaves
/// (old, new, or only a temporary file) is never trusted wrongly — the first screen and the
/// reminders read from it are those of the whole journal (`ISOJOURNAL_NO_CACHE=1`) — and the next
/// writer removes any leftover. 30 writers by default; `ISOJOURNAL_CACHE_KILL_ROUNDS` for more.
@Suite("End to end: kill -9 during cache writes")
struct WorkingSetKillTests {
    @Test("killed writers leave no cache that is trusted wrongly",
          .enabled(if: FakeTime.path != nil, "faketime is not installed: comparing screens needs a fixed clock"))
    func killedCacheWritesAreNeverTrustedWrongly() throws {
        let rounds = ReliabilitySettings.integer("ISOJOURNAL_CACHE_KILL_ROUNDS", default: 30)
        var random = SeededRandom(seed: UInt64(ReliabilitySettings.integer("ISOJOURNAL_KILL_TEST_SEED", default: 5)))
        let journal = TemporaryJournal()
        try #require(journal.run("bench", "generate", "--entries", "5000", "--data-dir", journal.directory).status == 0)
        #expect(journal.run("log", "symptom", "rash", "1").status == 0) // writes the first cache
        // A writer's life here, so the kills land where it saves and rewrites the cache: its end.
        var lives: [Int] = []
        for _ in 0..<3 {
            let started = ContinuousClock.now
            #expect(journal.run("log", "symptom", "rash", "2").status == 0)
            let (seconds, attoseconds) = (ContinuousClock.now - started).components
            lives.append(Int(seconds) * 1_000_000 + Int(attoseconds / 1_000_000_000_000))
        }
        var life = lives.sorted()[1]
        var kills = 0, finished = 0, compared = 0, leftovers = 0, killsInARow = 0
        for round in 0..<rounds {
            guard let writer = RunningProcess([Binary.path, "log", "symptom", "headache", "\(round % 4)", "--note", "kill-\(round)"],
                                              environment: journal.environment) else {
                Issue.record("could not start the writer"); return
            }
            // Its life is mostly start-up; the save and the cache rewrite come at the end.
            usleep(useconds_t(Int.random(in: (life * 6 / 10)...(life * 11 / 10), using: &random)))
            kill(writer.pid, SIGKILL)
            writer.wait()
            if writer.signal == SIGKILL {
                kills += 1
                killsInARow += 1
                // On a busy machine writers live longer: aim later until some live through.
                if killsInARow >= 4 { life = life * 5 / 4; killsInARow = 0 }
            } else {
                finished += 1
                killsInARow = 0
            }
            if journal.fileNames.contains(where: { $0.hasPrefix("journal.cache.tmp-") }) { leftovers += 1 }

            // What the cache (whatever a kill left of it) shows equals what the whole journal shows.
            let clock = Self.clockText()
            let fastScreen = journal.runKeys("<screen>q", at: clock)
            let fastReminders = journal.runAt(clock, "remind", "--json", "--within", "2d")
            journal.extraEnvironment["ISOJOURNAL_NO_CACHE"] = "1"
            let wholeScreen = journal.runKeys("<screen>q", at: clock)
            let wholeReminders = journal.runAt(clock, "remind", "--json", "--within", "2d")
            journal.extraEnvironment["ISOJOURNAL_NO_CACHE"] = nil
            #expect(fastScreen.stdout == wholeScreen.stdout, "round \(round): first screen differs")
            #expect(fastReminders.stdout == wholeReminders.stdout, "round \(round): reminders differ")
            #expect(fastScreen.stdout.contains("IsoJournal"))
            compared += 1
            // A writer that finishes removes whatever an earlier kill left half-written.
            #expect(!journal.fileNames.contains { $0.hasPrefix("journal.cache.tmp-") }, "round \(round): a leftover stayed")
        }
        print("CACHE KILL TEST: \(kills) kills and \(finished) finished of \(rounds) writers (life about \(life / 1000) ms), "
              + "\(leftovers) kills left a half-written cache, \(compared) comparisons, 0 differences allowed")
        #expect(kills >= rounds / 4, "too few writers were killed: \(kills)")
        #expect(journal.run("check").status == 0)
    }

    /// Now, to the second, as faketime reads it (the journal's clock is UTC).
    static func clockText() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date())
    }
}
