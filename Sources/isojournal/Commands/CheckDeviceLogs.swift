import Foundation
import JournalCore
import JournalStore

/// `check` for a journal kept on several machines: every log and conflict copy line by line,
/// then what the merge found (conflict copies, records changed on two devices, double doses).
enum DeviceLogsCheck {
    /// The report lines and whether everything read.
    static func report(directory: String, key: DataKey?) -> (lines: [String], isSound: Bool) {
        var out: [String] = ["This journal is kept as one log per machine (format version 2)"
                             + (key == nil ? "." : ", encrypted (key \(key!.keyID)).")]
        var sound = true
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { LogFileName($0) != nil }.sorted()
        for name in names {
            let path = DataDirectory(path: directory).path + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                out.append("DAMAGED: \(TerminalText.line(path)) cannot be read.")
                sound = false
                continue
            }
            let examination = JournalExamination(key.map { FolderEncryption.openedLines(Array(data), key: $0) } ?? Array(data))
            let what = LogFileName(name)?.isConflictCopy == true ? " (a sync tool's conflict copy)" : ""
            if examination.isNewerVersion {
                out.append("CANNOT CHECK: \(TerminalText.line(path)) was written by a newer version of IsoJournal.")
                sound = false
            } else if examination.isSound {
                out.append("OK: \(TerminalText.line(path))\(what) reads completely: \(examination.readableEntryLines) "
                           + "revision\(examination.readableEntryLines == 1 ? "" : "s").")
            } else {
                sound = false
                out.append("DAMAGED: \(TerminalText.line(path))\(what): \(examination.badLines.count) line\(examination.badLines.count == 1 ? "" : "s") cannot be read "
                           + "(if a sync tool is still copying it, check again later).")
                for line in examination.badLines.prefix(JournalFindingText.listedLines) { out.append("  line \(line.line): \(line.detail)") }
            }
            if examination.unfinishedBytes > 0 {
                out.append("  It ends in \(examination.unfinishedBytes) byte\(examination.unfinishedBytes == 1 ? "" : "s") of an unfinished line "
                           + "(a save cut off, or a file still arriving).")
            }
        }
        if let store = try? JournalStore(directory: directory, mode: .readOnly, key: key), let overview = store.syncOverview {
            let journal = store.journal
            if !overview.conflictCopies.isEmpty {
                out.append("\(overview.conflictCopies.count) conflict cop\(overview.conflictCopies.count == 1 ? "y" : "ies") found; "
                           + "their entries are read once each. `isojournal sync tidy` folds them in and removes them.")
            }
            for dose in TwoDeviceRecords.doubleDoses(in: journal, timeZone: .current) { out.append("! " + TerminalText.line(TwoDeviceRecords.text(dose))) }
            let twice = journal.recordsChangedOnTwoDevices
            if !twice.isEmpty {
                out.append("\(twice.count) record\(twice.count == 1 ? " was" : "s were") changed on two devices (both versions kept): "
                           + twice.prefix(5).map { TerminalText.line($0.rawValue) }.joined(separator: ", ") + (twice.count > 5 ? ", …" : "")
                           + ". `isojournal sync status` shows the versions.")
            }
        }
        return (out, sound)
    }
}
