import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The caregiver's side, with the real binary: viewing that cannot write, reports, snapshots
/// and the demo journal.
@Suite("End to end: caregiver view, reports, snapshots, demo", .serialized)
struct CaregiverEndToEndTests {
    /// Every edit key of every screen a read-only session can reach, screen by screen, each
    /// group ending back on Today; then the history views and a reload.
    static let editKeys: [[String]] = [
        // Enter on Today opens the selected due item's screen (read-only there too): Esc comes back.
        ["l", "Enter", "Escape", "2", "s", "c", "m", "0", "0", "z", "x"],
        ["d", "Enter", "t", "e", "s", "x", "w", "m", "[", "Enter", "Escape"],
        ["k", "Space", "x", "n", "a", "Enter", "Escape"],
        ["b", "r", "a", "d", "m", "x", "Escape"],
        ["h", "Enter", "Escape", "2", "Right", "3", "Right", "f", "Enter", "Enter", "Enter", "Enter", "Enter", "R", "Escape"],
        ["R"],
    ]

    func pressEverything(_ tmux: TmuxSession) {
        for group in Self.editKeys {
            for key in group {
                tmux.send(key)
                usleep(40_000)
            }
            #expect(tmux.waitFor("Last 7 days"), "back on Today after \(group):\n\(tmux.screen)")
        }
    }

    @Test("view: every edit key says read-only, and the folder is byte for byte the same afterwards")
    func viewWritesNothing() throws {
        let journal = TemporaryJournal()
        #expect(journal.fillWithDemo().status == 0)
        let before = FolderState.of(journal.directory)
        let tmux = journal.tmux("view")
        #expect(tmux.waitFor("IsoJournal (read-only)"), "\(tmux.screen)")
        tmux.send("l")
        #expect(tmux.waitFor("Read-only: it was opened in viewing mode"))
        pressEverything(tmux)
        #expect(tmux.waitFor("Reloaded at"), "\(tmux.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("[exited 0]"), "\(tmux.screen)")
        #expect(FolderState.of(journal.directory) == before)
    }

    @Test("the root --read-only flag and open --read-only are the same read-only session")
    func readOnlyFlags() {
        let journal = TemporaryJournal()
        #expect(journal.fillWithDemo().status == 0)
        let before = FolderState.of(journal.directory)
        for arguments in ["--read-only", "open --read-only"] {
            let tmux = journal.tmux(arguments)
            #expect(tmux.waitFor("IsoJournal (read-only)"), "\(arguments): \(tmux.screen)")
            tmux.send("m")
            #expect(tmux.waitFor("Read-only"))
            tmux.send("q")
            #expect(tmux.waitFor("[exited 0]"))
        }
        #expect(FolderState.of(journal.directory) == before)
        let nowhere = Subprocess.run([Binary.path, "view", "--data-dir", journal.directory + "/missing"])
        #expect(nowhere.status == 1 && nowhere.stderr.contains("There is no journal to view"), "\(nowhere.stderr)")
        #expect(!FileManager.default.fileExists(atPath: journal.directory + "/missing"), "viewing creates no folder")
    }

