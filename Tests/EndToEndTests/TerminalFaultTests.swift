import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What a terminal can do to the program: odd sizes, a storm of resizes, Ctrl-C, SIGTERM and
/// SIGHUP in the middle of a form, Ctrl-Z and `fg` from a job-control shell, and terminals
/// that cannot show the screens at all. The program must never crash, must give the terminal
/// back exactly as it found it, and must never send escape codes where they do not belong.
@Suite("End to end: terminal faults")
struct TerminalFaultTests {
    /// An interactive bash (job control on) in tmux, with the journal's environment.
    final class ShellPane {
        let tmux: TmuxSession
        let journal: TemporaryJournal
        private var marker = 0

        init(_ journal: TemporaryJournal, width: Int = 80, height: Int = 24) {
            self.journal = journal
            let env = journal.environment.map { "\($0)='\($1)'" }.sorted().joined(separator: " ")
            tmux = TmuxSession("env \(env) PS1='sh> ' bash --norc --noprofile -i", width: width, height: height)
            _ = tmux.waitFor("sh>") // capture-pane drops the trailing space
        }

        /// Types a command line and presses Enter.
        func type(_ line: String) {
            tmux.type(line)
            tmux.send("Enter")
        }

        /// Runs a shell command and waits until it has finished; true if it did.
        @discardableResult
        func run(_ line: String) -> Bool {
            marker += 1
            // The sum is printed only when the command has run; the typed line shows the sum's terms.
            type("\(line); echo done-$((\(marker * 1000)+1))")
            return tmux.waitFor("done-\(marker * 1000 + 1)")
        }

        /// Starts the journal as a job of this shell; "[exited N]" appears when it ends.
        func startJournal() {
            type("'\(Binary.path)'; echo \"[exited $?]\"")
        }

        /// The settings of the pane's terminal, as `stty -a` prints them.
        func terminalSettings(_ name: String) -> String? {
            let file = journal.directory + "-" + name
            guard run("stty -a > '\(file)'") else { return nil }
            return try? String(contentsOfFile: file, encoding: .utf8)
        }

        /// The shell reads, echoes and runs what is typed.
        func shellEchoes() -> Bool {
            marker += 1
            type("echo ok-$((\(marker * 1000)+42))")
            return tmux.waitFor("echo ok-$((\(marker * 1000)+42))") && tmux.waitFor("ok-\(marker * 1000 + 42)")
        }
    }

