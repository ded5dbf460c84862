import Foundation

extension DeviceName: RecordPayload {
    public static var kind: EntryKind { .deviceName }
    public static var group: RecordGroup { .course }
    public var body: EntryBody { .deviceName(self) }

    public func line(_ entry: Entry, timeZone: TimeZone) -> String {
        "Device \(device) named \u{201C}\(name)\u{201D}"
    }

    public var notes: [String] { [] }
    public var subject: String { "Device name" }
    public func alert(_ entry: Entry, context: RecordContext) -> RecordAlert? { nil }

    public func csvFields(_ entry: Entry, context: RecordContext) -> CSVFields {
        CSVFields(name: Self.kind.rawValue, detail: line(entry, timeZone: context.timeZone))
    }

    public var implausibility: String? {
        if device.isEmpty || device.count > 64 { return "its device id is not one IsoJournal makes" }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { return "the device name is empty" }
        if name.count > 80 { return "the device name is longer than 80 characters" }
        return nil
    }

    public var instants: [(instant: Date, what: String)] { [] }
}
