import Foundation
import JournalCore
import JournalStore

/// What `isojournal sync status` prints, as text lines or JSON.
struct SyncStatusReport {
    let overview: SyncOverview
    let journal: Journal
    let thisMachine: LocalDevice?
    let now: Date

    /// Devices whose clock disagrees with another's: a revision written after seeing every
    /// earlier one, yet stamped more than five minutes before one of them.
    var clockSkews: [(behind: String, ahead: String, minutes: Int)] {
        var worst: [String: (ahead: String, seconds: Double)] = [:]
        var byRecord: [EntryID: [Entry]] = [:]
        for entry in journal.revisions {
            let earlier = byRecord[entry.id, default: []]
            if let origin = entry.origin, origin.knownRevisions >= earlier.count {
                for other in earlier {
                    guard let device = other.origin?.device, device != origin.device else { continue }
                    let gap = other.recordedAt.timeIntervalSince(entry.recordedAt)
                    if gap > 300, gap > (worst[origin.device]?.seconds ?? 0) { worst[origin.device] = (device, gap) }
                }
            }
            byRecord[entry.id, default: []].append(entry)
        }
        return worst.sorted { $0.key < $1.key }.map { ($0.key, $0.value.ahead, Int(($0.value.seconds / 60).rounded())) }
    }

    var lines: [String] {
        var out: [String] = ["This journal is kept as one log per machine."]
        for dose in TwoDeviceRecords.doubleDoses(in: journal, timeZone: .current) { out.append("! " + TerminalText.line(TwoDeviceRecords.text(dose))) }
        let names = journal.deviceNames
        for device in overview.devices {
            let label = ["device \(device.id)", names[device.id].map { "\u{201C}\(TerminalText.line($0))\u{201D}" },
                         device.id == thisMachine?.id ? "(this machine)" : nil].compactMap { $0 }.joined(separator: " ")
            let last = device.lastRecordedAt.map { "last entry " + Timestamp.utcText($0) } ?? "no entries of its own yet"
            out.append("  \(label): \(device.lines) line\(device.lines == 1 ? "" : "s"), \(last)")
            if let latest = device.lastRecordedAt, latest.timeIntervalSince(now) > 300 {
                out.append("    its last entry is stamped \(Int((latest.timeIntervalSince(now) / 60).rounded())) minutes in the future: "
                           + "its clock, or this machine's, is wrong")
            }
        }
        if let thisMachine, !overview.devices.contains(where: { $0.id == thisMachine.id }) {
            out.append("  This machine is device \(thisMachine.id)\(thisMachine.readOnly ? ", set to view only" : "") and has written nothing yet.")
        }
        for device in overview.sharedDeviceIDs {
            out.append("! Two machines seem to write as device \(device) (two different entries carry the same number): a copied home folder "
                       + "gives a second machine the first one's id. On one of them, remove ~/.local/state/isojournal/device.json "
                       + "(or $XDG_STATE_HOME/isojournal/device.json) so it makes a new id; nothing is lost, both logs' entries are read.")
        }
        if overview.linesFromBeforeDevices > 0 {
            out.append("  \(overview.linesFromBeforeDevices) line\(overview.linesFromBeforeDevices == 1 ? "" : "s") from before the journal was shared")
        }
        for skew in clockSkews {
            out.append("Clock skew noticed: device \(skew.behind) stamped an entry \(skew.minutes) minutes before one from device "
                       + "\(skew.ahead) that it had already seen. Check both machines' clocks; the order of entries is not affected.")
        }
        if overview.conflictCopies.isEmpty {
            out.append("Conflict copies: none.")
        } else {
            out.append("Conflict copies (their entries are already shown, each once; `isojournal sync tidy` folds them in and removes them):")
            for copy in overview.conflictCopies {
                out.append("  \(TerminalText.line(copy.file)) (\(copy.tool)): \(copy.linesOnlyHere) line\(copy.linesOnlyHere == 1 ? "" : "s") found only there")
            }
        }
        for (file, detail) in overview.unreadable {
            out.append("Unreadable: \(TerminalText.line(file)) stops at \(detail) (if the sync tool is still copying it, wait).")
        }
        let twice = journal.recordsChangedOnTwoDevices
        if twice.isEmpty {
            out.append("Records changed on two devices: none.")
        } else {
            out.append("Records changed on two devices (both versions kept; every machine shows the same one, the first listed, until you confirm one):")
            for id in twice {
                let versions = journal.competingVersions(of: id).map { version in
                    journal.deviceLabel(version.origin?.device) + ": " + (version.body.map { $0.payload?.line(version, timeZone: .current) ?? "" } ?? "withdrawn")
                }
                out.append("  \(TerminalText.line(id.rawValue)) — " + versions.map(TerminalText.line).joined(separator: " | "))
                out.append("    keep the shown one: isojournal sync confirm \(TerminalText.line(id.rawValue))")
            }
        }
        return out
    }

    var json: SyncStatusJSON {
        var result = SyncStatusJSON(keptOnSeveralMachines: true)
        let names = journal.deviceNames
        result.thisDevice = thisMachine?.id
        result.devices = overview.devices.map {
            .init(id: $0.id, name: names[$0.id], lines: $0.lines, lastRecordedAt: $0.lastRecordedAt.map(Timestamp.utcText),
                  thisMachine: $0.id == thisMachine?.id)
        }
        result.conflictCopies = overview.conflictCopies.map { .init(file: $0.file, tool: $0.tool, linesOnlyHere: $0.linesOnlyHere) }
        result.changedOnTwoDevices = journal.recordsChangedOnTwoDevices.map(\.rawValue)
        result.clockSkews = clockSkews.map { .init(behind: $0.behind, ahead: $0.ahead, minutes: $0.minutes) }
        result.unreadable = overview.unreadable.map(\.file)
        return result
    }
}

/// `isojournal sync status --json`.
struct SyncStatusJSON: Encodable {
    struct Device: Encodable { var id: String; var name: String?; var lines: Int; var lastRecordedAt: String?; var thisMachine: Bool }
    struct Copy: Encodable { var file: String; var tool: String; var linesOnlyHere: Int }
    struct Skew: Encodable { var behind: String; var ahead: String; var minutes: Int }
    var keptOnSeveralMachines: Bool
    var thisDevice: String?
    var devices: [Device] = []
    var conflictCopies: [Copy] = []
    var changedOnTwoDevices: [String] = []
    var clockSkews: [Skew] = []
    var unreadable: [String] = []
}
