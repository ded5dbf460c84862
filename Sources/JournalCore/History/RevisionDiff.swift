import Foundation

/// What changed between two revisions of one record, field by field, in plain words:
/// "grade: 1 → 2", "note: added “cracked”", "withdrawn: logged by mistake".
public enum RevisionDiff {
    public struct Revision: Equatable, Sendable {
        public let entry: Entry
        /// One line per change; for the first revision, what was recorded.
        public let changes: [String]
    }

    /// Every revision of a record, oldest first, each with what it changed.
    public static func history(of id: EntryID, in journal: Journal, timeZone: TimeZone) -> [Revision] {
        var previous: Entry?
        return journal.history(of: id).map { entry in
            defer { previous = entry }
            return Revision(entry: entry, changes: changes(from: previous, to: entry, timeZone: timeZone))
        }
    }

    public static func changes(from old: Entry?, to new: Entry, timeZone: TimeZone) -> [String] {
        guard let old else {
            return ["recorded: " + EntryDescription.line(new, timeZone: timeZone)] + (new.reason.map { ["reason: \($0)"] } ?? [])
        }
        if new.isRetraction { return ["withdrawn" + (new.reason.map { ": \($0)" } ?? "")] }
        if old.isRetraction { return ["recorded again: " + EntryDescription.line(new, timeZone: timeZone)] }
        var lines: [String] = []
        if old.day != new.day { lines.append("day: \(old.day.iso) → \(new.day.iso)") }
        if old.occurredAt != new.occurredAt {
            lines.append("time: \(time(old, timeZone)) → \(time(new, timeZone))")
        }
        let before = fields(old.body)
        let after = fields(new.body)
        for (name, value) in after where before[name] != value {
            lines.append(change(name, before[name], value))
        }
        for (name, value) in before where after[name] == nil {
            lines.append(change(name, value, nil))
        }
        if let reason = new.reason, reason != old.reason { lines.append("reason: \(reason)") }
        return lines.isEmpty ? ["saved again, nothing changed"] : lines
    }

    private static func change(_ name: String, _ old: String?, _ new: String?) -> String {
        switch (old, new) {
        case (nil, let new?): return "\(name): added \(new)"
        case (let old?, nil): return "\(name): removed (was \(old))"
        case (let old?, let new?): return "\(name): \(old) → \(new)"
        default: return name
        }
    }

    private static func time(_ entry: Entry, _ zone: TimeZone) -> String {
        entry.occurredAt.map { Timestamp.offsetText($0, in: zone) } ?? "none"
    }

    /// The payload's stored properties as text, in declaration order, via reflection: every
    /// kind gets a field-level diff without a hand-written list per kind. Optionals that are
    /// nil are left out (absent, as on disk).
    static func fields(_ body: EntryBody?) -> [(String, String)] {
        guard let body else { return [] }
        let payload = Mirror(reflecting: body).children.first?.value
        guard let payload else { return [] }
        return Mirror(reflecting: payload).children.compactMap { child in
            guard let label = child.label, let text = render(child.value) else { return nil }
            return (label, text)
        }
    }

    private static func render(_ value: Any) -> String? {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return nil }
            return render(wrapped)
        }
        switch value {
        case let text as String: return "\"\(text)\""
        case let date as Date: return Timestamp.utcText(date)
        case let day as LocalDate: return day.iso
        case let number as Double: return MilligramText.format(number)
        case let flag as Bool: return flag ? "yes" : "no"
        default:
            if let raw = value as? any RawRepresentable { return "\(raw.rawValue)" }
            return "\(value)"
        }
    }
}

extension Array where Element == (String, String) {
    fileprivate subscript(name: String) -> String? { first { $0.0 == name }?.1 }
}
