import Foundation

/// An RFC 5545 iCalendar file of what is coming: planned intakes as recurring events,
/// appointments and the prescription window with alarms, and the after-course dates.
/// UIDs are stable, so importing a newer export updates events instead of duplicating them.
public enum CalendarExport {
    public static func ics(journal: Journal, now: Date, timeZone: TimeZone, days: Int) -> String {
        let today = Timestamp.localDate(of: now, in: timeZone)
        let horizon = today.adding(days: days)
        var calendar = ICalendarWriter(stamp: now, sequence: sequence(of: journal))
        if let course = journal.courseRecords {
            addIntakes(course, today: today, horizon: horizon, zone: timeZone, to: &calendar)
        }
        for item in journal.labRecords.appointments where item.appointment.status == .scheduled && item.day >= today && item.day <= horizon {
            addAppointment(item, to: &calendar)
        }
        if let list = MonthlyChecklist.build(journal: journal, today: today), let window = list.window, window.closes >= today {
            var event = ICalendarEvent(uid: "window-\(window.opens.iso)@isojournal", summary: "Prescription window (\(window.length) days)")
            event.allDay(from: window.opens, through: window.closes)
            event.description = "Day 1 is \(window.opens.iso); the last day to pick up is \(window.closes.iso). \(list.ruleSet.name)."
            if window.length >= 2 {
                // On the morning of the next-to-last day.
                event.alarm(trigger: "P\(window.length - 2)DT9H", text: "Prescription window closes tomorrow (\(window.closes.iso))")
            }
            calendar.add(event)
        }
        for countdown in AfterCourseCountdown.countdowns(journal: journal, today: today) where countdown.date >= today && !countdown.isDone {
            var event = ICalendarEvent(uid: "after-\(countdown.id)@isojournal", summary: countdown.text)
            event.allDay(from: countdown.date, through: countdown.date)
            event.description = "Source: " + countdown.source
            event.alarm(trigger: "PT9H", text: countdown.text)
            calendar.add(event)
        }
        return calendar.text
    }

    /// The SEQUENCE of every event: how many revisions of the records that shape the schedule
    /// the journal holds. The journal only grows, so a later export never has a lower number,
    /// and a calendar that updates from the file takes the newer version of each UID.
    static func sequence(of journal: Journal) -> Int {
        let kinds: Set<EntryKind> = [.course, .doseStep, .pause, .prescriberDecision, .redFlag, .labResult, .moodCheck]
        // A retraction has no kind; any may withdraw a stop event or a plan, so each counts.
        return journal.revisions.filter { entry in entry.kind.map(kinds.contains) ?? entry.isRetraction }.count
    }

    /// One recurring event per slot and cycle day of each plan step in the horizon. Occurrences
    /// on paused or held days, or after the course finished, are taken out (EXDATE, or a shorter
    /// COUNT); a series with none left is sent as cancelled under the same UID, so a calendar that
    /// imported an earlier export stops alarming "take isotretinoin".
    static func addIntakes(_ course: CourseRecords, today: LocalDate, horizon: LocalDate, zone: TimeZone,
                           to calendar: inout ICalendarWriter) {
        let steps = course.steps
        for (index, step) in steps.enumerated() {
            let end = index + 1 < steps.count ? steps[index + 1].startDate.adding(days: -1) : (course.settings.plannedEndDate ?? horizon)
            let first = max(step.startDate, today)
            let last = min(end, horizon)
            guard first <= last, !step.cycle.isEmpty else { continue }
            for (cycleDay, amounts) in step.cycle.enumerated() {
                // The first day on or after `first` that falls on this cycle day.
                let offset = ((cycleDay - step.startDate.days(until: first)) % step.cycle.count + step.cycle.count) % step.cycle.count
                let start = first.adding(days: offset)
                guard start <= last else { continue }
                let count = start.days(until: last) / step.cycle.count + 1
                let days = (0..<count).map { start.adding(days: $0 * step.cycle.count) }
                for (slotIndex, slot) in course.settings.intakeSlots.enumerated() where slotIndex < amounts.count && amounts[slotIndex] > 0 {
                    let mg = MilligramText.format(amounts[slotIndex])
                    var event = ICalendarEvent(uid: "dose-\(step.startDate.iso)-\(cycleDay)-\(slot.name)@isojournal",
                                               summary: "Isotretinoin \(mg) mg (\(slot.name))" + (course.settings.takeWithFood ? " with food" : ""))
                    event.timed(on: start, minuteOfDay: slot.minuteOfDay, minutes: 15)
                    let expected = days.map { day in
                        course.isCourseDay(day) && !course.isQuiet(at: Timestamp.instant(of: day, minuteOfDay: slot.minuteOfDay, in: zone), zone: zone)
                    }
                    guard let lastExpected = expected.lastIndex(of: true) else {
                        event.recurrence = "FREQ=DAILY;INTERVAL=\(step.cycle.count);COUNT=\(count)"
                        event.isCancelled = true
                        event.description = "No longer planned: the course is on hold, paused or finished. IsoJournal cancelled this event."
                        calendar.add(event)
                        continue
                    }
                    event.recurrence = "FREQ=DAILY;INTERVAL=\(step.cycle.count);COUNT=\(lastExpected + 1)"
                    event.excludedDays = (0..<lastExpected).filter { !expected[$0] }.map { days[$0] }
                    event.description = "Record it in IsoJournal when taken (isojournal log dose \(mg) --slot \(slot.name))."
                    event.alarm(trigger: "PT0M", text: "Isotretinoin \(mg) mg")
                    calendar.add(event)
                }
            }
        }
    }

