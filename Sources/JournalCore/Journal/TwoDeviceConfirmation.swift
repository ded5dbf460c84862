import Foundation

/// Settling a record changed on two machines while they were apart: a new revision that
/// repeats the chosen version, written with every version in view (so it is "seen" by the
/// merge rule and the mark goes). Both versions stay in the history. The same action serves
/// the History screen and `isojournal sync confirm`.
public enum TwoDeviceConfirmation {
    public struct Decision: Equatable, Sendable {
        public var change: JournalChange
        /// The device whose version stands, in words ("laptop", "device 3f9a…").
        public var from: String
    }

    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public static let reason = "confirmed after a change on two devices"

    /// `device`: a device id or name whose version to keep; nil keeps the version shown.
    public static func change(for id: EntryID, choosing device: String? = nil, in journal: Journal) throws(Refusal) -> Decision {
        guard journal.latestRevision(of: id) != nil else { throw Refusal(description: "There is no record \(id).") }
        guard journal.isChangedOnTwoDevices(id) else {
            throw Refusal(description: "Record \(id) was not changed on two devices: there is nothing to confirm.")
        }
        let versions = journal.competingVersions(of: id)
        let chosen: Entry
        if let device {
            let names = journal.deviceNames
            guard let found = versions.first(where: { $0.origin?.device == device || names[$0.origin?.device ?? ""] == device }) else {
                let offered = versions.map { journal.deviceLabel($0.origin?.device) }.joined(separator: ", ")
                throw Refusal(description: "No version of \(id) came from \(device); the versions are from: \(offered).")
            }
            chosen = found
        } else {
            chosen = versions[0]
        }
        let change: JournalChange
        if let body = chosen.body {
            change = .put(id: id, day: chosen.day, occurredAt: chosen.occurredAt, occurredOffsetSeconds: chosen.occurredOffsetSeconds,
                          body: body, reason: reason)
        } else {
            change = .retract(id: id, day: chosen.day, reason: reason)
        }
        return Decision(change: change, from: journal.deviceLabel(chosen.origin?.device))
    }
}
