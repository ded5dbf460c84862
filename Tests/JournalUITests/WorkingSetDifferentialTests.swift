import Foundation
import Testing
@testable import JournalCore
@testable import JournalUI

/// The fast path against a full replay: for generated journals split at a random moment, a
/// working set made at the split and fed everything written after it must give the same
/// Today screen, reminders, course numbers and marks as the whole journal, at every moment it
/// is usable — or say it is broken (then the store reads the whole journal).
@Suite struct WorkingSetDifferentialTests {
    struct Outcome { var compared = 0; var broken = 0 }

    static func compare(seed: UInt64, count: Int) -> (Outcome, [String]) {
        var maker = WorkingSetJournals(seed: seed)
        let end = LocalDate(iso: "2026-11-20")!
        maker.history(count: count, end: end)
        let zone = maker.zone
        // Made somewhere in the last 25 days of the writing (a working set serves 30 days at most).
        let lastWrite = maker.entries.map(\.recordedAt).max()!
        let built = lastWrite.addingTimeInterval(-Double(maker.random.below(25 * 86_400)))
        var whole = Journal()
        var index = 0
        while index < maker.entries.count, maker.entries[index].recordedAt <= built {
            whole.apply(maker.entries[index])
            index += 1
        }
        var fast = WorkingSet.journal(from: whole, now: built, zone: zone)
        // Sometimes the cache is made again from the working set itself, later (folded forward).
        let refoldAt = maker.random.chance(40) ? index + Int(maker.random.below(max(1, maker.entries.count - index))) : -1
        var lastWritten = built
        while index < maker.entries.count {
            if index == refoldAt, fast.window?.isBroken == false {
                fast = WorkingSet.journal(from: fast, now: maker.entries[index].recordedAt, zone: zone)
            }
            whole.apply(maker.entries[index])
            fast.apply(maker.entries[index])
            lastWritten = max(lastWritten, maker.entries[index].recordedAt)
            index += 1
        }
        let afterHistory = maker.entries.count
        let today = Timestamp.localDate(of: lastWritten, in: zone)
        maker.laterWriting(from: lastWritten, today: today, courseMonth: WorkingSet.currentCourseMonth(whole, today: today),
                           count: Int(maker.random.below(40)))
        for entry in maker.entries[afterHistory...] {
            whole.apply(entry)
            fast.apply(entry)
            lastWritten = max(lastWritten, entry.recordedAt)
        }
        var outcome = Outcome()
        var problems: [String] = []
        guard let window = fast.window, !window.isBroken else {
            outcome.broken += 1
            return (outcome, [])
        }
        for hours: Double in [0.1, 2, 9, 26, 221, 840] {
            let now = lastWritten.addingTimeInterval(hours * 3600)
            guard window.isUsable(now: now, zone: zone) else { continue }
            outcome.compared += 1
            problems += differences(whole: whole, fast: fast, now: now, zone: zone).map { "seed \(seed), +\(hours) h: \($0)" }
        }
        return (outcome, problems)
    }

