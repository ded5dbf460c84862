import Foundation
import Testing
@testable import JournalCore

@Suite("LocalDate")
struct LocalDateTests {
    @Test("day counts match known dates")
    func knownDayCounts() throws {
        #expect(LocalDate(daysSinceEpoch: 0).iso == "1970-01-01")
        #expect(try #require(LocalDate(iso: "2000-03-01")).daysSinceEpoch == 11_017)
        #expect(try #require(LocalDate(iso: "2026-11-26")).daysSinceEpoch == 20_783)
        #expect(LocalDate(daysSinceEpoch: -1).iso == "1969-12-31")
    }

    @Test("round trip through the day count for every day of 1999–2031")
    func roundTrip() {
        let start = LocalDate(year: 1999, month: 1, day: 1)!.daysSinceEpoch
        let end = LocalDate(year: 2031, month: 12, day: 31)!.daysSinceEpoch
        var previous: LocalDate?
        for count in start...end {
            let date = LocalDate(daysSinceEpoch: count)
            #expect(date.daysSinceEpoch == count)
            if let previous { #expect(previous < date) }
            previous = date
        }
    }

    @Test("leap years and month ends")
    func leapYears() {
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2026, month: 4, day: 31) == nil)
        #expect(LocalDate(year: 2024, month: 2, day: 28)!.adding(days: 1).iso == "2024-02-29")
        #expect(LocalDate(year: 2024, month: 12, day: 31)!.adding(days: 1).iso == "2025-01-01")
        #expect(LocalDate(year: 2024, month: 3, day: 1)!.days(until: LocalDate(year: 2025, month: 3, day: 1)!) == 365)
    }

    @Test("ISO weekday", arguments: [("2026-11-26", 4), ("2026-11-30", 1), ("2026-11-29", 7), ("1970-01-01", 4)])
    func weekday(text: String, expected: Int) throws {
        #expect(try #require(LocalDate(iso: text)).isoWeekday == expected)
    }

    @Test("parsing refuses malformed and impossible dates",
          arguments: ["2026-13-01", "2026-02-30", "26-11-2026", "2026-1-5", "2026-11-26x", "", "yesterday", "２０２６-11-26"])
    func refusesBadText(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }
}

@Suite("Timestamp")
struct TimestampTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    let newYork = TimeZone(identifier: "America/New_York")!

    @Test("UTC text round-trips")
    func utcRoundTrip() throws {
        let instant = Date(timeIntervalSince1970: 1_795_000_000)
        let text = Timestamp.utcText(instant)
        #expect(text == "2026-11-18T11:06:40Z")
        #expect(Timestamp.parse(text) == instant)
    }

    @Test("offset text keeps the wall clock and parses back to the same instant")
    func offsetText() throws {
        let instant = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(Timestamp.offsetText(instant, in: berlin) == "2026-11-18T12:06:40+01:00")
        #expect(Timestamp.offsetText(instant, in: newYork) == "2026-11-18T06:06:40-05:00")
        #expect(Timestamp.parse("2026-11-18T06:06:40-05:00") == instant)
    }

    @Test("an intake at 23:30 local belongs to that local day, not the UTC one")
    func nearMidnight() throws {
        let day = try #require(LocalDate(iso: "2026-11-26"))
        let lateEvening = Timestamp.instant(of: day, minuteOfDay: 23 * 60 + 30, in: newYork)
        #expect(Timestamp.utcText(lateEvening) == "2026-11-27T04:30:00Z")
        #expect(Timestamp.localDate(of: lateEvening, in: newYork) == day)
        #expect(Timestamp.minuteOfDay(of: lateEvening, in: newYork) == 23 * 60 + 30)
    }

    @Test("daylight-saving days: a gap moves forward, an overlap takes the first")
    func daylightSaving() throws {
        // Europe/Berlin springs forward 2026-03-29 02:00 -> 03:00 and falls back 2026-10-25 03:00 -> 02:00.
        let spring = try #require(LocalDate(iso: "2026-03-29"))
        let inGap = Timestamp.instant(of: spring, minuteOfDay: 2 * 60 + 30, in: berlin)
        #expect(Timestamp.offsetText(inGap, in: berlin) == "2026-03-29T03:30:00+02:00")
        let eight = Timestamp.instant(of: spring, minuteOfDay: 8 * 60, in: berlin)
        #expect(Timestamp.utcText(eight) == "2026-03-29T06:00:00Z")
        let autumn = try #require(LocalDate(iso: "2026-10-25"))
        let overlap = Timestamp.instant(of: autumn, minuteOfDay: 2 * 60 + 30, in: berlin)
        #expect(Timestamp.utcText(overlap) == "2026-10-25T00:30:00Z")
        let evening = Timestamp.instant(of: autumn, minuteOfDay: 20 * 60, in: berlin)
        #expect(Timestamp.utcText(evening) == "2026-10-25T19:00:00Z")
    }

    @Test("malformed instants are refused",
          arguments: ["2026-11-18T08:26:40", "2026-11-18 08:26:40Z", "2026-11-18T25:00:00Z", "2026-11-18T08:26:40+0100", "garbage"])
    func refusesBadInstants(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test("clock text")
    func clock() {
        #expect(Timestamp.parseClock("08:05") == 485)
        #expect(Timestamp.parseClock("24:00") == nil)
        #expect(Timestamp.parseClock("8:05") == nil)
        #expect(Timestamp.clockText(minuteOfDay: 1439) == "23:59")
    }
}
