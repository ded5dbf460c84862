import Foundation
import Testing

/// Encrypted snapshots end to end: `export snapshot --encrypt`, every read command with
/// `--snapshot`, the passphrase from a command or the terminal, and the real `age` tool
/// (Debian's package) on the other side when it is installed.
@Suite("End to end: encrypted snapshots and the age tool", .serialized)
struct AgeInteropTests {
    static let age: String? = ["/usr/bin/age", "/usr/local/bin/age"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let passphrase = "tea with ginger, no sugar"
    /// The passphrase as a command prints it (with the trailing newline that is dropped).
    static let command = "echo 'tea with ginger, no sugar'"

    func demo() -> (journal: TemporaryJournal, folder: String) {
        let journal = TemporaryJournal()
        #expect(journal.fillWithDemo().status == 0)
        return (journal, URL(fileURLWithPath: journal.directory).deletingLastPathComponent().path)
    }

    func bytes(_ path: String) -> [UInt8] { FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [] }

    /// Runs python3 with pexpect on `code` (argv after it); nil with a reason printed when pexpect is missing.
    func pexpect(_ code: String, _ arguments: [String]) -> Subprocess.Result? {
        let result = Subprocess.run(["python3", "-c", "import sys\ntry:\n    import pexpect\nexcept ImportError:\n    sys.exit(77)\n" + code] + arguments)
        if result.status == 77 {
            print("skipped: python3 pexpect is not installed, so the terminal side was not driven")
            return nil
        }
        return result
    }

    @Test("export --encrypt writes a private age file; show, status and report read it with the passphrase command")
    func roundTripThroughCommands() throws {
        let (journal, folder) = demo()
        let sealed = folder + "/maya.age"
        let wrote = journal.run("export", "snapshot", "--encrypt", "--passphrase-command", Self.command, "--scrypt-log2", "10", "-o", sealed)
        #expect(wrote.status == 0, "\(wrote.stderr)")
        #expect(wrote.stdout.contains("encrypted"))
        #expect(bytes(sealed).starts(with: Array("age-encryption.org/v1\n-> scrypt ".utf8)))
        #expect(String(decoding: bytes(sealed).prefix(60), as: UTF8.self).contains(" 10\n"), "the tests' cheap work factor")
        let mode = try FileManager.default.attributesOfItem(atPath: sealed)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(!String(decoding: bytes(sealed), as: UTF8.self).contains("isojournal-snapshot"), "nothing readable inside")

        let elsewhere = ["TZ": "UTC", "LANG": "C.UTF-8", "ISOJOURNAL_DATA_DIR": folder + "/not-here"]
        for command in [["show"], ["status"], ["report", "--format", "md"]] {
            let fromFolder = journal.run(command)
            let read = Subprocess.run([Binary.path] + command + ["--snapshot", sealed, "--passphrase-command", Self.command],
                                      environment: elsewhere)
            #expect(read.status == fromFolder.status, "\(command): \(read.stderr)")
            #expect(SnapshotReadTests.stable(read.stdout) == SnapshotReadTests.stable(fromFolder.stdout), "\(command)")
            #expect(read.stderr.contains("Read from the encrypted snapshot \(sealed)"), "\(read.stderr)")
        }
        var environment = elsewhere
        environment["ISOJOURNAL_PASSPHRASE_COMMAND"] = Self.command
        let fromEnvironment = Subprocess.run([Binary.path, "show", "--snapshot", sealed], environment: environment)
        #expect(fromEnvironment.status == 0 && fromEnvironment.stdout == journal.run("show").stdout, "\(fromEnvironment.stderr)")
        let plain = journal.run("--help")
        #expect(plain.status == 0)
    }

    @Test("wrong passphrase, failing command, changed byte, cut file: one line, exit 1, nothing shown, nothing written")
    func refusals() {
        let (journal, folder) = demo()
        let sealed = folder + "/maya.age"
        #expect(journal.run("export", "snapshot", "--encrypt", "--passphrase-command", Self.command, "--scrypt-log2", "10", "-o", sealed).status == 0)
        let good = bytes(sealed)
        var flipped = good
        flipped[good.count - 100] ^= 0x01
        var headerFlipped = good
        headerFlipped[36] ^= 0x01 // inside the salt ("age-encryption.org/v1\n-> scrypt " is 32 bytes)
        let cases: [(String, [UInt8], String, String)] = [
            ("wrong passphrase", good, "echo 'tea with lemon'", "does not open"),
            ("failing command", good, "exit 3", "exited with status 3"),
            ("empty command output", good, "true", "printed no passphrase"),
            ("changed payload byte", flipped, Self.command, "was changed or damaged"),
            ("changed salt byte", headerFlipped, Self.command, "does not open"),
            ("cut short", Array(good.prefix(good.count - 7)), Self.command, "was changed or damaged"),
            ("cut at the header", Array(good.prefix(120)), Self.command, "encrypted snapshot"),
        ]
        for (name, content, command, says) in cases {
            let path = folder + "/case.age"
            FileManager.default.createFile(atPath: path, contents: Data(content))
            let before = try? FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            let read = journal.run("show", "--snapshot", path, "--passphrase-command", command)
            #expect(read.status == 1, "\(name): \(read.stderr)")
            #expect(read.stdout.isEmpty, "\(name): nothing shown")
            // A flipped bit in the salt's base64 either changes the salt (then the passphrase does
            // not open it) or, in its last character, makes the text non-canonical (refused before
            // scrypt): which one depends on the random salt, and both are right.
            let alsoRight = name == "changed salt byte" && read.stderr.contains("damaged age header")
            #expect(read.stderr.contains(says) || alsoRight, "\(name): \(read.stderr)")
            #expect(read.stderr.split(separator: "\n").count == 1, "\(name): one line: \(read.stderr)")
            #expect(try! FileManager.default.contentsOfDirectory(atPath: folder).sorted() == before!, "\(name): nothing written")
        }
        let failing = journal.run("export", "snapshot", "--encrypt", "--passphrase-command", "false", "-o", folder + "/y")
        #expect(failing.status == 1 && !FileManager.default.fileExists(atPath: folder + "/y"), "\(failing.stderr)")
        // No terminal and no command: a clear refusal, never a hang (setsid drops the controlling terminal).
        let noTerminal = Subprocess.run(["setsid", "-w", Binary.path, "show", "--snapshot", sealed], environment: journal.environment)
        #expect(noTerminal.status == 2 && noTerminal.stderr.contains("no terminal"), "\(noTerminal.stderr)")
    }

    @Test("at the terminal: typed without echo, five wrong tries say so, a right one opens; export asks twice")
    func terminalPrompt() {
        let (journal, folder) = demo()
        let sealed = folder + "/maya.age"
        let export = PlainPty.run(["export", "snapshot", "--encrypt", "--scrypt-log2", "10", "-o", sealed], steps: [
            .expect("Passphrase for"), .send(Self.passphrase), .expect("again"), .send(Self.passphrase),
        ], environment: journal.environment)
        if export.skipped { print(export.problem!); return }
        #expect(export.status == 0, "\(export.problem ?? "") \(export.text)")
        #expect(!export.text.contains("ginger"), "the passphrase is not echoed: \(export.text)")

        let differ = PlainPty.run(["export", "snapshot", "--encrypt", "-o", folder + "/other.age"], steps: [
            .expect("Passphrase for"), .send("one"), .expect("again"), .send("two"),
        ], environment: journal.environment)
        #expect(differ.status == 2 && differ.text.contains("differ"), "\(differ.text)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/other.age"))

        let wrong = PlainPty.run(["show", "--snapshot", sealed], steps: [
            .answer(prompt: "Passphrase for", with: "not it", until: "wrong passphrases in a row"),
        ], environment: journal.environment)
        #expect(wrong.status == 1, "\(wrong.text)")
        #expect(wrong.text.components(separatedBy: "does not open").count - 1 == 5, "\(wrong.text)")
        #expect(!wrong.text.contains("not it"))

        let right = PlainPty.run(["show", "--snapshot", sealed], steps: [
            .expect("Passphrase for"), .send("nope"), .expect("Passphrase for"), .send(Self.passphrase),
        ], environment: journal.environment)
        #expect(right.status == 0, "\(right.text)")
        #expect(right.text.contains("Read from the encrypted snapshot"))
    }

    @Test("Ctrl-C at the passphrase prompt puts the terminal's echo back")
    func interruptRestoresEcho() {
        let (journal, folder) = demo()
        let sealed = folder + "/maya.age"
        #expect(journal.run("export", "snapshot", "--encrypt", "--passphrase-command", Self.command, "--scrypt-log2", "10", "-o", sealed).status == 0)
        let code = """
            import os, termios
            child = pexpect.spawn(sys.argv[1], sys.argv[2:], timeout=15, env=dict(os.environ))
            child.expect('Passphrase for')
            during = termios.tcgetattr(child.child_fd)[3] & termios.ECHO
            child.sendintr()
            child.expect(pexpect.EOF)
            after = termios.tcgetattr(child.child_fd)[3] & termios.ECHO
            child.close()
            print('during=%d after=%d signal=%s' % (bool(during), bool(after), child.signalstatus))
            """
        guard let result = pexpect(code, [Binary.path, "show", "--snapshot", sealed]) else { return }
        #expect(result.stdout.contains("during=0 after=1 signal=2"), "\(result.stdout) \(result.stderr)")
    }

    @Test("age -d opens what export --encrypt wrote, and show/view open what age -p wrote",
          .enabled(if: AgeInteropTests.age != nil, "age is not installed (apt-get install age): the interoperability checks were skipped"))
    func withTheAgeTool() throws {
        let (journal, folder) = demo()
        let plainSnapshot = folder + "/maya.isojournal-snapshot"
        #expect(journal.run("export", "snapshot", "-o", plainSnapshot).status == 0)
        let sealed = folder + "/maya.age"
        #expect(journal.run("export", "snapshot", "--encrypt", "--passphrase-command", Self.command, "-o", sealed).status == 0)
        #expect(String(decoding: bytes(sealed).prefix(60), as: UTF8.self).contains(" 18\n"), "age's default work factor")

        // age reads passphrases only from a terminal: pexpect types them.
        let decrypt = """
            child = pexpect.spawn(sys.argv[1], ['-d', '-o', sys.argv[3], sys.argv[4]], timeout=60)
            child.expect('passphrase')
            child.sendline(sys.argv[2])
            child.expect(pexpect.EOF)
            child.close()
            print('status=%s' % child.exitstatus)
            """
        guard let opened = pexpect(decrypt, [Self.age!, Self.passphrase, folder + "/decrypted", sealed]) else { return }
        #expect(opened.stdout.contains("status=0"), "\(opened.stdout)")
        let decrypted = bytes(folder + "/decrypted")
        let afterHeader = { (bytes: [UInt8]) in Array(bytes.drop { $0 != 0x0A }) }
        #expect(decrypted.starts(with: Array(#"{"format":"isojournal-snapshot","snapshotVersion":1"#.utf8)))
        #expect(afterHeader(decrypted) == afterHeader(bytes(plainSnapshot)), "the plaintext is today's snapshot format")
        let readPlain = journal.run("show", "--snapshot", folder + "/decrypted")
        #expect(readPlain.status == 0 && readPlain.stdout == journal.run("show").stdout)

        let encrypt = """
            child = pexpect.spawn(sys.argv[1], ['-p', '-o', sys.argv[3], sys.argv[4]], timeout=60)
            for _ in range(2):
                child.expect('passphrase')
                child.sendline(sys.argv[2])
            child.expect(pexpect.EOF)
            child.close()
            print('status=%s' % child.exitstatus)
            """
        let byAge = folder + "/by-age.age"
        let made = try #require(pexpect(encrypt, [Self.age!, Self.passphrase, byAge, plainSnapshot]))
        #expect(made.stdout.contains("status=0"), "\(made.stdout)")
        let shown = journal.run("show", "--snapshot", byAge, "--passphrase-command", Self.command)
        #expect(shown.status == 0 && shown.stdout == journal.run("show").stdout, "\(shown.stderr)")
        let viewed = PlainPty.run(["view", "--plain", "--snapshot", byAge], steps: [
            .expect("Passphrase for"), .send(Self.passphrase), .expect("Choose a number"), .send("q"), .expect("Goodbye"),
        ], environment: journal.environment.merging(["TERM": "xterm-256color"]) { $1 })
        #expect(viewed.status == 0, "\(viewed.problem ?? "") \(viewed.text)")
        #expect(viewed.text.contains("decrypted"), "\(viewed.text)")
    }
}
