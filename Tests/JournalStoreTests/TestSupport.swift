import Foundation
import Glibc
import JournalCore
@testable import JournalStore

/// A fresh private folder (mkdtemp makes it 0700 whatever the umask), removed afterwards.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) rethrows -> T {
    var template = Array("/tmp/isojournal-store-test-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("mkdtemp failed: errno \(errno)") }
    let path = String(cString: made)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// The bytes of a file, or nil if it does not exist.
func fileBytes(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
}

func writeFile(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o600) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
    precondition(fd >= 0, "open \(path) failed: errno \(errno)")
    bytes.withUnsafeBytes { precondition(write(fd, $0.baseAddress, $0.count) == $0.count) }
    close(fd)
}

func appendFile(_ path: String, _ bytes: [UInt8]) {
    let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
    precondition(fd >= 0)
    bytes.withUnsafeBytes { precondition(write(fd, $0.baseAddress, $0.count) == $0.count) }
    close(fd)
}

func permissions(_ path: String) -> UInt32? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return UInt32(info.st_mode & 0o7777)
}

func directoryNames(_ path: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
}

func lines(_ bytes: [UInt8]) -> [String] {
    String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

/// Runs `body` and returns the StoreError it threw (nil if it threw nothing or something else).
func storeError(_ body: () throws -> Void) -> StoreError? {
    do {
        try body()
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        return nil
    }
}

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    var now: Date
    init(_ now: Date = Sample.time) { self.now = now }
    func read() -> Date { now }
    func advance(_ seconds: TimeInterval) { now += seconds }
}

enum Sample {
    static let day = LocalDate(year: 2026, month: 11, day: 26)!
    /// 2026-11-26T22:10:05Z, with a fraction the file cannot hold (it keeps whole seconds).
    static let time = Date(timeIntervalSince1970: 1_795_731_005.25)

    static func symptom(_ slug: String = "dry-lips", grade: Int = 2, note: String? = nil,
                        day: LocalDate = Sample.day) -> JournalChange {
        .put(SymptomRating.entryID(day: day, symptom: slug), day: day,
             body: .symptom(SymptomRating(symptom: slug, grade: grade, note: note)))
    }

    static func redFlag(_ flag: String = "mood-self-harm", acknowledged: Date? = Sample.time,
                        day: LocalDate = Sample.day) -> JournalChange {
        .put(id: RedFlagReport.entryID(day: day, flag: flag), day: day,
             occurredAt: Date(timeIntervalSince1970: 1_795_700_000), occurredOffsetSeconds: 3600,
             body: .redFlag(RedFlagReport(flag: flag, noticeShown: "Call your doctor today.\nOr 112.",
                                          acknowledgedAt: acknowledged)),
             reason: nil)
    }

    /// A journal of every kind: symptoms (one corrected), a red flag with a time and offset,
    /// a retraction, and non-ASCII text.
    static let mixedChanges: [[JournalChange]] = [
        [symptom("dry-lips", grade: 1, note: "Lips \"cracked\" — ça pique 🙁")],
        [redFlag()],
        [symptom("dry-lips", grade: 3, note: nil), symptom("nosebleed", grade: 1)],
        [.retract(id: SymptomRating.entryID(day: day, symptom: "nosebleed"), day: day, reason: "logged by mistake")],
    ]

    /// An entry line of a kind only a newer IsoJournal knows, with fields this one does not know.
    static let futureLine = Array(#"{"id":"lab-2026-11-26-alt","rev":1,"kind":"lab-panel","recordedAt":"2026-11-26T22:11:00Z","day":"2026-11-26","data":{"test":"ALT","value":31.5,"unit":"U/L"},"labSite":"north"}"#.utf8) + [0x0A]

    /// Writes the mixed journal through a store and returns its bytes.
    @discardableResult
    static func writeMixedJournal(in directory: String, clock: TestClock = TestClock()) throws -> [UInt8] {
        let store = try JournalStore(directory: directory, clock: clock.read)
        for batch in mixedChanges {
            try store.record(batch)
            clock.advance(61)
        }
        return fileBytes(store.journalPath)!
    }
}

/// Wraps the real file system and fails the Nth call (counted from `arm`), once or from then
/// on, with a chosen errno. It can also write in small pieces and interrupt writes (EINTR).
final class FaultyFileSystem: FileSystem {
    enum Pattern: CustomStringConvertible {
        case once, fromThenOn
        var description: String { self == .once ? "once" : "from then on" }
    }

    private let real = PosixFileSystem()
    private var isArmed = false
    private var failAt: Int?
    private var pattern = Pattern.once
    private var code: Int32 = EIO
    private(set) var calls: [String] = []
    /// Write at most this many bytes per call (a short write), when set.
    var writeLimit: Int?
    /// Fail every other write with EINTR before writing anything.
    var interruptWrites = false
    /// An errno for opening this path with these flags, to refuse particular files (even unarmed).
    var refuseOpen: ((_ path: String, _ flags: Int32) -> Int32?)?
    private var writeCount = 0
    /// What a power cut right now could still lose (see `unsyncedWork`).
    private var openFiles: [Int32: (path: String, isDirectory: Bool)] = [:]
    private var unsyncedFiles: Set<String> = []
    private var unsyncedFolders: Set<String> = []