    @Test("view opens a copy on a read-only mount (a USB stick), and reports read it too")
    func readOnlyMount() throws {
        let journal = TemporaryJournal()
        #expect(journal.fillWithDemo().status == 0)
        let mountPoint = URL(fileURLWithPath: journal.directory).deletingLastPathComponent().path + "/stick"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        let mounted = Subprocess.run(["mount", "--bind", "-o", "ro", journal.directory, mountPoint])
        guard mounted.status == 0 else {
            print("SKIPPED read-only mount test: `mount --bind -o ro` is not permitted here (\(mounted.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        defer { _ = Subprocess.run(["umount", mountPoint]) }
        _ = Subprocess.run(["mount", "-o", "remount,bind,ro", mountPoint])
        guard open(mountPoint + "/probe", O_WRONLY | O_CREAT, 0o600) == -1, errno == EROFS else {
            print("SKIPPED read-only mount test: the bind mount is writable here")
            return
        }
        let before = FolderState.of(mountPoint)
        let tmux = TmuxSession("env TZ=UTC LANG=C.UTF-8 '\(Binary.path)' view --data-dir '\(mountPoint)'")
        #expect(tmux.waitFor("IsoJournal (read-only)"), "\(tmux.screen)")
        pressEverything(tmux)
        tmux.send("q")
        #expect(tmux.waitFor("[exited 0]"), "\(tmux.screen)")
        let report = Subprocess.run([Binary.path, "report", "--data-dir", mountPoint, "--format", "md"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("## Red flags and mood alerts"))
        #expect(FolderState.of(mountPoint) == before)
    }

    @Test("view opens while the patient's copy is running, and R shows what the patient saved since")
    func besideThePatientsCopy() {
        let journal = TemporaryJournal()
        #expect(journal.fillWithDemo().status == 0)
        let patient = journal.tmux("")
        #expect(patient.waitFor("Symptoms today"), "\(patient.screen)")
        let caregiver = journal.tmux("view")
        #expect(caregiver.waitFor("IsoJournal (read-only)"), "\(caregiver.screen)")
        #expect(!caregiver.screen.contains("Muscle ache"))
        patient.send("l")
        #expect(patient.waitFor("Grade: 0 none"))
        for _ in 0..<6 { patient.send("Down") } // muscle ache is the seventh symptom
        patient.send("2", "s")
        #expect(patient.waitFor("Saved"), "\(patient.screen)")
        caregiver.send("R")
        #expect(caregiver.waitFor("Reloaded at"), "\(caregiver.screen)")
        #expect(caregiver.waitFor("Muscle ache"), "\(caregiver.screen)")
        caregiver.send("q")
        patient.send("q")
        #expect(caregiver.waitFor("[exited 0]") && patient.waitFor("[exited 0]"))
    }

    @Test("report: html to a private file, csv and json on standard output, bad ranges refused")
    func reports() throws {
        let journal = TemporaryJournal()
        #expect(journal.fillWithDemo().status == 0)
        let html = URL(fileURLWithPath: journal.directory).deletingLastPathComponent().path + "/visit.html"
        // The demo's red flag is on day 55, in course month 2 (the default is the current month, 3).
        let written = journal.run("report", "--format", "html", "--month", "2", "-o", html)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("Wrote \(html) (html, "), "\(written.stdout)")
        var info = stat()
        #expect(stat(html, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(!page.lowercased().contains("http") && !page.lowercased().contains("<script") && page.contains("<svg"))
        #expect(page.contains("RED FLAG"))
        let csv = journal.run("report", "--format", "csv")
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("kind,date,time,name,value,unit,flag,detail,note,id,revision\r\n"))
        let json = journal.run("report", "--format", "json", "--from", "2000-01-01")
        #expect(json.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((document?["records"] as? [Any])?.count ?? 0 > 300)
        let backwards = journal.run("report", "--from", "2026-11-20", "--to", "2026-11-01")
        #expect(backwards.status == 2 && backwards.stderr.contains("is after"))
        #expect(journal.run("report", "--from", "yesterday").status == 2)
        #expect(journal.run("report", "--format", "pdf").status == 2)
        let current = journal.run("report")
        #expect(current.stdout.hasPrefix("# Visit summary, course month 3, "), "the current course month by default")
        #expect(journal.run("report", "--month", "4").stderr.contains("course months 1 to 3 have begun"))
        #expect(journal.run("report", "--month", "2", "--from", "2026-01-01").status == 2)
        #expect(journal.run("report", "--course", "2").stderr.contains("this journal holds one course: 1 (started "))
        #expect(journal.run("settings", "--patient-name", "Maya").status == 0)
        #expect(journal.run("report", "--course", "1").stdout.hasPrefix("# Visit summary for Maya, course 1, "))
        #expect(journal.run("settings").stdout.contains("Patient name: Maya"))
    }

    @Test("export snapshot: a private file that view --snapshot opens; a changed copy is refused")
    func snapshots() throws {
        let journal = TemporaryJournal()
        #expect(journal.fillWithDemo().status == 0)
        let file = URL(fileURLWithPath: journal.directory).deletingLastPathComponent().path + "/shared.isojournal-snapshot"
        let exported = journal.run("export", "snapshot", "-o", file)
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("Open it with: isojournal view --snapshot"))
        var info = stat()
        #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o600)

        let tmux = TmuxSession("env TZ=UTC LANG=C.UTF-8 '\(Binary.path)' view --snapshot '\(file)'")
        #expect(tmux.waitFor("This is a snapshot"), "\(tmux.screen)")
        tmux.send("Enter")
        #expect(tmux.waitFor("IsoJournal (read-only)"))
        #expect(tmux.waitFor("Course  day 75"), "\(tmux.screen)")
        tmux.send("h")
        #expect(tmux.waitFor("History (read-only)"))
        tmux.send("q", "q")
        #expect(tmux.waitFor("[exited 0]"))

        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        let index = try #require(bytes.lastIndex(of: UInt8(ascii: "1")))
        bytes[index] = UInt8(ascii: "2")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let refused = Subprocess.run([Binary.path, "view", "--snapshot", file])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("was changed or damaged after it was made: its SHA-256 check does not match"), "\(refused.stderr)")
        #expect(Subprocess.run([Binary.path, "view", "--snapshot", file, "--data-dir", journal.directory]).status == 2)
    }

    @Test("demo: builds a journal that the other commands open; never into a folder that holds something")
    func demo() throws {
        let journal = TemporaryJournal()
        let built = journal.fillWithDemo()
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("A sample journal (") && built.stdout.contains(journal.directory))
        let status = journal.run("status")
        #expect(status.status == 0 && status.stdout.contains("month 3"), "\(status.stdout)")
        #expect(journal.run("check").status == 0)
        let again = journal.run("demo", "--into", journal.directory, "--no-open")
        #expect(again.status == 2 && again.stderr.contains("not empty"))

        let tmux = TmuxSession("env TZ=UTC LANG=C.UTF-8 '\(Binary.path)' demo")
        #expect(tmux.waitFor("Course  day 75"), "the demo opens on Today:\n\(tmux.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("[exited 0]"))
        let folder = try #require(tmux.screen.components(separatedBy: " is in ").last?.components(separatedBy: ".\n").first)
        #expect(FileManager.default.fileExists(atPath: folder + "/journal.jsonl"), "printed where it is: \(folder)")
        try? FileManager.default.removeItem(atPath: folder)
    }
}
