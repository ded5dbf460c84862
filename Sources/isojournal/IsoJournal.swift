import ArgumentParser
import Foundation

@main
struct IsoJournal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isojournal",
        abstract: "A private journal for an isotretinoin course: symptoms, red flags, doses, labs, the monthly checklist and reminders.",
        discussion: """
            Run with no command to open the interactive journal. The journal records and flags; \
            it never tells anyone to change a dose. Your prescriber decides.
            """,
        version: "0.1.0",
        subcommands: [OpenCommand.self, LogCommand.self, ShowCommand.self, CourseCommand.self, StatusCommand.self,
                      CheckCommand.self, RepairCommand.self, LabCommand.self, LabsCommand.self, ChecklistCommand.self, SettingsCommand.self, RemindCommand.self, ExportCommand.self, BenchCommand.self,
                      ViewCommand.self, ReportCommand.self, SyncCommand.self, EncryptCommand.self, DecryptCommand.self, PassphraseCommand.self, LockCommand.self, DemoCommand.self],
        defaultSubcommand: OpenCommand.self
    )

    /// Like ArgumentParser's own `main`, but a command line it cannot parse is "bad input":
    /// one line on standard error and exit code 2, the same as a bad value caught later; and
    /// `--data-dir`/`--snapshot` may come before the command words (`GlobalOptions`).
    static func main() {
        do {
            var command = try parseAsRoot(GlobalOptions.hoisted(Array(CommandLine.arguments.dropFirst()), root: IsoJournal.self))
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let firstLine = message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid command line"
                StandardOutput.warn("\(firstLine) (see --help)")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
