import Foundation
import Glibc
import JournalCore

/// `isojournal encrypt` and `decrypt`: every journal file in the data folder converted in place.
///
/// Crash-safe by order, each step synced before the next:
/// 1. (encrypt) the folder is kept as device logs (format 2), converting a one-file journal;
/// 2. (encrypt) `journal.key` is written (a new file, synced, renamed into place) before any
///    sealed line exists, and (decrypt) removed only after no sealed line is left;
/// 3. each file is rewritten whole to a temporary file, synced and renamed over the old one.
/// A kill at any point leaves every file in its old form or its new one, and a reader opens
/// both (sealed and plain lines are told apart line by line); running the command again
/// finishes the job. Headers stay plain (they hold no health data); every record line, torn
/// tail, kept original and damaged copy is sealed.
public enum FolderEncryption {
    public struct Outcome: Sendable {
        public var filesRewritten = 0
        public var linesChanged = 0
        /// Files another machine is still writing or a sync tool still copying: their unfinished
        /// end was left as it was. Running the command again once they are whole finishes them.
        public var unfinishedFiles: [String] = []
        public var keyID = ""
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case store(StoreError)
        case key(KeyError)
        public var description: String {
            switch self {
            case .store(let error): return error.message
            case .key(let error): return error.message
            }
        }
    }

    /// Seals the journal in `directory` with a key made from `passphrase` (or, when a previous
    /// run was cut short, with the key already there, which the passphrase must unlock).
    public static func encrypt(directory: String, device: LocalDevice, passphrase: String,
                               logN: Int = JournalKey.defaultLogN) throws(Failure) -> Outcome {
        let layout = DataDirectory(path: directory)
        let keyPath = layout.file(JournalKey.fileName)
        // The working-set cache holds plain copies of records: gone before anything is sealed.
        WorkingSetFile.removeAll(in: layout, fileSystem: PosixFileSystem())
        let key: DataKey
        do {
            if let existing = FileManager.default.contents(atPath: keyPath) {
                key = try JournalKey.unlock(Array(existing), passphrase: passphrase)
            } else {
                // Plain and in device logs first: setting aside a torn tail, converting a one-file journal.
                let store = try JournalStore(directory: directory, mode: .readWrite, device: device)
                if let reason = store.readOnlyReason { throw StoreError.readOnly(file: store.journalPath, reason: reason) }
                if !store.hasDeviceLogs { _ = try store.convertToDeviceLogs() }
                let made = try JournalKey.create(passphrase: passphrase, logN: logN)
                try Disk.replaceWhole(made.fileBytes, at: keyPath, folder: layout.path)
                key = made.dataKey
            }
        } catch let error as StoreError {
            throw .store(error)
        } catch let error as KeyError {
            throw .key(error)
        } catch {
            throw .store(.notSaved(file: keyPath, cause: SystemError(EIO, call: "write")))
        }
        var outcome = try convertFiles(in: layout, device: device) { line, _ in
            SealedLine.isSealed(line) ? nil : SealedLine.seal(plaintextLine: line, key: key)
        }
        outcome.keyID = key.keyID
        return outcome
    }

    /// Opens every sealed line again and then removes `journal.key`.
    public static func decrypt(directory: String, device: LocalDevice, passphrase: String) throws(Failure) -> Outcome {
        let layout = DataDirectory(path: directory)
        let keyPath = layout.file(JournalKey.fileName)
        guard let existing = FileManager.default.contents(atPath: keyPath) else { return Outcome() }
        let key: DataKey
        do { key = try JournalKey.unlock(Array(existing), passphrase: passphrase) } catch { throw .key(error) }
        var refused: String?
        var outcome = try convertFiles(in: layout, device: device) { line, file in
            guard SealedLine.isSealed(line) else { return nil }
            do { return try SealedLine.open(line, key: key) } catch {
                refused = refused ?? "\(file): \(error)"
                return nil
            }
        }
        if let refused {
            // A line that does not open stays sealed, so the key must stay too.
            throw .store(.damaged(file: refused, line: 0, detail: "a line could not be opened; journal.key was kept"))
        }
        guard outcome.unfinishedFiles.isEmpty else { return outcome }
        do throws(StoreError) {
            let disk = Disk(fileSystem: PosixFileSystem(), activity: .saving)
            try disk.rename(keyPath, to: keyPath + ".removing", file: keyPath)
            try? PosixFileSystem().unlink(keyPath + ".removing")
            try disk.fsyncDirectory(layout.path, file: keyPath)
        } catch {
            throw .store(error)
        }
        outcome.keyID = key.keyID
        return outcome
    }

