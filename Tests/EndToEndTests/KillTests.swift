import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` at random moments: writers of the real binary (`isojournal log symptom …`, each
/// entry with its own day and note) are killed a random number of microseconds after they
/// start. After every kill the journal must open and parse (`show --json`), and hold every
/// entry a writer had reported as saved; after the next writer has started, no temporary file
/// may be left. A fresh folder every few rounds puts kills inside the creation of a journal
/// too (temporary file, rename).
///
/// 50 kills by default; `ISOJOURNAL_KILL_TEST_ROUNDS=1000` (see scripts/reliability.sh) for
/// the full run, `ISOJOURNAL_KILL_TEST_SEED` to repeat one.
@Suite("End to end: kill -9 at random moments")
struct KillTests {
    struct Figures: CustomStringConvertible {
        var kills = 0
        var finishedFirst = 0
        var corrupt = 0
        var lost = 0
        var acknowledged = 0
        var staleTemps = 0
        var killsLeavingTemp = 0
        var savedButNotReported = 0
        var unexpectedExits = 0

        var description: String {
            "KILL TEST: \(kills) kills, \(corrupt) corrupt journals, \(lost) lost acknowledged entries "
                + "(of \(acknowledged) acknowledged), \(staleTemps) stale temporary files after the next start; "
                + "\(finishedFirst) writers finished before their kill, \(savedButNotReported) kills landed after "
                + "the entry was on disk but before \"Saved\" was printed, \(killsLeavingTemp) kills left a "
                + "temporary file for the next start to remove, \(unexpectedExits) unexpected exits"
        }
    }

    /// `deviceLogs`: the same on one machine of a journal kept on several (`sync setup` first):
    /// the writers append to this machine's own log.
    @Test("killed writers never corrupt the journal or lose an acknowledged entry", arguments: [false, true])
    func killedWritersLoseNothingAcknowledged(deviceLogs: Bool) throws {
        let target = ReliabilitySettings.integer("ISOJOURNAL_KILL_TEST_ROUNDS", default: 50)
        let seed = UInt64(ReliabilitySettings.integer("ISOJOURNAL_KILL_TEST_SEED", default: 1))
        var random = SeededRandom(seed: seed)
        var figures = Figures()
        var journal = TemporaryJournal()
        var acknowledged: [String: String] = [:] // note -> day, for the current folder
        var lifetimes: [Int] = [] // microseconds, of writers that were not killed
        var estimate = 20_000 // a writer's life in microseconds: the median of `lifetimes`
        var killsInARow = 0
        var round = 0

        while figures.kills < target && round < target * 6 {
            round += 1
            if round % 12 == 1 { // a fresh folder: the next saves create the journal
                journal = TemporaryJournal()
                acknowledged = [:]
                if deviceLogs {
                    journal.extraEnvironment = ["ISOJOURNAL_STATE_DIR": journal.directory + "-state"]
                    let setup = journal.run("sync", "setup")
                    #expect(setup.status == 0, "\(setup.stderr)")
                }
            }
            let day = isoDay(round), noteText = "kill-\(seed)-\(round)"
            // Half the kills anywhere in a writer's life, half near its end, where it saves.
            // On a busy machine writers live longer: if none lived through its delay lately, aim later.
            if killsInARow >= 8 {
                estimate = estimate * 3 / 2
                killsInARow = 0
            }
            let lifetime = estimate
            let delay = Bool.random(using: &random)
                ? Int.random(in: 0...(lifetime * 6 / 5), using: &random)
                : max(0, lifetime - Int.random(in: 0...6_000, using: &random))

            let started = ContinuousClock.now
            guard let writer = RunningProcess([Binary.path, "log", "symptom", "headache", "2", "--date", day, "--note", noteText],
                                              environment: journal.environment) else {
                Issue.record("could not start the writer"); return
            }
            usleep(useconds_t(delay))
            kill(writer.pid, SIGKILL)
            writer.wait()
            if writer.signal == SIGKILL {
                figures.kills += 1
                killsInARow += 1
            } else if writer.exitCode == 0 && writer.stdout.hasPrefix("Saved") {
                killsInARow = 0
                figures.finishedFirst += 1
                acknowledged[noteText] = day
                figures.acknowledged += 1
                let (seconds, attoseconds) = (ContinuousClock.now - started).components
                lifetimes.append(Int(seconds) * 1_000_000 + Int(attoseconds / 1_000_000_000_000))
                if lifetimes.count > 30 { lifetimes.removeFirst() }
                estimate = lifetimes.sorted()[lifetimes.count / 2]
                // This writer started and finished: whatever an earlier kill left is gone.
                figures.staleTemps += journal.fileNames.filter { $0.contains(".jsonl.tmp-") }.count
            } else {
                figures.unexpectedExits += 1
                Issue.record("round \(round): writer ended with \(writer.wait()): \(writer.stderr)")
            }
            if journal.fileNames.contains(where: { $0.contains(".jsonl.tmp-") }) { figures.killsLeavingTemp += 1 }

            // The journal opens and parses, and holds every acknowledged entry.
            guard FileManager.default.fileExists(atPath: journal.journalPath) else {
                figures.lost += acknowledged.count
                continue
            }
            guard let records = journal.records() else {
                figures.corrupt += 1
                Issue.record("round \(round): the journal no longer opens: \(journal.run("show", "--json").stderr)")
                continue
            }
            let present = Dictionary(records.compactMap { record in note(of: record).map { ($0, record["day"] as? String ?? "") } },
                                     uniquingKeysWith: { first, _ in first })
            for (text, day) in acknowledged where present[text] != day {
                figures.lost += 1
                Issue.record("round \(round): acknowledged entry \(text) for \(day) is missing")
            }
            if writer.signal == SIGKILL && present[noteText] != nil { figures.savedButNotReported += 1 }
        }

        // One last writer that is not killed: it must start cleanly and leave nothing behind.
        let last = journal.run("log", "symptom", "rash", "1", "--note", "after the kills")
        #expect(last.status == 0, "\(last.stderr)")
        figures.staleTemps += journal.fileNames.filter { $0.contains(".jsonl.tmp-") }.count
        #expect(journal.run("check").status == 0)

        print((deviceLogs ? "ON THIS MACHINE'S LOG, " : "") + figures.description)
        #expect(figures.kills >= target, "only \(figures.kills) of \(target) writers could be killed")
        #expect(figures.corrupt == 0)
        #expect(figures.lost == 0)
        #expect(figures.staleTemps == 0)
        #expect(figures.unexpectedExits == 0)
        #expect(figures.acknowledged > 0, "no writer ever finished: the kills tested nothing after a save")
    }
}
