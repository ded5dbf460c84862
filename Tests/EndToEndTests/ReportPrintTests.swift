import Foundation
import Testing

/// The HTML visit report printed by a real browser: at most two pages, on A4 and on Letter,
/// for any single course month of a long course and of a ten-year journal.
@Suite("End to end: the visit report printed to PDF", .serialized)
struct ReportPrintTests {
    /// A headless Chromium on this machine, if one is installed.
    static let chromium: String? = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { name -> String? in
        let found = Subprocess.run(["/bin/sh", "-c", "command -v \(name)"])
        let path = found.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return found.status == 0 && !path.isEmpty ? path : nil
    }.first

    /// Prints `html` to PDF on `paper` and returns the number of pages.
    static func pages(_ html: String, paper: String, scratch: String) throws -> Int {
        let page = scratch + "/print-\(paper).html", pdf = scratch + "/print-\(paper).pdf"
        let sized = html.replacingOccurrences(of: "</head>", with: "<style>@page { size: \(paper); }</style></head>")
        try Data(sized.utf8).write(to: URL(fileURLWithPath: page))
        try? FileManager.default.removeItem(atPath: pdf)
        let printed = Subprocess.run([chromium!, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                      "--user-data-dir=" + scratch + "/chromium-profile", "--print-to-pdf=" + pdf, "file://" + page])
        let bytes = try #require(FileManager.default.contents(atPath: pdf), "Chromium printed nothing: \(printed.stderr)")
        // Each page object in the PDF is "/Type /Page" (the page tree is "/Type /Pages").
        let text = String(decoding: bytes, as: UTF8.self)
        return try #require(try? Regex("/Type\\s*/Page(?!s)")).map { text.matches(of: $0).count } ?? 0
    }

    @Test("course month 1 and 6 of a 3,650-entry course, the current month of 50,000 entries: at most two pages on A4 and Letter",
          .enabled(if: ReportPrintTests.chromium != nil,
                   "no headless Chromium here (Debian: apt-get install chromium), so the printed page count is not checked"))
    func atMostTwoPages() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("isoj-print-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let env = ["TZ": "UTC", "LANG": "C.UTF-8", "HOME": scratch]
        for size in [3650, 50_000] {
            let folder = scratch + "/journal-\(size)"
            let made = Subprocess.run([Binary.path, "bench", "generate", "--entries", "\(size)", "--data-dir", folder], environment: env)
            #expect(made.status == 0, "\(made.stderr)")
            // Month 1 and 6 of a course still short of its target; ten years: a month long past it.
            let periods: [[String]] = size == 3650 ? [["--month", "1"], ["--month", "6"]] : [[]]
            for period in periods {
                let report = Subprocess.run([Binary.path, "report", "--format", "html", "--data-dir", folder] + period, environment: env)
                #expect(report.status == 0, "\(report.stderr)")
                for paper in ["A4", "Letter"] {
                    let count = try Self.pages(report.stdout, paper: paper, scratch: scratch)
                    print("report of \(size) entries \(period.isEmpty ? "current course month" : period.joined(separator: " ")) on \(paper): \(count) pages")
                    #expect((1...2).contains(count), "\(size) entries, \(period), \(paper): \(count) pages")
                }
            }
        }
    }
}