    /// Changes the passphrase: the data key is wrapped anew, so no log is rewritten.
    public static func changePassphrase(directory: String, old: String, new: String, logN: Int? = nil) throws(Failure) {
        let layout = DataDirectory(path: directory)
        let keyPath = layout.file(JournalKey.fileName)
        guard let existing = FileManager.default.contents(atPath: keyPath) else {
            throw .store(.readOnly(file: keyPath, reason: "the journal is not encrypted"))
        }
        do {
            let rewrapped = try JournalKey.rewrap(Array(existing), old: old, new: new, logN: logN)
            try Disk.replaceWhole(rewrapped, at: keyPath, folder: layout.path)
        } catch let error as KeyError {
            throw .key(error)
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .store(.notSaved(file: keyPath, cause: SystemError(EIO, call: "write")))
        }
    }

    /// The files that hold the person's words: logs and their conflict copies (header kept
    /// plain), and — sealed whole, line by line — kept originals, damaged copies, torn tails.
    private enum Kind { case log, wholeFile, tornTail }

    private static func kind(of name: String) -> Kind? {
        if name.contains(".tmp-") { return nil }
        if LogFileName(name) != nil { return .log }
        if name.hasPrefix("journal.jsonl.v1-") || name.hasPrefix("journal.jsonl.damaged-") { return .wholeFile }
        if name.hasPrefix(DataDirectory.tornPrefix) { return .tornTail }
        return nil
    }

    /// Rewrites every such file whose lines `change` changes (nil: leave the line), under this
    /// machine's lock so its other copies wait.
    private static func convertFiles(in layout: DataDirectory, device: LocalDevice,
                                     change: ([UInt8], String) -> [UInt8]?) throws(Failure) -> Outcome {
        let disk = Disk(fileSystem: PosixFileSystem(), activity: .saving)
        var outcome = Outcome()
        do throws(StoreError) {
            let lock = try JournalLock.acquire(path: layout.file(LogFileName.lock(device.id)), disk: disk, timeout: .seconds(10))
            defer { lock.release(disk: disk) }
            let names: [String]
            do { names = try PosixFileSystem().listDirectory(layout.path).sorted() } catch { throw disk.failure(layout.path, error) }
            // A rewrite cut short by a crash leaves its temporary file (plaintext, for an encrypt).
            for name in names where name.hasPrefix("journal.") && name.contains(".tmp-") {
                try? PosixFileSystem().unlink(layout.file(name))
            }
            for name in names {
                guard let kind = kind(of: name) else { continue }
                let path = layout.file(name)
                guard let status = try disk.statIfPresent(path), status.kind == .regular,
                      let data = FileManager.default.contents(atPath: path) else { continue }
                let bytes = Array(data)
                var output: [UInt8] = []
                var changed = 0
                if kind == .tornTail {
                    // One unfinished line, no "\n": sealed (or opened) as one piece.
                    if let new = change(bytes, path) { output = new; changed = 1 } else { continue }
                } else {
                    var start = 0
                    var lineNumber = 0
                    while start < bytes.count {
                        guard let end = bytes[start...].firstIndex(of: 0x0A) else {
                            output += bytes[start...] // an unfinished end stays as it is
                            outcome.unfinishedFiles.append(path)
                            break
                        }
                        lineNumber += 1
                        let line = Array(bytes[start..<end])
                        if kind == .log && lineNumber == 1, (try? JournalHeader.decodeLine(Data(line))) != nil {
                            output += line // the header stays readable: what the file is, which version
                        } else if let new = change(line, path) {
                            output += new
                            changed += 1
                        } else {
                            output += line
                        }
                        output.append(0x0A)
                        start = end + 1
                    }
                }
                guard changed > 0 else { continue }
                try Disk.replaceWhole(output, at: path, folder: layout.path)
                outcome.filesRewritten += 1
                outcome.linesChanged += changed
            }
        } catch {
            throw .store(error)
        }
        return outcome
    }
}