    /// Data written (or a file cut) but not yet fsynced, by path, and folders with a rename not
    /// yet fsynced. Empty whenever the store may say "saved": anything left would be lost by a
    /// power cut even though the person was told it was kept.
    var unsyncedWork: [String] {
        unsyncedFiles.sorted().map { "unsynced data in \($0)" } + unsyncedFolders.sorted().map { "unsynced rename in \($0)" }
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    func arm(failAt: Int?, pattern: Pattern = .once, errno code: Int32 = EIO) {
        calls = []
        isArmed = true
        self.failAt = failAt
        self.pattern = pattern
        self.code = code
    }

    func disarm() { isArmed = false }

    private func check(_ call: String) throws(SystemError) {
        guard isArmed else { return }
        calls.append(call)
        guard let failAt else { return }
        if calls.count == failAt || (pattern == .fromThenOn && calls.count > failAt) {
            throw SystemError(code, call: call)
        }
    }

    func open(_ path: String, flags: Int32, mode: UInt32) throws(SystemError) -> Int32 {
        try check("open")
        if let code = refuseOpen?(path, flags) { throw SystemError(code, call: "open") }
        let fd = try real.open(path, flags: flags, mode: mode)
        openFiles[fd] = (path, flags & O_DIRECTORY != 0)
        return fd
    }
    func close(_ fd: Int32) throws(SystemError) {
        // Like Linux: the descriptor is gone even when close reports an error.
        defer { openFiles[fd] = nil }
        do { try check("close") } catch { try? real.close(fd); throw error }
        try real.close(fd)
    }
    func read(_ fd: Int32, count: Int, at offset: Int) throws(SystemError) -> [UInt8] {
        try check("read"); return try real.read(fd, count: count, at: offset)
    }
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemError) -> Int {
        try check("write")
        writeCount += 1
        if interruptWrites && writeCount % 2 == 1 { throw SystemError(EINTR, call: "write") }
        let limit = min(bytes.count, writeLimit ?? bytes.count)
        let written = try real.write(fd, UnsafeRawBufferPointer(rebasing: bytes[0..<limit]))
        if written > 0, let file = openFiles[fd] { unsyncedFiles.insert(file.path) }
        return written
    }
    func fsync(_ fd: Int32) throws(SystemError) {
        try check("fsync")
        try real.fsync(fd)
        guard let file = openFiles[fd] else { return }
        if file.isDirectory { unsyncedFolders.remove(file.path) } else { unsyncedFiles.remove(file.path) }
    }
    func ftruncate(_ fd: Int32, size: Int) throws(SystemError) {
        try check("ftruncate")
        try real.ftruncate(fd, size: size)
        if let file = openFiles[fd] { unsyncedFiles.insert(file.path) }
    }
    func fstat(_ fd: Int32) throws(SystemError) -> FileStatus { try check("fstat"); return try real.fstat(fd) }
    func stat(_ path: String) throws(SystemError) -> FileStatus { try check("stat"); return try real.stat(path) }
    func lstat(_ path: String) throws(SystemError) -> FileStatus { try check("lstat"); return try real.lstat(path) }
    func fchmod(_ fd: Int32, mode: UInt32) throws(SystemError) { try check("fchmod"); try real.fchmod(fd, mode: mode) }
    func chmod(_ path: String, mode: UInt32) throws(SystemError) { try check("chmod"); try real.chmod(path, mode: mode) }
    func mkdir(_ path: String, mode: UInt32) throws(SystemError) { try check("mkdir"); try real.mkdir(path, mode: mode) }
    func rename(_ from: String, to: String) throws(SystemError) {
        try check("rename")
        try real.rename(from, to: to)
        if unsyncedFiles.remove(from) != nil { unsyncedFiles.insert(to) }
        unsyncedFolders.insert(Self.folder(of: to))
    }
    func unlink(_ path: String) throws(SystemError) {
        try check("unlink")
        try real.unlink(path)
        unsyncedFiles.remove(path)
    }
    func listDirectory(_ path: String) throws(SystemError) -> [String] {
        try check("listDirectory"); return try real.listDirectory(path)
    }
    func tryLockExclusive(_ fd: Int32) throws(SystemError) -> Bool {
        try check("tryLockExclusive"); return try real.tryLockExclusive(fd)
    }
    func unlock(_ fd: Int32) throws(SystemError) { try check("unlock"); try real.unlock(fd) }
}

/// The lines of every ```<fence> block in FORMAT.md (the file format's public examples).
func formatDocumentLines(fence: String) throws -> [String] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("FORMAT.md")
    var lines: [String] = []
    var inside = false
    for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
        if line == "```" + fence { inside = true } else if line == "```" { inside = false } else if inside { lines.append(String(line)) }
    }
    return lines
}