    static func differences(whole: Journal, fast: Journal, now: Date, zone: TimeZone) -> [String] {
        var found: [String] = []
        func check<T: Equatable>(_ what: String, _ a: T, _ b: T) {
            if a != b { found.append("\(what) differs:\n  whole: \(a)\n  fast:  \(b)") }
        }
        let today = Timestamp.localDate(of: now, in: zone)
        check("reminders", whole.reminders(now: now, timeZone: zone, horizon: 48 * 3600), fast.reminders(now: now, timeZone: zone, horizon: 48 * 3600))
        check("courses", whole.courses, fast.courses)
        for course in whole.courses {
            // mg/kg sums are added in another order (the whole journal's own order is a
            // dictionary's): equal to a few parts in 10^12, far below any number shown.
            check("progress of course \(course.number)",
                  whole.courseRecords(number: course.number).map { Self.rounded(CourseProgress(records: $0, now: now, timeZone: zone)) },
                  fast.courseRecords(number: course.number).map { Self.rounded(CourseProgress(records: $0, now: now, timeZone: zone)) })
        }
        // Today's panel sums the older days once per journal: the same numbers as summing them all.
        check("Today's course numbers", whole.courseRecords.map { Self.rounded(CourseProgress(records: $0, now: now, timeZone: zone)) },
              whole.courseProgress(now: now, timeZone: zone).map(Self.rounded))
        check("state", whole.courseRecords?.state(at: now, zone: zone), fast.courseRecords?.state(at: now, zone: zone))
        check("future", FutureDating(now: now, timeZone: zone).currentRecords(in: whole).map(\.id),
              FutureDating(now: now, timeZone: zone).currentRecords(in: fast).map(\.id))
        check("two devices", whole.recordsChangedOnTwoDevices, fast.recordsChangedOnTwoDevices)
        check("unacted labs", UnactedLabFlags.results(in: whole, asOf: today).map(\.id), UnactedLabFlags.results(in: fast, asOf: today).map(\.id))
        check("stop events", whole.stopEvents(), fast.stopEvents())
        for (width, height) in [(80, 24), (120, 50)] {
            for readOnly in [nil, "it was opened in viewing mode"] {
                let a = AppState(journal: whole, now: now, timeZone: zone, width: width, height: height, readOnlyReason: readOnly).view().text
                let b = AppState(journal: fast, now: now, timeZone: zone, width: width, height: height, readOnlyReason: readOnly).view().text
                if a != b {
                    let pairs = zip(a.split(separator: "\n", omittingEmptySubsequences: false), b.split(separator: "\n", omittingEmptySubsequences: false))
                    let lines = pairs.filter { $0.0 != $0.1 }.map { "  whole: \($0.0)\n  fast:  \($0.1)" }
                    found.append("Today \(width)x\(height)\(readOnly == nil ? "" : " viewing") differs:\n" + lines.joined(separator: "\n"))
                }
            }
        }
        return found
    }

    static func rounded(_ progress: CourseProgress) -> CourseProgress {
        var copy = progress
        func round(_ value: Double) -> Double { (value * 1e9).rounded() / 1e9 }
        copy.cumulativeMilligrams = round(copy.cumulativeMilligrams)
        copy.cumulativeMgPerKg = round(copy.cumulativeMgPerKg)
        copy.recentDailyMgPerKg = copy.recentDailyMgPerKg.map(round)
        return copy
    }

    @Test(arguments: Array(UInt64(1)...24))
    func fastPathEqualsFullReplay(seed: UInt64) {
        let count = [600, 3_000, 9_000][Int(seed % 3)]
        let (_, problems) = Self.compare(seed: seed, count: count)
        #expect(problems.isEmpty, "\(problems.prefix(3).joined(separator: "\n"))")
    }

    /// Over many seeds, most working sets survive later writing and are compared (a test that
    /// only ever fell back would prove nothing).
    @Test func mostWorkingSetsAreCompared() {
        var total = Outcome()
        // ISOJOURNAL_DIFFERENTIAL_SEEDS=500 runs a longer search by hand.
        let seeds = Int(ProcessInfo.processInfo.environment["ISOJOURNAL_DIFFERENTIAL_SEEDS"] ?? "") ?? 16
        for seed in UInt64(100)..<UInt64(100 + seeds) {
            let (outcome, problems) = Self.compare(seed: seed, count: 1_500)
            #expect(problems.isEmpty, "\(problems.prefix(2).joined(separator: "\n"))")
            total.compared += outcome.compared
            total.broken += outcome.broken
        }
        print("WORKING SET DIFFERENTIAL: \(seeds) journals, \(total.compared) moments compared, "
              + "\(total.broken) working sets fell back to the whole journal")
        #expect(total.compared >= 20, "compared \(total.compared), broken \(total.broken)")
    }
}