    static func addAppointment(_ item: ScheduledAppointment, to calendar: inout ICalendarWriter) {
        let appointment = item.appointment
        var event = ICalendarEvent(uid: "appointment-\(item.day.iso)-\(appointment.what.rawValue)@isojournal", summary: appointment.what.name)
        if let minute = appointment.minuteOfDay {
            event.timed(on: item.day, minuteOfDay: minute, minutes: 30)
            event.alarm(trigger: "-PT1H", text: appointment.what.name + " in one hour")
        } else {
            event.allDay(from: item.day, through: item.day)
            event.alarm(trigger: "PT8H", text: appointment.what.name + " today")
        }
        var notes: [String] = []
        if appointment.fasting {
            notes.append("Fasting: no food for about 8 hours before; water is fine. No alcohol before a lipid test.")
            event.alarm(trigger: appointment.minuteOfDay == nil ? "-PT4H" : "-PT10H", text: "Fasting blood test: stop eating about 8 hours before")
        }
        if let note = appointment.note { notes.append(note) }
        event.description = notes.isEmpty ? nil : notes.joined(separator: "\n")
        calendar.add(event)
    }
}

/// One VEVENT: floating local times (the intake happens at 08:00 wherever the person is).
struct ICalendarEvent {
    let uid: String
    let summary: String
    var start = ""
    var end = ""
    var description: String?
    var recurrence: String?
    /// Occurrences of the recurrence taken out (paused or held days), at the event's start time.
    var excludedDays: [LocalDate] = []
    /// Sent as STATUS:CANCELLED: a calendar holding this UID drops it.
    var isCancelled = false
    var alarms: [(trigger: String, text: String)] = []
    /// Minute of the day of a timed event (for EXDATE values).
    var minuteOfDay: Int?

    init(uid: String, summary: String) {
        self.uid = uid
        self.summary = summary
    }

    mutating func allDay(from first: LocalDate, through last: LocalDate) {
        start = "DTSTART;VALUE=DATE:" + Self.date(first)
        end = "DTEND;VALUE=DATE:" + Self.date(last.adding(days: 1))
    }

    mutating func timed(on day: LocalDate, minuteOfDay: Int, minutes: Int) {
        self.minuteOfDay = minuteOfDay
        start = "DTSTART:" + Self.local(day, minuteOfDay)
        let endMinute = minuteOfDay + minutes
        end = "DTEND:" + Self.local(day.adding(days: endMinute / 1440), endMinute % 1440)
    }

    mutating func alarm(trigger: String, text: String) { alarms.append((trigger, text)) }

    static func date(_ day: LocalDate) -> String { day.iso.replacingOccurrences(of: "-", with: "") }
    static func local(_ day: LocalDate, _ minute: Int) -> String {
        date(day) + "T" + Timestamp.clockText(minuteOfDay: minute).replacingOccurrences(of: ":", with: "") + "00"
    }
}

/// Writes content lines with CRLF endings, TEXT escaping and folding at 75 octets.
struct ICalendarWriter {
    let stamp: String
    let sequence: Int
    private var events: [ICalendarEvent] = []

    init(stamp: Date, sequence: Int = 0) {
        self.stamp = Timestamp.utcText(stamp).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        self.sequence = sequence
    }

    mutating func add(_ event: ICalendarEvent) { events.append(event) }

    var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//IsoJournal//IsoJournal 0.1//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape("IsoJournal")]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + stamp, "SEQUENCE:\(sequence)", event.start, event.end,
                      "SUMMARY:" + Self.escape(event.summary)]
            if let recurrence = event.recurrence { lines.append("RRULE:" + recurrence) }
            if !event.excludedDays.isEmpty, let minute = event.minuteOfDay {
                lines.append("EXDATE:" + event.excludedDays.map { ICalendarEvent.local($0, minute) }.joined(separator: ","))
            }
            if event.isCancelled { lines.append("STATUS:CANCELLED") }
            if let description = event.description { lines.append("DESCRIPTION:" + Self.escape(description)) }
            for alarm in event.alarms {
                lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:" + alarm.trigger, "DESCRIPTION:" + Self.escape(alarm.text), "END:VALARM"]
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT values: backslash, semicolon, comma and newline are escaped (RFC 5545 3.3.11).
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": break
            default: out.append(character)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on the next line after CRLF + space, never
    /// splitting a UTF-8 character (RFC 5545 3.1).
    static func fold(_ line: String) -> String {
        var result = ""
        var used = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if used + size > limit {
                result += "\r\n "
                used = 0
                limit = 74 // the leading space counts
            }
            result.unicodeScalars.append(scalar)
            used += size
        }
        return result
    }
}