    @Test("started at 80×24, 40×12, 20×6 and 1×1: the screen or a notice, never a crash", arguments: [(80, 24), (40, 12), (20, 6), (1, 1)])
    func startingSizes(width: Int, height: Int) {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "headache", "1", "--note", "size check").status == 0)
        let env = journal.environment.map { "\($0)='\($1)'" }.sorted().joined(separator: " ")
        let tmux = TmuxSession("env \(env) '\(Binary.path)'", width: width, height: height)
        switch width {
        case 80:
            #expect(tmux.reachToday(), "\(tmux.screen)")
            #expect(tmux.waitFor("Headache"), "\(tmux.screen)")
            #expect(tmux.screen.contains("Last 7 days") && tmux.screen.contains("q quit"), "\(tmux.screen)")
        case 40:
            #expect(tmux.reachToday(), "\(tmux.screen)")
        case 20:
            #expect(tmux.waitFor("Make"), "\(tmux.screen)")
        default:
            usleep(500_000) // a 1×1 pane cannot show a notice; staying alive is the test
            #expect(!tmux.screen.contains("[exited"), "\(tmux.screen)")
        }
        tmux.resize(width: 80, height: 24)
        #expect(tmux.reachToday(), "\(tmux.screen)")
        #expect(tmux.waitFor("size check"), "\(tmux.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("[exited 0]"), "\(tmux.screen)")
    }

    @Test("100 quick resizes, down to 1×1: no crash, and back at 80×24 the screen is exactly as before")
    func resizeStorm() {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "dry-skin", "2", "--note", "before the storm").status == 0)
        let env = journal.environment.map { "\($0)='\($1)'" }.sorted().joined(separator: " ")
        let tmux = TmuxSession("env \(env) '\(Binary.path)'")
        #expect(tmux.reachToday(), "\(tmux.screen)")
        #expect(tmux.waitFor("before the storm"))
        let before = tmux.screen
        var random = SeededRandom(seed: 100)
        for index in 0..<100 {
            let (width, height) = index % 10 == 0 ? (1, 1) : (Int.random(in: 1...160, using: &random), Int.random(in: 1...50, using: &random))
            tmux.resize(width: width, height: height)
        }
        tmux.resize(width: 80, height: 24)
        var after = tmux.screen
        let deadline = Date().addingTimeInterval(10)
        while after != before && Date() < deadline {
            usleep(50_000)
            after = tmux.screen
        }
        #expect(after == before, "before:\n\(before)\nafter:\n\(after)")
        tmux.send("q")
        #expect(tmux.waitFor("[exited 0]"), "\(tmux.screen)")
    }

    enum Interruption: String, CaseIterable { case controlC = "Ctrl-C", term = "SIGTERM", hangUp = "SIGHUP" }

    @Test("Ctrl-C, SIGTERM and SIGHUP in the middle of a form: saved entries kept, terminal exactly restored",
          arguments: Interruption.allCases)
    func interruptedForm(interruption: Interruption) throws {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "rash", "1").status == 0) // the folder exists for the stty files
        let pane = ShellPane(journal)
        let settingsBefore = try #require(pane.terminalSettings("before"))
        pane.startJournal()
        #expect(pane.tmux.reachToday(), "\(pane.tmux.screen)")
        pane.tmux.send("l")
        #expect(pane.tmux.waitFor("Grade:"))
        pane.tmux.send("3", "s")
        #expect(pane.tmux.waitFor("Saved 1 change"), "\(pane.tmux.screen)")
        pane.tmux.send("l")
        #expect(pane.tmux.waitFor("Grade:"))
        pane.tmux.send("Down", "2") // the form is open with an answer not yet saved
        #expect(pane.tmux.alternateScreenOn)
        switch interruption {
        case .controlC:
            // An unsaved answer: the first Ctrl-C asks, the second leaves and says what was lost.
            pane.tmux.send("C-c")
            #expect(pane.tmux.waitFor("Unsaved changes: press Ctrl-C again to quit without saving"), "\(pane.tmux.screen)")
            pane.tmux.send("C-c")
        case .term, .hangUp:
            let pid = try #require(journalProcess(journal))
            kill(pid, interruption == .term ? SIGTERM : SIGHUP)
        }
        #expect(pane.tmux.waitFor("[exited "), "\(pane.tmux.screen)")
        #expect(pane.tmux.screen.contains("Quit without saving the symptom log for"), "\(pane.tmux.screen)")
        #expect(!pane.tmux.alternateScreenOn)
        #expect(pane.shellEchoes(), "\(pane.tmux.screen)")
        #expect(pane.terminalSettings("after") == settingsBefore, "stty -a differs after \(interruption.rawValue)")
        let shown = journal.run("show")
        #expect(shown.stdout.contains("Chapped lips 3"), "\(shown.stdout)")
        #expect(journal.run("check").status == 0)
    }

    @Test("Ctrl-Z gives the shell back; fg repaints the form as it was, and it still saves")
    func suspendAndResume() throws {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "rash", "1").status == 0)
        let pane = ShellPane(journal)
        let settingsBefore = try #require(pane.terminalSettings("before"))
        pane.startJournal()
        #expect(pane.tmux.reachToday(), "\(pane.tmux.screen)")
        pane.tmux.send("l")
        #expect(pane.tmux.waitFor("Grade:"))
        pane.tmux.send("2")
        #expect(pane.tmux.waitFor("1 [2] 3"), "\(pane.tmux.screen)")
        let form = pane.tmux.screen

        pane.tmux.send("C-z")
        #expect(pane.tmux.waitFor("Stopped"), "\(pane.tmux.screen)")
        #expect(!pane.tmux.alternateScreenOn)
        #expect(pane.shellEchoes(), "\(pane.tmux.screen)")
        #expect(pane.terminalSettings("stopped") == settingsBefore, "the terminal is the shell's while stopped")

        // (bash ran the rest of the start line when the job stopped; `fg` reports the exit code now.)
        pane.type("fg; echo \"[after fg: $?]\"")
        #expect(pane.tmux.waitFor("1 [2] 3"), "\(pane.tmux.screen)")
        #expect(pane.tmux.alternateScreenOn)
        var repainted = pane.tmux.screen
        let deadline = Date().addingTimeInterval(5)
        while repainted != form && Date() < deadline {
            usleep(50_000)
            repainted = pane.tmux.screen
        }
        #expect(repainted == form, "before:\n\(form)\nafter fg:\n\(repainted)")

        pane.tmux.send("s")
        #expect(pane.tmux.waitFor("Saved 1 change"), "\(pane.tmux.screen)")
        pane.tmux.send("q")
        #expect(pane.tmux.waitFor("[after fg: 0]"), "\(pane.tmux.screen)")
        #expect(pane.terminalSettings("after") == settingsBefore)
        #expect(journal.run("show").stdout.contains("Chapped lips 2"))
    }

    /// The pane's raw output is recorded with `pipe-pane` from before the program starts, so
    /// any escape byte it wrote would be caught.
    /// (TERM=dumb opens the plain mode instead: PlainModeEndToEndTests.)
    @Test("an unknown TERM, no TERM, or output not to a terminal: a clear message and no escape bytes",
          arguments: [
            ("env TERM=no-such-terminal-xyz", "", "does not know the terminal type TERM=no-such-terminal-xyz"),
            ("env -u TERM", "", "TERM is not set"),
            ("env", " > \"$OUT\"", "needs a terminal"),
            ("env", " < /dev/null", "needs a terminal"),
          ])
    func terminalsThatCannotShowTheScreens(prefix: String, redirect: String, message: String) throws {
        let journal = TemporaryJournal()
        #expect(journal.run("log", "symptom", "rash", "1").status == 0)
        let gate = journal.directory + "-go", raw = journal.directory + "-raw", out = journal.directory + "-out"
        let env = journal.environment.map { "\($0)='\($1)'" }.sorted().joined(separator: " ")
        let command = "OUT='\(out)'; while [ ! -e '\(gate)' ]; do sleep 0.02; done; \(prefix) \(env) '\(Binary.path)'\(redirect)"
        let tmux = TmuxSession(command)
        tmux.tmux("pipe-pane", "-o", "-t", "0", "cat >> '\(raw)'")
        FileManager.default.createFile(atPath: gate, contents: Data())
        #expect(tmux.waitFor("[exited 1]"), "\(tmux.screen)")
        let text = tmux.tmux("capture-pane", "-p", "-J", "-t", "0").stdout // wrapped lines joined
        #expect(text.contains(message), "\(text)")
        #expect(text.contains("isojournal log"), "it points to the line-mode commands:\n\(text)")
        usleep(200_000)
        let bytes = try #require(FileManager.default.contents(atPath: raw))
        let programOutput = String(decoding: bytes, as: UTF8.self).components(separatedBy: "[exited").first ?? ""
        #expect(!programOutput.isEmpty)
        #expect(!programOutput.contains("\u{1B}"), "escape bytes: \(programOutput.debugDescription)")
        let redirected = FileManager.default.contents(atPath: out) ?? Data()
        #expect(!redirected.contains(0x1B))
    }

    /// The isojournal process whose environment names this journal (from /proc).
    func journalProcess(_ journal: TemporaryJournal) -> pid_t? {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
                guard let pid = Int32(entry),
                      let cmdline = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
                      let environ = FileManager.default.contents(atPath: "/proc/\(entry)/environ") else { continue }
                let program = String(decoding: cmdline.prefix { $0 != 0 }, as: UTF8.self)
                if program == Binary.path, String(decoding: environ, as: UTF8.self).contains(journal.directory) { return pid }
            }
            usleep(50_000)
        }
        return nil
    }
}
