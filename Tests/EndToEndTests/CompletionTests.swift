import Foundation
import Testing

/// The shell completion scripts the binary writes (`--generate-completion-script`), used as a
/// shell would use them. The names offered come from the catalogues, so the expectations
/// below are the catalogues' names.
@Suite("Shell completion: bash, zsh, fish")
struct CompletionTests {
    let scratch = TemporaryJournal()

    func script(for shell: String) throws -> String {
        let result = Subprocess.run([Binary.path, "--generate-completion-script", shell])
        try #require(result.status == 0, "\(result.stderr)")
        let folder = URL(fileURLWithPath: scratch.directory).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("isojournal.\(shell)").path
        try result.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// What bash offers for `line` (the cursor at its end): the script is sourced and its
    /// completion function called with COMP_WORDS/COMP_CWORD set, as readline would.
    func bashOffers(_ line: String, script: String) -> [String] {
        let harness = """
            source "$1"
            COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
            read -r -a COMP_WORDS <<< "$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMPREPLY=()
            _isojournal isojournal "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" 2>/dev/null
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = Subprocess.run(["bash", "-c", harness, "harness", script, line])
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test("bash offers subcommands, symptom and red-flag names, lab tests, units, rule sets, intake slots and paths")
    func bash() throws {
        let file = try script(for: "bash")
        #expect(bashOffers("isojournal log symptom he", script: file) == ["headache"])
        #expect(bashOffers("isojournal lo", script: file) == ["log", "lock"])
        #expect(Set(bashOffers("isojournal log ", script: file)).isSuperset(of: ["symptom", "dose", "lab", "red-flag", "weight"]))
        #expect(bashOffers("isojournal log red-flag hea", script: file) == ["hearing"])
        #expect(bashOffers("isojournal log lab ", script: file) == ["triglycerides", "total-cholesterol", "ldl", "hdl", "alt", "ast", "pregnancy"])
        #expect(bashOffers("isojournal log lab triglycerides 6,2 --unit mm", script: file) == ["mmol/L"])
        #expect(bashOffers("isojournal lab withdraw tri", script: file) == ["triglycerides"])
        #expect(bashOffers("isojournal lab schedule preg", script: file) == ["pregnancy-test"])
        #expect(bashOffers("isojournal settings --rule-set us-", script: file) == ["us-ipledge-2021", "us-ipledge-2026"])
        #expect(bashOffers("isojournal log dose 20 --slot eve", script: file) == ["evening"])
        #expect(bashOffers("isojournal log weight 61 --unit ", script: file) == ["kg", "lb"])
        #expect(bashOffers("isojournal course decision ", script: file) == ["continue", "pause", "stop"])
        #expect(bashOffers("isojournal lab limits --set trig", script: file) == ["triglycerides-tell=", "triglycerides-promptly="])

        // Paths: a file and a folder in a scratch folder.
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder + "/visits", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder + "/visit-notes.txt", contents: Data())
        let outputs = bashOffers("isojournal report -o \(folder)/visi", script: file)
        #expect(Set(outputs) == [folder + "/visits", folder + "/visit-notes.txt"], "\(outputs)")
        #expect(bashOffers("isojournal show --data-dir \(folder)/visi", script: file) == [folder + "/visits"])
        #expect(bashOffers("isojournal status --snapshot \(folder)/visit-", script: file) == [folder + "/visit-notes.txt"])
        #expect(bashOffers("isojournal export snapshot -o \(folder)/visit-", script: file) == [folder + "/visit-notes.txt"])
    }

    @Test("zsh's script is valid zsh and lists the catalogue names")
    func zsh() throws {
        guard let zsh = Self.shell("zsh") else {
            print("skipped: zsh is not installed (apt-get install zsh), so its script is only generated")
            _ = try script(for: "zsh")
            return
        }
        let file = try script(for: "zsh")
        let checked = Subprocess.run([zsh, "-n", file])
        #expect(checked.status == 0, "\(checked.stderr)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        for name in ["headache", "triglycerides", "mmol/L", "us-ipledge-2026", "evening", "_files"] {
            #expect(text.contains(name), "\(name) not in the zsh script")
        }
    }

    @Test("fish's script is valid fish and completes a symptom name")
    func fish() throws {
        guard let fish = Self.shell("fish") else {
            print("skipped: fish is not installed (apt-get install fish), so its script is only generated")
            _ = try script(for: "fish")
            return
        }
        let file = try script(for: "fish")
        let checked = Subprocess.run([fish, "-n", file])
        #expect(checked.status == 0, "\(checked.stderr)")
        let home = URL(fileURLWithPath: file).deletingLastPathComponent().path
        let offered = Subprocess.run([fish, "--no-config", "-c", "source \(file); complete -C 'isojournal log symptom he'"],
                                     environment: ["HOME": home, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home])
        #expect(offered.stdout.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) ?? "" } == ["headache"],
                "\(offered.stdout) \(offered.stderr)")
    }

    static func shell(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
