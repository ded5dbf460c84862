import Foundation
import Glibc

/// This machine, as the journal knows it: its device id and whether it only ever reads.
///
/// Kept outside the data folder, in `$XDG_STATE_HOME/isojournal/device.json`, because
/// everything in the data folder travels to the other machines through the sync tool, and
/// two machines with one id would write one log from two places. One line of JSON, 0600:
/// `{"device":"3f9a0c12b7e4","readOnly":false}`.
public struct LocalDevice: Equatable, Sendable {
    public var id: String
    /// A caregiver's machine: the journal is only ever opened for viewing here, and this
    /// machine never writes a log of its own.
    public var readOnly: Bool

    public init(id: String, readOnly: Bool = false) {
        self.id = id
        self.readOnly = readOnly
    }

    /// `$XDG_STATE_HOME/isojournal`, else `$HOME/.local/state/isojournal`, else the account's
    /// home folder's; `ISOJOURNAL_STATE_DIR` overrides (tests, and several people on one account).
    public static func stateFolder(environment: [String: String]) -> String? {
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        if let chosen = value("ISOJOURNAL_STATE_DIR") { return DataDirectory(path: chosen).path }
        if let xdg = value("XDG_STATE_HOME"), xdg.hasPrefix("/") { return DataDirectory(path: xdg).file("isojournal") }
        if let home = value("HOME") ?? DataDirectory.accountHome() { return DataDirectory(path: home).file(".local/state/isojournal") }
        return nil
    }

    /// The device file in `folder`, or nil when there is none yet.
    public static func load(folder: String) throws(StoreError) -> LocalDevice? {
        let path = DataDirectory(path: folder).file(fileName)
        guard let data = FileManager.default.contents(atPath: path) else {
            if access(path, F_OK) == 0 { throw .cannotUseDevice(path: path, detail: "it could not be read") }
            return nil
        }
        guard let fields = try? JSONDecoder().decode(Fields.self, from: data), DeviceID.isWellFormed(fields.device) else {
            throw .cannotUseDevice(path: path, detail: "it is not a device file IsoJournal wrote")
        }
        return LocalDevice(id: fields.device, readOnly: fields.readOnly ?? false)
    }

    /// This machine's device, made (with a new id) the first time it is asked for.
    public static func loadOrCreate(folder: String) throws(StoreError) -> LocalDevice {
        if let device = try load(folder: folder) { return device }
        let device = LocalDevice(id: DeviceID.make())
        try device.save(folder: folder)
        return device
    }

    /// Writes the device file (0600, folder 0700) atomically (see `Disk.replaceWhole`).
    public func save(folder: String) throws(StoreError) {
        let path = DataDirectory(path: folder).file(Self.fileName)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotUseDevice(path: path, detail: "its folder could not be made")
        }
        var json = JSONText()
        json.add("device", string: id)
        json.add("readOnly", bool: readOnly)
        do {
            try Disk.replaceWhole(json.line(), at: path, folder: folder)
        } catch {
            throw .cannotUseDevice(path: path, detail: error.cause?.plainWords ?? error.message)
        }
    }

    static let fileName = "device.json"

    private struct Fields: Decodable {
        var device: String
        var readOnly: Bool?
    }
}
