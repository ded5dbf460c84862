import Foundation
import Testing

/// A finished course followed by a second one in the same journal, from the shell: the
/// refusals, then status, the checklist and the report all follow course 2.
@Suite("End to end: a finished course, then a second course", .serialized)
struct CourseSequenceEndToEndTests {
    @Test("finish checks the doses; course new refuses too soon and inside the course; status, checklist and report follow course 2")
    func secondCourse() throws {
        let journal = TemporaryJournal()
        let day = CourseHoldEndToEndTests.day
        #expect(journal.run("course", "set", "--start", day(-150), "--weight", "50", "--dose", "20+20",
                            "--category", "cannot-get-pregnant").status == 0)
        #expect(journal.run("log", "dose", "20", "--slot", "morning", "--at", day(-140) + " 08:00").status == 0)
        let early = journal.run("course", "finish", day(-145))
        #expect(early.status == 2)
        #expect(early.stderr.contains(day(-140)), "\(early.stderr)")
        let finish = journal.run("course", "finish", day(-145), "--yes")
        #expect(finish.status == 0)
        #expect(finish.stdout.contains("finished on the last of them, \(day(-140))"), "\(finish.stdout)")

        // Before the two-month wait: refused without --yes; before the last dose: refused.
        let soon = journal.run("course", "new", "--start", day(-120))
        #expect(soon.status == 2)
        #expect(soon.stderr.contains("two-month"), "\(soon.stderr)")
        #expect(journal.run("course", "new", "--start", day(-141)).status == 2)
        let new = journal.run("course", "new", "--start", day(-20), "--dose", "30+30")
        #expect(new.status == 0, "\(new.stderr)")
        #expect(journal.run("course", "new", "--start", day(-5)).stderr.contains("Course 2 is still going"))
        #expect(journal.run("log", "dose", "30", "--slot", "morning", "--at", day(-19) + " 08:00").status == 0)

        let status = try #require(try JSONSerialization.jsonObject(with: Data(journal.run("status", "--json").stdout.utf8)) as? [String: Any])
        #expect(status["course"] as? Int == 2)
        #expect(status["startDate"] as? String == day(-20))
        #expect(status["cumulativeMg"] as? Double == 30)
        let earlier = try #require((status["earlierCourses"] as? [[String: Any]])?.first)
        #expect(earlier["number"] as? Int == 1 && earlier["lastDoseDate"] as? String == day(-140) && earlier["cumulativeMg"] as? Double == 20)

        let checklist = try #require(try JSONSerialization.jsonObject(with: Data(journal.run("checklist", "--json").stdout.utf8)) as? [String: Any])
        #expect(checklist["firstDay"] as? String == day(-20))
        #expect((checklist["afterCourse"] as? [Any])?.isEmpty == true, "course 1's countdowns are closed")

        let report = journal.run("report", "--format", "md").stdout
        #expect(report.contains("| Course | 2 (course 1: \(day(-150)) to \(day(-140)), 0.4 mg/kg) |"), "\(report)")
        #expect(report.contains("| Course start | \(day(-20))"))
        #expect(journal.run("show").stdout.contains("course 2, day 2") || journal.run("show").stdout.contains(day(-19)))
    }
}
