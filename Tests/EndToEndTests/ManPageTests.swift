import Foundation
import Testing

/// Resources/isojournal.1, as `man` shows it. It is written by scripts/generate-man.sh, which
/// turns every non-ASCII character into a roff escape (the generator on its own drops them).
@Suite("The manual page keeps its non-ASCII characters")
struct ManPageTests {
    static let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Resources/isojournal.1").path

    @Test("the page's source is ASCII: every other character is written as a roff escape")
    func sourceIsASCII() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.page))
        #expect(!bytes.isEmpty)
        let line = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first { !$0.allSatisfy(\.isASCII) }
        #expect(line == nil, "raw non-ASCII in: \(line ?? "")")
        #expect(!String(decoding: bytes, as: UTF8.self).contains("@@U+"), "a marker was left unconverted")
    }

    @Test("rendered for a UTF-8 terminal it reads 0–3, 1–366 and …")
    func rendered() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else {
            print("skipped: groff is not installed (apt-get install groff), so the page cannot be rendered")
            return
        }
        // -P-cbou: plain text, no escapes or overstriking; a wide line so nothing wraps mid-search.
        let result = Subprocess.run(["groff", "-mandoc", "-Tutf8", "-P-cbou", "-rLL=300n", Self.page],
                                    environment: ["LANG": "C.UTF-8"])
        #expect(result.status == 0, "\(result.stderr)")
        for text in ["on the 0–3 scale", "How many days ahead (1–366).", "morning, evening, … (default"] {
            #expect(result.stdout.contains(text), "'\(text)' missing from the rendered page")
        }
        #expect(!result.stdout.contains("(1366)") && !result.stdout.contains(" 03 scale"))
        #expect(result.stderr.isEmpty, "groff warned: \(result.stderr)")
    }
}
