import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import JournalCore
import JournalStore
import JournalUI

/// `isojournal bench …`: for maintainers, not listed in `--help`. Makes synthetic journals and
/// measures what happens inside one process. `scripts/benchmark.sh` adds the whole-process
/// measurements (first screen in a pseudo-terminal, `log`, `remind`, `status`) and prints the table.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Maintainer tools: synthetic journals and in-process timings.",
        shouldDisplay: false,
        subcommands: [BenchGenerateCommand.self, BenchInProcessCommand.self]
    )
}

struct BenchGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic journal (made-up data) into an empty data folder; its last day is today."
    )

    @Option(help: "How many entries (lines after the header).") var entries: Int = 3650
    @Option(help: "Random seed: the same seed gives the same journal.") var seed: UInt64 = 1
    @Option(name: .customLong("data-dir"), help: "The folder to create the journal in.") var dataDirectory: String

    func run() throws {
        try reportingFailures {
            let journalPath = dataDirectory + "/journal.jsonl"
            if FileManager.default.fileExists(atPath: journalPath) {
                throw CommandFailure.badInput("\(journalPath) already exists; give an empty folder.")
            }
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            let today = Timestamp.localDate(of: Date(), in: .current)
            let generated = SyntheticJournal.entries(count: entries, seed: seed, endingOn: today)
            let first = generated.first?.recordedAt ?? Date()
            var bytes = JournalHeader(createdAt: first).encodeLine()
            var kinds: [EntryID: String] = [:]
            for entry in generated {
                bytes += EntryCodec.encodeLine(entry, retractedKind: entry.body == nil ? kinds[entry.id] : nil)
                if let body = entry.body { kinds[entry.id] = body.kindName }
            }
            try PrivateFile.write(Data(bytes), to: journalPath)
            say("Wrote \(generated.count) entries (\(bytes.count) bytes), \(generated.first?.day.iso ?? "-") to \(today.iso), to \(journalPath)")
        }
    }
}

