import Foundation
import Testing

/// The README's "For a caregiver" walk-through, step by step, with the real binary in tmux on
/// a "machine" that has no journal of its own: only the snapshot the patient sent.
@Suite("End to end: the caregiver walk-through from the README", .serialized)
struct CaregiverWalkThroughTests {
    @Test("snapshot → view (Today for Maya, Doses read-only, History) → remind, status → the HTML report")
    func walkThrough() throws {
        let patient = TemporaryJournal()
        #expect(patient.fillWithDemo().status == 0)
        #expect(patient.run("settings", "--patient-name", "Maya").status == 0)
        let folder = URL(fileURLWithPath: patient.directory).deletingLastPathComponent().path
        let file = folder + "/maya.isojournal-snapshot"
        #expect(patient.run("export", "snapshot", "-o", file).status == 0)

        // The caregiver's laptop: no journal anywhere.
        let laptop = ["TZ": "UTC", "LANG": "C.UTF-8", "ISOJOURNAL_DATA_DIR": folder + "/laptop-has-none"]
        let env = laptop.map { "\($0)='\($1)'" }.sorted().joined(separator: " ")
        let tmux = TmuxSession("env \(env) '\(Binary.path)' view --snapshot '\(file)'")
        #expect(tmux.waitFor("This is a snapshot"), "\(tmux.screen)")
        tmux.send("Enter")
        #expect(tmux.waitFor("Due for Maya"), "\(tmux.screen)")
        // waitFor, not screen.contains: a capture can land between two parts of one redraw.
        #expect(tmux.waitFor("Taken   last 7 days "), "\(tmux.screen)")
        #expect(tmux.waitFor(" d doses   b labs   k checklist   h history   R reload   ? help   q quit"), "\(tmux.screen)")
        tmux.send("d")
        #expect(tmux.waitFor("IsoJournal · Doses (read-only)"), "\(tmux.screen)")
        #expect(tmux.waitFor("↑↓ dose   [ ] day   ? help   Esc back"), "\(tmux.screen)")
        tmux.send("[")
        #expect(tmux.waitFor("✓ taken"), "yesterday's doses:\n\(tmux.screen)")
        tmux.send("s")
        #expect(tmux.waitFor("Read-only"), "\(tmux.screen)")
        tmux.send("Escape")
        #expect(tmux.waitFor("Due for Maya"))
        tmux.send("h")
        #expect(tmux.waitFor("History (read-only)"), "\(tmux.screen)")
        tmux.send("q", "q")
        #expect(tmux.waitFor("[exited 0]"), "\(tmux.screen)")

        let remind = Subprocess.run([Binary.path, "remind", "--snapshot", file], environment: laptop)
        #expect([0, 1].contains(remind.status), "\(remind.stderr)")
        let status = Subprocess.run([Binary.path, "status", "--snapshot", file], environment: laptop)
        #expect(status.status == 0 && status.stdout.contains("Course day 75"), "\(status.stdout) \(status.stderr)")
        let html = folder + "/maya-visit.html"
        let report = Subprocess.run([Binary.path, "report", "--snapshot", file, "--format", "html", "-o", html], environment: laptop)
        #expect(report.status == 0, "\(report.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<h1>Visit summary for Maya, course month 3, "))
        #expect(!FileManager.default.fileExists(atPath: folder + "/laptop-has-none"), "nothing was created on the laptop")
    }
}
