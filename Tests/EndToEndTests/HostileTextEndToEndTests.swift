import Foundation
import Testing

/// One hostile note through every human-readable output: nothing in it may reach the terminal
/// as a control (title, clipboard, fake lines, reordering) or a viewer as live HTML.
@Suite("End to end: hostile text")
struct HostileTextEndToEndTests {
    static let hostile = "ok\u{1B}]0;pwned\u{07}\u{1B}]52;c;ZXZpbA==\u{07}\rFAKE LINE\nSaved: nothing\u{9B}31m"
        + "\u{202E}live\u{2066}<script>alert(1)</script><img src=x onerror=alert(1)>[link](http://x)\u{7F}\u{08}"

    @Test("show, report md/html/csv on standard output and in files, log medicine, check and an error message")
    func everyOutput() throws {
        let journal = TemporaryJournal()
        let start = ISO8601DateFormatter.string(from: Date() - 20 * 86_400, timeZone: TimeZone(identifier: "UTC")!,
                                                formatOptions: [.withFullDate])
        #expect(journal.run("course", "set", "--start", start, "--weight", "61", "--dose", "20+20",
                            "--category", "cannot-get-pregnant").status == 0)
        #expect(journal.run("log", "symptom", "other", "2", "--note", Self.hostile).status == 0)
        let medicine = journal.run("log", "medicine", Self.hostile)
        #expect(medicine.status == 0, "\(medicine.stderr)")
        #expect(journal.run("checklist", "add", Self.hostile).status == 0)
        // A stop event and a decision whose words are hostile: the report's course-state section,
        // the history lines and status carry them too.
        #expect(journal.run("log", "red-flag", "hearing").status == 0)
        #expect(journal.run("course", "decision", "pause", "--by", Self.hostile, "--note", Self.hostile).status == 0)
        let folder = URL(fileURLWithPath: journal.directory).deletingLastPathComponent().path

        var outputs: [(String, Subprocess.Result)] = [("log medicine", medicine)]
        outputs.append(("show", journal.run("show")))
        for format in ["md", "html", "csv"] {
            outputs.append(("report \(format)", journal.run("report", "--format", format)))
            #expect(journal.run("report", "--format", format, "-o", folder + "/report.\(format)").status == 0)
        }
        outputs.append(("checklist", journal.run("checklist")))
        outputs.append(("status", journal.run("status")))
        outputs.append(("unknown symptom", journal.run("log", "symptom", Self.hostile, "1")))
        outputs.append(("bad output path", journal.run("report", "-o", folder + "/" + Self.hostile + "/x")))
        // A damaged line holding the hostile text: `check` names it without printing it raw.
        let handle = try #require(FileHandle(forWritingAtPath: journal.directory + "/journal.jsonl"))
        handle.seekToEndOfFile()
        handle.write(Data((Self.hostile + "\n").utf8))
        handle.closeFile()
        outputs.append(("check", journal.run("check")))

        for (name, result) in outputs {
            #expect(!result.stdout.isEmpty || !result.stderr.isEmpty, "\(name) printed nothing")
            #expect(!Self.isDangerous(result.stdout), "\(name): \(result.stdout.debugDescription)")
            #expect(!Self.isDangerous(result.stderr), "\(name): \(result.stderr.debugDescription)")
            // HTML and CSV keep a note's line break as their formats do (inside an element, inside quotes).
            guard !["report html", "report csv"].contains(name) else { continue }
            #expect(!result.stdout.split(separator: "\n").contains { $0.hasPrefix("Saved: nothing") }, "\(name): \(result.stdout)")
        }
        #expect(outputs.first { $0.0 == "show" }!.1.stdout.contains("␛]0;pwned␇"))
        for format in ["md", "html"] {
            let text = try String(contentsOfFile: folder + "/report.\(format)", encoding: .utf8)
            for (name, result) in outputs where name == "report \(format)" {
                #expect(!Self.hasLiveHTML(result.stdout), "\(name)")
            }
            #expect(!Self.hasLiveHTML(text), "\(format) file: \(text)")
            #expect(text.contains("&lt;script&gt;"), "\(format)")
        }
        let markdown = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        #expect(!markdown.contains("[link](http://x)") && !Self.isDangerous(markdown))
    }

    static func hasLiveHTML(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.contains("<script") || lower.contains("<img")
    }

    /// A scalar a terminal could act on; LF (and CR LF, as in CSV) are the only line breaks allowed.
    static func isDangerous(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x0A: continue
            case 0x0D: if index + 1 >= scalars.count || scalars[index + 1] != "\n" { return true }
            case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
            default: continue
            }
        }
        return false
    }
}
