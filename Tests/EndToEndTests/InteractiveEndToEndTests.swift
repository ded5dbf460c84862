import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real binary, in tmux at 80×24, as a patient would use it.
@Suite("End to end: the interactive journal", .serialized)
struct InteractiveEndToEndTests {
    /// Starts the journal; on a new journal the first-run course setup opens, and Esc
    /// ("later") goes past it to Today, as a person who only logs symptoms would.
    func launch(_ journal: TemporaryJournal, arguments: String = "", width: Int = 80, height: Int = 24) -> TmuxSession {
        let isNew = !FileManager.default.fileExists(atPath: journal.directory + "/journal.jsonl")
        let env = journal.environment.map { "\($0)='\($1)'" }.sorted().joined(separator: " ")
        let tmux = TmuxSession("env \(env) '\(Binary.path)' \(arguments)", width: width, height: height)
        if isNew, tmux.waitFor("Set up your course") { tmux.send("Escape") }
        return tmux
    }

    @Test("log two symptoms with a note, quit, reopen and see them")
    func logQuitReopen() throws {
        let journal = TemporaryJournal()
        let tmux = launch(journal)
        #expect(tmux.waitFor("Symptoms today"), "Today screen did not appear:\n\(tmux.screen)")
        tmux.send("l")
        #expect(tmux.waitFor("Grade: 0 none"))
        tmux.send("2", "Down", "1", "n")
        tmux.type("cracked corners")
        tmux.send("Enter")
        #expect(tmux.waitFor("✎ cracked corne"))
        tmux.send("s")
        #expect(tmux.waitFor("Saved 2 changes for today."), "\(tmux.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("[exited 0]"))
        #expect(!tmux.alternateScreenOn)

        let again = launch(journal)
        #expect(again.waitFor("Chapped lips              2  limits some activities"), "\(again.screen)")
        #expect(again.screen.contains("Dry skin                  1  noticeable             cracked corners"))
        again.send("q")
        #expect(again.waitFor("[exited 0]"))
    }

    @Test("an entry logged from the shell shows on the Today screen")
    func shellThenScreen() {
        let journal = TemporaryJournal()
        let logged = journal.run("log", "symptom", "headache", "3", "--note", "behind the eyes")
        #expect(logged.status == 0, "\(logged.stderr)")
        // Only the screen matters here: the program on scripted keys, no terminal.
        let run = journal.runKeys("<screen>q")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Headache                  3  limits self-care       behind the eyes"), "\(run.stdout)")
    }

    @Test("the shell can log while the interactive journal is open, and both entries are kept")
    func twoCopies() throws {
        let journal = TemporaryJournal()
        let tmux = launch(journal)
        #expect(tmux.waitFor("Symptoms today"))
        #expect(journal.run("log", "symptom", "nosebleed", "1").status == 0)
        tmux.send("l", "1", "s")
        #expect(tmux.waitFor("Saved 1 change for today."), "\(tmux.screen)")
        #expect(tmux.screen.contains("Nosebleed"), "the open copy caught up with the shell's entry:\n\(tmux.screen)")
        let shown = journal.run("show")
        #expect(shown.stdout.contains("Chapped lips"))
        #expect(shown.stdout.contains("Nosebleed"))
        tmux.send("q")
    }

    @Test("Ctrl-C leaves the program and gives the terminal back")
    func controlC() {
        let journal = TemporaryJournal()
        let tmux = launch(journal)
        #expect(tmux.waitFor("Symptoms today"))
        #expect(tmux.alternateScreenOn)
        // A grade not saved yet: the first Ctrl-C asks, the second leaves and says what was lost.
        tmux.send("l", "2", "C-c")
        #expect(tmux.waitFor("press Ctrl-C again to quit without saving"), "\(tmux.screen)")
        tmux.send("C-c")
        #expect(tmux.waitFor("[exited 0]"), "\(tmux.screen)")
        #expect(tmux.screen.contains("Quit without saving the symptom log for"), "\(tmux.screen)")
        #expect(!tmux.alternateScreenOn)
        // The shell echoes again: typed text appears.
        tmux.type("echo terminal-ok")
        #expect(tmux.waitFor("echo terminal-ok"))
    }

    @Test("SIGTERM and SIGHUP restore the terminal; what was saved survives")
    func termination() throws {
        for signal in [SIGTERM, SIGHUP] {
            let journal = TemporaryJournal()
            let tmux = launch(journal)
            #expect(tmux.waitFor("Symptoms today"))
            tmux.send("l", "3", "s")
            #expect(tmux.waitFor("Saved 1 change"))
            tmux.send("l", "Down", "2") // an unsaved form is open
            let pid = try #require(findProcess(named: "isojournal", dataDirectory: journal.directory))
            kill(pid, signal)
            #expect(tmux.waitFor("[exited"), "\(tmux.screen)")
            #expect(!tmux.alternateScreenOn)
            #expect(journal.run("show").stdout.contains("Chapped lips 3 (limits self-care)"))
        }
    }

    @Test("kill -9 of a running copy loses nothing it said was saved")
    func killNine() throws {
        let journal = TemporaryJournal()
        let tmux = launch(journal)
        #expect(tmux.waitFor("Symptoms today"))
        tmux.send("l", "1", "Down", "2", "s")
        #expect(tmux.waitFor("Saved 2 changes"))
        let pid = try #require(findProcess(named: "isojournal", dataDirectory: journal.directory))
        kill(pid, SIGKILL)
        #expect(tmux.waitFor("[exited"))
        let shown = journal.run("show", "--json")
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("\"chapped-lips\""))
        #expect(shown.stdout.contains("\"dry-skin\""))
    }

    @Test("small windows get a notice, resizing back restores the screen", arguments: [(20, 6), (1, 1), (40, 12)])
    func smallWindows(width: Int, height: Int) {
        let journal = TemporaryJournal()
        let tmux = launch(journal, width: 80, height: 24)
        #expect(tmux.waitFor("Symptoms today"))
        tmux.resize(width: width, height: height)
        usleep(300_000)
        if width == 1 {
            // ncurses cannot write the only cell of a 1-column tmux pane; surviving is the test.
            #expect(!tmux.screen.contains("[exited"))
        } else if width < 40 {
            #expect(tmux.waitFor("Make"), "\(tmux.screen)")
        } else {
            #expect(tmux.waitFor("Symptoms today"), "\(tmux.screen)")
        }
        tmux.resize(width: 80, height: 24)
        #expect(tmux.waitFor("Last 7 days"), "\(tmux.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("[exited 0]"))
    }

    /// The pid of the isojournal process using `dataDirectory` (from /proc, no pgrep needed).
    func findProcess(named name: String, dataDirectory: String) -> Int32? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        for entry in entries {
            guard let pid = Int32(entry),
                  let environ = FileManager.default.contents(atPath: "/proc/\(entry)/environ"),
                  let cmdline = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let command = String(decoding: cmdline, as: UTF8.self)
            let env = String(decoding: environ, as: UTF8.self)
            if command.hasPrefix(Binary.path), !command.hasPrefix("env"), env.contains(dataDirectory) { return pid }
        }
        return nil
    }
}
