import Foundation

/// The name a person gave one machine that writes to the journal ("laptop", "Mum's phone"),
/// shown instead of its device id wherever devices are listed. One record per device, id
/// `device-<device id>`; naming it again is a new revision.
public struct DeviceName: Equatable, Codable, Sendable {
    /// The device id the name is for (see `EntryOrigin.device`).
    public var device: String
    public var name: String

    public init(device: String, name: String) {
        self.device = device
        self.name = name
    }

    public static func entryID(device: String) -> EntryID { EntryID("device-\(device)") }
}

extension Journal {
    /// Device id -> the name given to it, for every named device.
    public var deviceNames: [String: String] {
        var names: [String: String] = [:]
        for entry in currentEntries(of: .deviceName) {
            if case .deviceName(let named)? = entry.body { names[named.device] = named.name }
        }
        return names
    }

    /// The name to show for a device: its given name, else "device <id>".
    public func deviceLabel(_ device: String?) -> String {
        guard let device, !device.isEmpty else { return "before devices" }
        return deviceNames[device] ?? "device \(device)"
    }
}
