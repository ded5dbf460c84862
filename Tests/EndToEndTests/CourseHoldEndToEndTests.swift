import Foundation
import Testing

/// A stop alert from the shell silences every surface that could prompt a dose, and the
/// prescriber's decision recorded in the full-screen program lifts it: the real binary, in tmux.
@Suite("End to end: a stop alert holds every surface", .serialized)
struct CourseHoldEndToEndTests {
    /// Today (UTC, as the test journal's TZ) plus `days`.
    static func day(_ days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(Double(days) * 86_400))
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// A course ten days in, with today's symptoms and a mood check logged so that nothing
    /// but doses (and, later, the stop alert) is due.
    func setUp() -> TemporaryJournal {
        let journal = TemporaryJournal()
        #expect(journal.run("course", "set", "--start", Self.day(-10), "--weight", "61", "--dose", "20+20",
                            "--category", "can-get-pregnant").status == 0)
        #expect(journal.run("settings", "--rule-set", "generic").status == 0)
        #expect(journal.run("log", "mood", "--answers", "0,0").status == 0)
        #expect(journal.run("log", "symptom", "dry-skin", "1").status == 0)
        #expect(journal.run("checklist", "tick", "contraception-1").status == 0)
        #expect(journal.run("checklist", "tick", "contraception-2").status == 0)
        return journal
    }

    func rows(_ result: Subprocess.Result) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    /// A notify-send that writes its arguments to a log, in a folder of its own.
    func fakeNotifier(_ journal: TemporaryJournal) throws -> (path: String, log: String) {
        let folder = journal.directory + "-bin"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let log = folder + "/sent.log"
        let script = folder + "/notify-send"
        try "#!/bin/sh\necho \"$*\" >> '\(log)'\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        return (folder + ":/usr/bin:/bin", log)
    }

    @Test("positive test from the shell → Today shows the alert first, no dose due → decision 'pause' in the UI → remind is quiet")
    func holdThenPause() throws {
        let journal = setUp()
        // Nothing on hold: a decision is refused, and nothing is written.
        let before = FileManager.default.contents(atPath: journal.directory + "/journal.jsonl")
        let refused = journal.run("course", "decision", "continue")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("Nothing is on hold or paused"), "\(refused.stderr)")
        #expect(FileManager.default.contents(atPath: journal.directory + "/journal.jsonl") == before)

        #expect(journal.run("log", "lab", "pregnancy", "positive").status == 0)

        // remind: the stop alert first, exit 1, and no dose reminder at all.
        let remind = journal.run("remind", "--json", "--within", "48h")
        #expect(remind.status == 1)
        let reminders = try rows(remind)
        #expect(reminders.first?["kind"] as? String == "stop-alert")
        #expect(reminders.first?["urgency"] as? String == "stop")
        #expect(!reminders.contains { $0["kind"] as? String == "dose" }, "\(remind.stdout)")
        let holdID = try #require(reminders.first?["id"] as? String)
        #expect(journal.run("remind", "snooze", holdID).status == 2)
        #expect(journal.run("remind", "dismiss", holdID).status == 2)

        // status --json: the state, since when and why.
        let status = try #require(try JSONSerialization.jsonObject(with: Data(journal.run("status", "--json").stdout.utf8)) as? [String: Any])
        #expect(status["state"] as? String == "on-hold")
        let hold = try #require(status["hold"] as? [String: Any])
        #expect((hold["events"] as? [[String: Any]])?.first?["rule"] as? String == "positive-pregnancy-test")
        #expect(status["projectedFinishAtPlannedDose"] == nil)

        // A dose taken anyway needs --yes and is kept with the hold noted.
        let dose = journal.run("log", "dose", "20")
        #expect(dose.status == 2)
        #expect(dose.stderr.contains("on hold"), "\(dose.stderr)")
        let confirmed = journal.run("log", "dose", "20", "--yes")
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(journal.run("show", "--json").stdout.contains("\"recordedWhile\" : \"on-hold\"")
                || journal.run("show", "--json").stdout.contains("\"recordedWhile\":\"on-hold\""))

        // The calendar: the dose series that would still alarm are cancelled or cut.
        let ics = journal.run("export", "ics", "--days", "30")
        #expect(ics.status == 0)
        // Which of today's doses were before the hold depends on the hour the test runs;
        // what must hold at any hour: no alarm left after the hold began.
        let holdBegan = CalendarOccurrences.now()
        #expect(CalendarOccurrences.doseAlarms(in: ics.stdout).allSatisfy { $0 <= holdBegan }, "\(ics.stdout)")
        #expect(ics.stdout.contains("SEQUENCE:"), "\(ics.stdout)")

        // The report names the hold first.
        let report = journal.run("report", "--format", "md")
        #expect(report.stdout.contains("## ⚠ COURSE ON HOLD since"), "\(report.stdout)")

        // The full-screen program: the alert above everything, no dose prompted; p records a pause.
        let session = journal.tmux("")
        #expect(session.waitFor("COURSE ON HOLD since"), "\(session.screen)")
        let screen = session.screen
        #expect(!screen.contains("dose:"), "\(screen)")
        #expect(screen.contains("p prescriber's decision"))
        session.send("p")
        #expect(session.waitFor("What did your prescriber decide?"), "\(session.screen)")
        session.send("Right", "Down")
        session.type("Dr Rao")
        session.send("Down", "Down", "Down")
        session.type(Self.day(7))
        session.send("Down", "Enter")
        #expect(session.waitFor("Prescriber's decision recorded: pause."), "\(session.screen)")
        #expect(!session.screen.contains("COURSE ON HOLD"))
        session.send("q")

        // remind: nothing due now (no stop alert, no dose while paused), exit 0.
        let after = journal.run("remind", "--within", "48h")
        #expect(after.status == 0, "\(after.stdout)")
        #expect(!after.stdout.contains("dose"), "\(after.stdout)")
        let paused = try #require(try JSONSerialization.jsonObject(with: Data(journal.run("status", "--json").stdout.utf8)) as? [String: Any])
        #expect(paused["state"] as? String == "paused")
        #expect(journal.run("show").stdout.contains("Prescriber's decision: pause from"))
    }

    @Test("notifications: a stop alert is sent every run until acknowledged; without a desktop session: exit 3 in our words")
    func notifications() throws {
        let journal = setUp()
        #expect(journal.run("log", "red-flag", "hearing").status == 0)
        let (path, log) = try fakeNotifier(journal)
        let noSession = Subprocess.run([Binary.path, "remind", "--notify"], environment: journal.environment.merging(
            ["PATH": path, "DISPLAY": "", "WAYLAND_DISPLAY": "", "DBUS_SESSION_BUS_ADDRESS": ""]) { $1 })
        #expect(noSession.status == 3)
        #expect(noSession.stderr.contains("notification not sent: no desktop session"), "\(noSession.stderr)")
        #expect(!FileManager.default.fileExists(atPath: log))

        let desktop = journal.environment.merging(["PATH": path, "DISPLAY": ":99"]) { $1 }
        #expect(Subprocess.run([Binary.path, "remind", "--notify"], environment: desktop).status == 1)
        #expect(Subprocess.run([Binary.path, "remind", "--notify"], environment: desktop).status == 1)
        let sent = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(sent.filter { $0.contains("STOP") }.count == 2, "\(sent)")
        let id = try #require(try rows(journal.run("remind", "--json")).first?["id"] as? String)
        usleep(1_100_000) // the journal keeps times to the second: acknowledge in a later second than the event
        #expect(journal.run("remind", "ack", id).status == 0)
        #expect(Subprocess.run([Binary.path, "remind", "--notify"], environment: desktop).status == 1)
        let afterAck = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(afterAck.filter { $0.contains("STOP") }.count == 2, "no third stop notification after ack: \(afterAck)")
        // Failing notify-send: our words, exit 3.
        let script = String(path.split(separator: ":")[0]) + "/notify-send"
        try "#!/bin/sh\necho 'GDBus.Error: org.freedesktop.DBus.Error.ServiceUnknown' >&2\nexit 1\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        usleep(1_100_000) // a new event in a later second than the acknowledgement is notified again
        #expect(journal.run("log", "red-flag", "bowel").status == 0)
        let failing = Subprocess.run([Binary.path, "remind", "--notify"], environment: desktop)
        #expect(failing.status == 3)
        #expect(failing.stderr.contains("notification not sent: notify-send failed"), "\(failing.stderr)")
        #expect(!failing.stderr.contains("GDBus"))
    }

    @Test("the calendar file: EXDATE and cancelled events parse in a strict iCalendar parser")
    func calendarParses() throws {
        let journal = setUp()
        #expect(journal.run("course", "pause", Self.day(2), "--to", Self.day(3)).status == 0)
        let paused = journal.run("export", "ics", "--days", "10")
        #expect(paused.stdout.contains("EXDATE:"), "\(paused.stdout)")
        // The expander sees the paused days go and the other days stay.
        let pausedAlarms = CalendarOccurrences.doseAlarms(in: paused.stdout)
        #expect(pausedAlarms.contains { $0.hasPrefix(Self.day(4).replacingOccurrences(of: "-", with: "")) }, "\(paused.stdout)")
        #expect(!pausedAlarms.contains { $0.hasPrefix(Self.day(2).replacingOccurrences(of: "-", with: "")) }, "\(paused.stdout)")
        #expect(journal.run("log", "red-flag", "hearing").status == 0)
        let holdBegan = CalendarOccurrences.now()
        let path = journal.directory + "-held.ics"
        #expect(journal.run("export", "ics", "--days", "10", "-o", path).status == 0)
        guard Subprocess.run(["python3", "-c", "import icalendar"]).status == 0 else {
            print("skipped: python3 icalendar is not installed, so the strict-parser check was not tried")
            return
        }
        let parsed = Subprocess.run(["python3", "-c", """
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            doses = [e for e in cal.walk('VEVENT') if str(e.get('UID')).startswith('dose-')]
            assert doses, 'no dose events'
            assert all(int(e.get('SEQUENCE')) > 0 for e in doses)
            print(sorted(str(e.get('STATUS')) for e in doses))
            """, path])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        // Cancelled or cut short, depending on the hour: no alarm after the hold began.
        let held = try String(contentsOfFile: path, encoding: .utf8)
        #expect(CalendarOccurrences.doseAlarms(in: held).allSatisfy { $0 <= holdBegan }, "\(held)")
    }
}
