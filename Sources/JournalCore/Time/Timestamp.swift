import Foundation

/// Converting instants to the patient's local calendar and to the journal's text form.
///
/// The time zone is always a parameter: the core never asks the system what time or zone it is.
public enum Timestamp {
    /// The calendar day an instant falls on in `zone`.
    public static func localDate(of instant: Date, in zone: TimeZone) -> LocalDate {
        let local = Int(floor(instant.timeIntervalSince1970)) + zone.secondsFromGMT(for: instant)
        return LocalDate(daysSinceEpoch: floorDiv(local, 86_400))
    }

    /// Minutes after local midnight (0...1439) of an instant in `zone`.
    public static func minuteOfDay(of instant: Date, in zone: TimeZone) -> Int {
        let local = Int(floor(instant.timeIntervalSince1970)) + zone.secondsFromGMT(for: instant)
        return floorMod(local, 86_400) / 60
    }

    /// The instant of a local wall-clock time. In a daylight-saving gap the later offset is
    /// used (02:30 on a spring-forward day becomes 03:30); in an overlap, the earlier instant.
    public static func instant(of date: LocalDate, minuteOfDay: Int, in zone: TimeZone) -> Date {
        let wall = date.daysSinceEpoch * 86_400 + minuteOfDay * 60
        // Try the offsets in force around that wall time; keep the first that round-trips.
        let guesses = [wall - 86_400, wall, wall + 86_400].map {
            zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval($0)))
        }
        for offset in Set(guesses).sorted(by: >) {
            let candidate = Date(timeIntervalSince1970: TimeInterval(wall - offset))
            if zone.secondsFromGMT(for: candidate) == offset { return candidate }
        }
        let offset = guesses.min() ?? 0
        return Date(timeIntervalSince1970: TimeInterval(wall - offset))
    }

    /// "2026-11-26T22:10:05Z" — whole seconds, UTC. Used for when a record was written.
    public static func utcText(_ instant: Date) -> String {
        let seconds = Int(floor(instant.timeIntervalSince1970))
        let date = LocalDate(daysSinceEpoch: floorDiv(seconds, 86_400))
        return date.iso + "T" + clock(floorMod(seconds, 86_400)) + "Z"
    }

    /// "2026-11-26T08:05:00+01:00" — local wall time with its offset. Used for when a thing happened.
    public static func offsetText(_ instant: Date, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: instant)
        let local = Int(floor(instant.timeIntervalSince1970)) + offset
        let date = LocalDate(daysSinceEpoch: floorDiv(local, 86_400))
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset) / 60
        return date.iso + "T" + clock(floorMod(local, 86_400)) + sign + pad(magnitude / 60, 2) + ":" + pad(magnitude % 60, 2)
    }

    /// Parses "YYYY-MM-DDTHH:MM:SS" followed by "Z" or "+HH:MM"/"-HH:MM". Nil for anything else.
    public static func parse(_ text: some StringProtocol) -> Date? {
        let b = Array(text.utf8)
        guard b.count >= 20, b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let date = LocalDate(iso: String(decoding: b[0..<10], as: UTF8.self)),
              let h = parseDigits(b[11..<13]), let m = parseDigits(b[14..<16]), let s = parseDigits(b[17..<19]),
              h < 24, m < 60, s < 61 else { return nil }
        var offset = 0
        let zonePart = b[19...]
        if zonePart.elementsEqual([UInt8(ascii: "Z")]) {
            offset = 0
        } else if zonePart.count == 6, zonePart.first == UInt8(ascii: "+") || zonePart.first == UInt8(ascii: "-"),
                  b[22] == UInt8(ascii: ":"), let oh = parseDigits(b[20..<22]), let om = parseDigits(b[23..<25]) {
            offset = (oh * 60 + om) * 60 * (b[19] == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        let seconds = date.daysSinceEpoch * 86_400 + h * 3600 + m * 60 + s - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// "HH:MM" -> minutes after midnight; nil unless 00:00...23:59.
    public static func parseClock(_ text: some StringProtocol) -> Int? {
        let b = Array(text.utf8)
        guard b.count == 5, b[2] == UInt8(ascii: ":"), let h = parseDigits(b[0..<2]), let m = parseDigits(b[3..<5]),
              h < 24, m < 60 else { return nil }
        return h * 60 + m
    }

    /// Minutes after midnight -> "HH:MM".
    public static func clockText(minuteOfDay: Int) -> String {
        pad(minuteOfDay / 60, 2) + ":" + pad(minuteOfDay % 60, 2)
    }

    private static func clock(_ secondsOfDay: Int) -> String {
        pad(secondsOfDay / 3600, 2) + ":" + pad(secondsOfDay / 60 % 60, 2) + ":" + pad(secondsOfDay % 60, 2)
    }
}

func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
func floorMod(_ a: Int, _ b: Int) -> Int { a - floorDiv(a, b) * b }
