import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal check`: reads the journal and says whether it is sound. Changes nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the journal file for damage, without changing anything.",
        discussion: """
            Reads every line and reports either OK or each line that cannot be read. \
            Exit code 0 when the journal is sound, 1 when it is damaged or cannot be checked. \
            To repair a damaged journal, see `isojournal repair`.
            """
    )

    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            if let directory = location.severalMachinesFolder {
                let checked = DeviceLogsCheck.report(directory: directory, key: try location.unlockKey(in: directory))
                checked.lines.forEach(say)
                if !checked.isSound { throw ExitCode(1) }
                return
            }
            let finding = try location.check()
            for line in JournalFindingText.report(finding) { say(line) }
            if !finding.isSound {
                if finding.state == .examined && !(finding.examination?.isNewerVersion ?? false) {
                    say("Nothing has been changed. Run `isojournal repair` to see how IsoJournal can repair it, keeping the original.")
                }
                throw ExitCode(1)
            }
        }
    }
}

/// `isojournal repair`: explains, then (with --yes) repairs a damaged journal, keeping the original.
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Repair a damaged journal, keeping the damaged file. Explains first; repairs only with --yes.",
        discussion: """
            Without --yes nothing is changed: it says exactly what a repair would do. With --yes it \
            keeps the damaged journal unchanged as journal.jsonl.damaged-<time>, then writes a new \
            journal.jsonl with the header and every line that still reads, in their order. \
            Exit code 0 when the journal is sound (or was repaired), 1 otherwise.
            """
    )

    @Flag(help: "Do the repair described (otherwise only explain it).")
    var yes = false

    @OptionGroup var location: DataDirectoryOption

    func run() throws {
        try reportingFailures {
            if location.severalMachinesFolder != nil {
                throw CommandFailure.runtime("repair works on a one-file journal. In a journal kept on several machines each log is "
                                             + "only written by its own machine: run `isojournal check` there; a damaged copy of "
                                             + "another machine's log is replaced by the sync tool from that machine.")
            }
            let finding = try location.check()
            guard let examination = finding.examination, finding.state == .examined else {
                for line in JournalFindingText.report(finding) { say(line) }
                if finding.isSound {
                    say("Nothing to repair.")
                    return
                }
                throw CommandFailure.runtime("\(finding.journalPath) is not a file, so it cannot be repaired: "
                                             + "move it away, then IsoJournal starts a new journal.")
            }
            if examination.isNewerVersion {
                for line in JournalFindingText.report(finding) { say(line) }
                throw CommandFailure.runtime("A journal from a newer version of IsoJournal is never repaired or changed. "
                                             + "Update IsoJournal to open it.")
            }
            if examination.isSound && examination.unfinishedBytes == 0 {
                for line in JournalFindingText.report(finding) { say(line) }
                say("Nothing to repair.")
                return
            }
            guard yes else {
                for line in JournalFindingText.report(finding) { say(line) }
                say("")
                for line in JournalFindingText.plan(finding, examination) { say(line) }
                say("Nothing has been changed. To do this, run: isojournal repair --yes"
                    + (location.dataDirectory.map { " --data-dir '\($0)'" } ?? ""))
                throw ExitCode(1)
            }
            let outcome: JournalRepair.Outcome
            do throws(JournalRepair.Failure) {
                outcome = try JournalRepair.repair(directory: finding.directory)
            } catch {
                throw CommandFailure.runtime(error.message)
            }
            if let copy = outcome.keptCopy {
                say("Repaired \(finding.journalPath).")
                say("The damaged file is kept, unchanged, as \(copy).")
                say("The new journal has the header and \(outcome.keptLines) line\(outcome.keptLines == 1 ? "" : "s") that still read.")
                if !outcome.leftOut.isEmpty || outcome.unfinishedBytesLeftOut > 0 {
                    say("Left out (still in the kept copy): " + JournalFindingText.leftOutSummary(outcome.leftOut, unfinished: outcome.unfinishedBytesLeftOut) + ".")
                }
            }
            for notice in outcome.notices { say(notice) }
        }
    }
}

extension DataDirectoryOption {
    /// The data folder, when it holds a journal kept on several machines.
    var severalMachinesFolder: String? {
        guard let directory = try? DataDirectory.resolve(explicit: dataDirectory, environment: ProcessInfo.processInfo.environment),
              JournalStore.isKeptOnSeveralMachines(directory: directory) else { return nil }
        return directory
    }

    func check() throws(CommandFailure) -> JournalRepair.Finding {
        do {
            let directory = try DataDirectory.resolve(explicit: dataDirectory, environment: ProcessInfo.processInfo.environment)
            return try JournalRepair.check(directory: directory)
        } catch {
            throw CommandFailure.runtime(error.message)
        }
    }
}

/// The words `check` and `repair` print.
enum JournalFindingText {
    /// At most this many damaged lines are listed one by one.
    static let listedLines = 20

    static func report(_ finding: JournalRepair.Finding) -> [String] {
        var out: [String] = []
        switch finding.state {
        case .missing:
            out.append("There is no journal yet at \(finding.journalPath) (it is created by the first entry).")
        case .notAFile:
            out.append("DAMAGED: \(finding.journalPath) should be your journal file, but something else (such as a folder or a named pipe) is there.")
        case .examined:
            guard let examination = finding.examination else { break }
            let version = examination.header?.schemaVersion
            if examination.isNewerVersion {
                out.append("CANNOT CHECK: \(finding.journalPath) was written by a newer version of IsoJournal "
                           + "(format version \(version ?? 0); this one knows \(JournalHeader.currentSchemaVersion)). "
                           + "It has not been changed. Update IsoJournal to check it.")
            } else if examination.isSound {
                let records = examination.journal.currentRecordCount
                out.append("OK: \(finding.journalPath) reads completely: format version \(version ?? 0), "
                           + "\(examination.completeLines) line\(examination.completeLines == 1 ? "" : "s") "
                           + "(the header and \(examination.readableEntryLines) revision\(examination.readableEntryLines == 1 ? "" : "s")), "
                           + "\(records) record\(records == 1 ? "" : "s").")
            } else {
                let bad = examination.badLines.count
                out.append("DAMAGED: \(finding.journalPath): \(bad) of \(max(examination.completeLines, 1)) "
                           + "line\(examination.completeLines == 1 ? "" : "s") cannot be read.")
                for line in examination.badLines.prefix(listedLines) {
                    out.append("  line \(line.line): \(line.detail)")
                }
                if bad > listedLines { out.append("  … and \(bad - listedLines) more.") }
            }
            if !examination.isNewerVersion {
                out += auditLines(examination.audit, now: Date(), timeZone: .current)
            }
            if examination.unfinishedBytes > 0 && !examination.isNewerVersion {
                out.append("The last \(examination.unfinishedBytes) byte\(examination.unfinishedBytes == 1 ? " is" : "s are") "
                           + "an unfinished line (a save cut off by a crash, or one in progress). The next time IsoJournal "
                           + "opens the journal for writing, it moves them to a journal.torn-… file.")
            }
        }
        return out + finding.remarks
    }

    /// Oddities in lines that read: not damage (nothing is refused or repaired), but worth a look.
    static func auditLines(_ audit: JournalAudit, now: Date, timeZone: TimeZone) -> [String] {
        let remarks = audit.remarks + audit.future(now: now, timeZone: timeZone)
        guard !remarks.isEmpty else { return [] }
        var out = ["WORTH A LOOK: \(remarks.count) line\(remarks.count == 1 ? " reads" : "s read") but \(remarks.count == 1 ? "is" : "are") odd:"]
        for remark in remarks.sorted(by: { $0.line < $1.line }).prefix(listedLines) {
            out.append("  line \(remark.line): \(remark.text)")
        }
        if remarks.count > listedLines { out.append("  … and \(remarks.count - listedLines) more.") }
        return out
    }

    static func plan(_ finding: JournalRepair.Finding, _ examination: JournalExamination) -> [String] {
        if examination.isSound {
            return ["`isojournal repair --yes` will move the unfinished end (\(examination.unfinishedBytes) bytes) to a "
                    + "journal.torn-<time> file in \(finding.directory) and cut the journal after its last complete line, "
                    + "as IsoJournal does whenever it opens the journal for writing. Every complete line stays as it is."]
        }
        let header = examination.header == nil
            ? "a new header (line 1 cannot be read)" : "the header"
        var out = [
            "`isojournal repair --yes` will:",
            "  1. keep the damaged file exactly as it is, as \(finding.directory)/journal.jsonl.damaged-<time>;",
            "  2. write a new \(finding.journalPath) with \(header) and the \(examination.readableEntryLines) "
                + "line\(examination.readableEntryLines == 1 ? "" : "s") that still read, unchanged and in their order;",
            "  3. leave out " + leftOutSummary(examination.badLines.filter { $0.line > 1 || examination.header == nil },
                                             unfinished: examination.unfinishedBytes)
                + " — they stay in the kept copy.",
        ]
        if examination.journal.currentRecordCount > 0 {
            out.append("Your journal will then show \(examination.journal.currentRecordCount) record"
                       + "\(examination.journal.currentRecordCount == 1 ? "" : "s").")
        }
        return out
    }

    static func leftOutSummary(_ lines: [JournalExamination.BadLine], unfinished: Int) -> String {
        var parts: [String] = []
        if !lines.isEmpty {
            let numbers = lines.prefix(listedLines).map { String($0.line) }.joined(separator: ", ")
            parts.append((lines.count == 1 ? "line " : "lines ") + numbers + (lines.count > listedLines ? " and \(lines.count - listedLines) more" : ""))
        }
        if unfinished > 0 { parts.append("the unfinished end (\(unfinished) byte\(unfinished == 1 ? "" : "s"))") }
        return parts.isEmpty ? "nothing" : parts.joined(separator: " and ")
    }
}
