import Foundation
import Testing

/// `remind` and `export ics` as cron, status bars and calendar apps use them.
@Suite("End to end: reminders and the calendar", .serialized)
struct ReminderEndToEndTests {
    func setUp() -> TemporaryJournal {
        let journal = TemporaryJournal()
        #expect(journal.run("course", "set", "--start", "2026-11-02", "--weight", "61", "--dose", "20+20",
                            "--category", "cannot-get-pregnant").status == 0)
        #expect(journal.run("settings", "--rule-set", "generic").status == 0)
        #expect(journal.run("log", "mood", "--answers", "0,0").status == 0)
        return journal
    }

    @Test("remind --at: the morning dose is due, then quiet once logged; exit codes 1, 0 and 2")
    func remindExitCodes() throws {
        let journal = setUp()
        let before = journal.run("remind", "--at", "2026-11-26 08:10", "--json")
        #expect(before.status == 1, "\(before.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [[String: Any]])
        let morning = try #require(rows.first { $0["id"] as? String == "dose-2026-11-26-morning" })
        #expect(morning["urgency"] as? String == "due now")
        #expect(morning["kind"] as? String == "dose")
        #expect(morning["due"] as? String == "2026-11-26T08:00:00+00:00")

        #expect(journal.run("log", "dose", "20", "--slot", "morning", "--at", "2026-11-26 08:05").status == 0)
        #expect(journal.run("log", "symptom", "dry-skin", "1", "--date", "2026-11-26").status == 0)
        let after = journal.run("remind", "--at", "2026-11-26 08:10")
        #expect(after.status == 0, "\(after.stdout)")
        #expect(!after.stdout.contains("2026-11-26 08:00"))
        #expect(after.stdout.contains("Evening dose: 20 mg with food at 20:00"))

        let evening = journal.run("remind", "--at", "2026-11-26 21:30")
        #expect(evening.status == 1)
        #expect(evening.stdout.contains("OVERDUE"))
        #expect(journal.run("remind", "--at", "tomorrow").status == 2)
        #expect(journal.run("remind", "--within", "forever").status == 2)
    }

    @Test("snooze and dismiss from the shell; a dismissed dose is still not taken")
    func snoozeDismiss() {
        let journal = setUp()
        #expect(journal.run("remind", "dismiss", "dose-2026-11-26-morning").stdout.contains("still not recorded as taken"))
        #expect(!journal.run("remind", "--at", "2026-11-26 09:30").stdout.contains("2026-11-26 08:00"))
        let status = journal.run("status", "--json").stdout
        #expect(!status.contains("\"taken\" : 1"))
    }

    func inFiveDays() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(5 * 86_400))
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    @Test("export ics: escaped, folded, alarms, and the same UIDs on a second export")
    func calendar() throws {
        let journal = setUp()
        let soon = inFiveDays()
        #expect(journal.run("lab", "schedule", "lipids", soon, "--time", "08:30", "--fasting",
                            "--note", "Main St, 2nd floor; bring card").status == 0)
        let path = journal.directory + "-calendar.ics"
        let first = journal.run("export", "ics", "-o", path, "--days", "366")
        #expect(first.status == 0, "\(first.stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.dropLast().last == "END:VCALENDAR")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.contains("BEGIN:VALARM"))
        #expect(lines.contains { $0.hasPrefix("DTSTAMP:") && $0.hasSuffix("Z") })
        #expect(text.replacingOccurrences(of: "\r\n ", with: "").contains("Main St\\, 2nd floor\\; bring card"))
        let second = journal.run("export", "ics")
        func uids(_ text: String) -> [String] { text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }.sorted() }
        #expect(!uids(text).isEmpty)
        #expect(Set(uids(second.stdout)).isSubset(of: Set(uids(text))))
        #expect(uids(second.stdout).contains("UID:dose-2026-11-02-0-morning@isojournal"))

        // calcurse's importer, when this machine has it (apt-get install calcurse).
        if Subprocess.run(["sh", "-c", "command -v calcurse"]).status == 0 {
            let folder = journal.directory + "-calcurse"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let imported = Subprocess.run(["calcurse", "-D", folder, "-i", path])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.contains(" 0 skipped"), "\(imported.stdout)")
        } else {
            print("skipped: calcurse is not installed, so its import was not tried")
        }

        // A strict parser, when this machine has it (pip install icalendar).
        let probe = Subprocess.run(["python3", "-c", "import icalendar"])
        guard probe.status == 0 else {
            print("skipped: python3 icalendar is not installed, so the strict-parser import was not tried")
            return
        }
        let parsed = Subprocess.run(["python3", "-c", """
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            events = list(cal.walk('VEVENT'))
            assert all(e.get('UID') and e.get('DTSTAMP') and e.get('DTSTART') for e in events)
            print(len(events), [str(e.get('DESCRIPTION')) for e in events if e.get('DESCRIPTION') and 'Main St' in str(e.get('DESCRIPTION'))])
            """, path])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        #expect(parsed.stdout.contains("Main St, 2nd floor; bring card"))
    }
}

/// A mistyped reminder id is refused, not "Snoozed" into a record that hides nothing.
@Suite("End to end: unknown reminder ids")
struct UnknownReminderEndToEndTests {
    @Test("snooze and dismiss an id that does not exist: one line naming the known ids, exit 2, nothing written")
    func unknownID() throws {
        let journal = TemporaryJournal()
        let start = ISO8601DateFormatter.string(from: Date() - 20 * 86_400, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        #expect(journal.run("course", "set", "--start", start, "--weight", "61", "--dose", "20+20",
                            "--category", "cannot-get-pregnant").status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: journal.directory + "/journal.jsonl"))
        for command in [["remind", "snooze", "dose-2099-01-01-morning"], ["remind", "dismiss", "no-such-reminder\u{1B}[2J"]] {
            let result = Subprocess.run([Binary.path] + command, environment: journal.environment)
            #expect(result.status == 2, "\(command): \(result.stdout) \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(result.stderr.contains("known ids: ") && result.stderr.contains("dose-"), "\(result.stderr)")
            #expect(!result.stderr.contains("\u{1B}"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal.directory + "/journal.jsonl")) == before)
        // A real one still works.
        let ids = journal.run("remind", "--within", "2d", "--json").stdout
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(ids.utf8)) as? [[String: Any]])
        let id = try #require(rows.first?["id"] as? String)
        #expect(journal.run("remind", "snooze", id).status == 0)
    }
}