struct BenchInProcessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inprocess",
        abstract: "Time loading and key presses on the busiest screens, in this process."
    )

    @Option(help: "How many times to repeat each measurement.") var repetitions: Int = 20
    @Flag(help: "Print JSON (for scripts/benchmark.py).") var json = false
    @Option(name: .customLong("data-dir"), help: "The data folder with the journal to measure.") var dataDirectory: String

    func run() throws {
        try reportingFailures {
            let repeats = max(1, repetitions)
            var results: [(name: String, samples: [Double])] = []

            var store: JournalStore?
            let load = try InProcessTimer.samples(repeats) {
                store = try JournalStore(directory: dataDirectory, mode: .readOnly)
            }
            results.append(("load (open store, decode every line)", load))
            guard let journal = store?.journal else { return }
            let loadHWM = InProcessTimer.peakResidentKilobytes()
            // The fast path: the working set from journal.cache (whole when there is none or it is stale).
            var workingSet: Journal?
            results.append(("load the working set (journal.cache)", try InProcessTimer.samples(repeats) {
                workingSet = try JournalStore(directory: dataDirectory, mode: .readOnly, scope: .workingSet).journal
            }))
            if let workingSet {
                if !json { say("working set: \(workingSet.isWhole ? "none (no usable journal.cache): whole journal" : "\(workingSet.revisions.count) revisions")") }
                results.append(("first Today view from the working set", InProcessTimer.samples(repeats) {
                    _ = AppState(journal: workingSet, now: Date(), timeZone: .current, width: 80, height: 24).view()
                }))
            }

            // The line reader alone: every line after the header, fast reader vs Foundation's.
            let text = try Data(contentsOf: URL(fileURLWithPath: dataDirectory + "/journal.jsonl"))
            let lines = text.split(separator: 0x0A).dropFirst().map { Data($0) }
            results.append(("decode every line: fast reader", try InProcessTimer.samples(max(1, repeats / 4)) {
                for line in lines { _ = try EntryCodec.decodeLine(line) }
            }))
            results.append(("decode every line: Foundation JSONDecoder", try InProcessTimer.samples(max(1, repeats / 4)) {
                for line in lines { _ = try EntryCodec.decodeLineWithFoundation(line) }
            }))
            results.append(("replay every entry into a Journal", InProcessTimer.samples(max(1, repeats / 4)) {
                _ = Journal(revisions: journal.revisions)
            }))

            let now = Date()
            let base = AppState(journal: journal, now: now, timeZone: .current, width: 80, height: 24)
            results.append(("first Today view (AppState + view)", InProcessTimer.samples(repeats) {
                let state = AppState(journal: journal, now: now, timeZone: .current, width: 80, height: 24)
                _ = state.view()
            }))
            let screens: [(String, [Key], Key)] = [
                ("key on Today (↓)", [], .down),
                ("key opening Labs (b)", [], .character("b")),
                ("key on Labs list (↓)", [.character("b")], .down),
                ("key on Labs trends (→)", [.character("b"), .character("t")], .right),
                ("key opening Checklist (k)", [], .character("k")),
                ("key on Checklist (↓)", [.character("k")], .down),
                ("key on Doses (↓)", [.character("d")], .down),
                ("key opening History (h)", [], .character("h")),
                ("key on History (↓)", [.character("h")], .down),
                ("key on History (page down)", [.character("h")], .pageDown),
            ]
            for (name, path, key) in screens {
                var prepared = base
                for step in path { _ = prepared.update(.key(step)) }
                let start = prepared
                results.append((name + " update+view", InProcessTimer.samples(repeats) {
                    var state = start
                    _ = state.update(.key(key))
                    _ = state.view()
                }))
            }
            // Reports: a visit summary of the last 90 days, and the whole journal as CSV and JSON.
            let today = Timestamp.localDate(of: now, in: .current)
            let recent = ReportRange(from: today.adding(days: -89), to: today)
            let everything = ReportRange(from: journal.revisions.map(\.day).min() ?? today, to: today)
            for (format, range, label) in [(ReportCommand.Format.md, recent, "last 90 days"), (.html, recent, "last 90 days"),
                                           (.csv, everything, "whole journal"), (.json, everything, "whole journal")] {
                results.append(("report --format \(format.rawValue), \(label)", InProcessTimer.samples(max(1, repeats / 4)) {
                    _ = ReportCommand.text(format, journal: journal, range: range, now: now, timeZone: .current)
                }))
            }
            let peak = InProcessTimer.peakResidentKilobytes()
            if json {
                var rows: [[String: Any]] = results.map { ["name": $0.name, "ms": $0.samples] }
                rows.append(["name": "peak RSS after load (VmHWM)", "kb": loadHWM])
                rows.append(["name": "peak RSS after screens (VmHWM)", "kb": peak])
                let data = try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys])
                say(String(decoding: data, as: UTF8.self))
            } else {
                say("entries: \(journal.revisions.count), repetitions: \(repeats)")
                for (name, samples) in results {
                    let sorted = samples.sorted()
                    say(name.padding(toLength: 48, withPad: " ", startingAt: 0)
                        + String(format: " median %8.3f ms  (min %.3f – max %.3f)", sorted[sorted.count / 2], sorted.first!, sorted.last!))
                }
                say("peak RSS: \(loadHWM / 1024) MB after load, \(peak / 1024) MB after screens (VmHWM)")
            }
        }
    }
}

enum InProcessTimer {
    static func nowNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Milliseconds of each of `count` runs of `body`.
    static func samples(_ count: Int, _ body: () throws -> Void) rethrows -> [Double] {
        var result: [Double] = []
        for _ in 0..<count {
            let start = nowNanoseconds()
            try body()
            result.append(Double(nowNanoseconds() - start) / 1_000_000)
        }
        return result
    }

    /// VmHWM from /proc/self/status, in kB (0 where there is no /proc).
    static func peakResidentKilobytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(whereSeparator: \.isWhitespace).dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}
