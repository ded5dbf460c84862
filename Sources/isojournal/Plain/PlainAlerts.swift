import Foundation
import JournalCore

/// Every alert Today shows, as sentences, most serious first: the course on hold, today's red
/// flags with the crisis guidance, flagged or unjudged labs, a mood check's self-harm answer.
enum PlainAlerts {
    static func lines(journal: Journal, now: Date, zone: TimeZone, canEdit: Bool) -> [String] {
        let today = Timestamp.localDate(of: now, in: zone)
        let crisis = "If you are in danger, call your local emergency number. " + journal.programmeSettings.crisisLine
        var lines: [String] = []
        if let records = journal.courseRecords, case .onHold(let hold) = records.state(at: now, zone: zone) {
            lines.append("COURSE ON HOLD since \(StopAlertText.when(hold.since, zone: zone)). Ask your prescriber before the next dose.")
            for event in hold.events { lines.append("  Because: " + event.what) }
            lines.append("  " + StopAlertText.instruction + (canEdit
                ? " Then record their decision with: isojournal course decision continue, pause or stop."
                : " No dose is expected until their decision is recorded."))
        }
        let catalogue = RedFlagCatalogue.shipped
        for report in journal.redFlags(on: today) {
            let flag = catalogue.flag(id: report.flag)
            let read = report.acknowledgedAt.map { " Notice read at \(PlainText.clock($0, zone: zone))." } ?? ""
            lines.append("RED FLAG today: \(flag?.question ?? report.flag)\(read) Contact your prescriber now.")
            if flag?.showsCrisisGuidance == true { lines.append("  " + crisis) }
        }
        // Labs flagged "tell your prescriber" or worse stay on Today for 30 days, as on the screen.
        for item in journal.labRecords.results where item.day >= today.adding(days: -29) && item.day <= today
            && (item.highestFlag?.level ?? .noted) >= .tell {
            lines.append("LAB RESULT to tell your prescriber about, \(item.day.iso): " + LabText.resultLine(item.result, flags: item.flags))
        }
        for item in journal.labRecords.notJudged where item.day >= today.adding(days: -29) && item.day <= today {
            lines.append("LAB RESULT not judged, \(item.day.iso): " + LabText.resultLine(item))
        }
        let selfHarm = journal.entries(from: today.adding(days: -13), to: today).compactMap { entry -> LocalDate? in
            if case .moodCheck(let check)? = entry.body, check.selfHarmAnswered { return entry.day } else { return nil }
        }
        if let day = selfHarm.last {
            lines.append("MOOD CHECK on \(day.iso): thoughts of self-harm. Contact your prescriber.")
            lines.append("  " + crisis)
        }
        return lines
    }
}
