import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Two real Syncthing instances on loopback sharing one folder: each instance's copy of the
/// folder is one simulated machine's IsoJournal data folder.
///
/// Nothing leaves the machine: the GUI/REST and the sync listener are on 127.0.0.1, each device
/// is given the other's address, and global and local discovery, relays, NAT traversal (and with
/// it STUN), usage reporting, crash reporting and upgrades are off.
final class SyncthingPair {
    /// Debian's `syncthing` (1.19 on Debian 12), when installed.
    static let path: String? = ["/usr/bin/syncthing", "/usr/local/bin/syncthing"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let folderID = "isojournal"

    /// One simulated machine: its Syncthing instance and its IsoJournal data and state folders.
    final class Machine {
        let name: String
        let home: String
        let dataDirectory: String
        let stateDirectory: String
        fileprivate(set) var deviceID = ""
        let guiPort: Int
        let listenPort: Int
        let apiKey: String
        fileprivate var process: RunningProcess?

        fileprivate init(name: String, root: String, guiPort: Int, listenPort: Int) {
            self.name = name
            home = root + "/\(name)/syncthing"
            dataDirectory = root + "/\(name)/journal"
            stateDirectory = root + "/\(name)/state"
            self.guiPort = guiPort
            self.listenPort = listenPort
            apiKey = "isoj-test-\(name)-" + UUID().uuidString
        }

        var environment: [String: String] {
            ["ISOJOURNAL_DATA_DIR": dataDirectory, "ISOJOURNAL_STATE_DIR": stateDirectory, "TZ": "UTC", "LANG": "C.UTF-8"]
        }

        /// Runs the real isojournal as this machine.
        func run(_ arguments: String...) -> Subprocess.Result {
            Subprocess.run([Binary.path] + arguments, environment: environment)
        }

        /// One REST call to this machine's Syncthing; nil when it did not answer.
        func rest(_ method: String, _ path: String, json: String? = nil) -> (status: Int, body: Data)? {
            LoopbackHTTP.request(method, port: guiPort, path: path, headers: ["X-API-Key": apiKey], body: json.map { Data($0.utf8) })
        }

        /// A REST call's JSON object, when it answered 200 with one.
        func restObject(_ path: String) -> [String: Any]? {
            guard let answer = rest("GET", path), answer.status == 200 else { return nil }
            return (try? JSONSerialization.jsonObject(with: answer.body)) as? [String: Any]
        }

        /// The journal's files in this machine's folder (not Syncthing's hidden marker and temporaries), name → bytes.
        var journalFiles: [String: Data] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dataDirectory)) ?? []
            var files: [String: Data] = [:]
            for name in names where name.hasPrefix("journal") {
                files[name] = FileManager.default.contents(atPath: dataDirectory + "/" + name)
            }
            return files
        }

        /// Every name in the folder, hidden ones included, sorted.
        var allNames: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dataDirectory)) ?? []).sorted() }
    }

    let root: String
    let a: Machine
    let b: Machine
    private(set) var log: [String] = []

    /// Prepares both homes (keys, device ids, config.xml). Throws a reason when that fails.
    init(syncthing: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("isoj-syncthing-\(UUID().uuidString)").path
        let ports = try LoopbackHTTP.freePorts(4)
        a = Machine(name: "a", root: root, guiPort: ports[0], listenPort: ports[1])
        b = Machine(name: "b", root: root, guiPort: ports[2], listenPort: ports[3])
        for machine in [a, b] {
            try FileManager.default.createDirectory(atPath: machine.home, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: machine.stateDirectory, withIntermediateDirectories: true)
            // The folder marker Syncthing looks for, so it never takes a missing folder for a deleted one.
            try FileManager.default.createDirectory(atPath: machine.dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try FileManager.default.createDirectory(atPath: machine.dataDirectory + "/.stfolder", withIntermediateDirectories: false)
            let generated = Subprocess.run([syncthing, "generate", "--home=\(machine.home)", "--no-default-folder"],
                                           environment: Self.environment)
            guard generated.status == 0 else { throw Failure("syncthing generate failed: \(generated.stdout)\(generated.stderr)") }
            let shown = Subprocess.run([syncthing, "serve", "--home=\(machine.home)", "--device-id"], environment: Self.environment)
            let id = shown.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            guard shown.status == 0, id.count > 50, !id.contains(" ") else { throw Failure("no device id: \(shown.stdout)\(shown.stderr)") }
            machine.deviceID = id
        }
        try config(for: a, other: b).write(toFile: a.home + "/config.xml", atomically: true, encoding: .utf8)
        try config(for: b, other: a).write(toFile: b.home + "/config.xml", atomically: true, encoding: .utf8)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: root)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ text: String) { description = text }
    }

    /// STMONITORED: Syncthing runs as one process (no monitor parent), so ending its pid ends it.
    /// STNOUPGRADE: never upgrades itself.
    private static let environment = ["STMONITORED": "1", "STNOUPGRADE": "1", "STNODEFAULTFOLDER": "1", "LANG": "C.UTF-8"]

    /// Only B dials (A knows B's device id, not its address): when both dial at once, Syncthing
    /// 1.19 dials from its listening port, so on loopback the two dials can meet as one TCP
    /// connection that both ends opened ("Failed to exchange Hello messages … i/o timeout"), and
    /// the pair stalls for 20 s or more before it reconnects.
    ///
    /// A whole config.xml. Options not written here take Syncthing's defaults, but a folder's do
    /// not: a field left out is zero, and maxConflicts 0 would make Syncthing drop the losing
    /// version of a file instead of keeping a conflict copy. So the folder states what a folder
    /// added in the GUI gets (maxConflicts 10, autoNormalize, 1 % disk kept free).
    private func config(for me: Machine, other: Machine) -> String {
        """
        <configuration version="36">
            <folder id="\(Self.folderID)" label="IsoJournal" path="\(me.dataDirectory)" type="sendreceive" rescanIntervalS="1" fsWatcherEnabled="true" fsWatcherDelayS="1" autoNormalize="true">
                <device id="\(me.deviceID)"></device>
                <device id="\(other.deviceID)"></device>
                <paused>false</paused>
                <maxConflicts>10</maxConflicts>
                <minDiskFree unit="%">1</minDiskFree>
            </folder>
            <device id="\(me.deviceID)" name="\(me.name)">
                <address>dynamic</address>
            </device>
            <device id="\(other.deviceID)" name="\(other.name)">
                <address>\(me === b ? "tcp://127.0.0.1:\(other.listenPort)" : "dynamic")</address>
            </device>
            <gui enabled="true" tls="false">
                <address>127.0.0.1:\(me.guiPort)</address>
                <apikey>\(me.apiKey)</apikey>
            </gui>
            <options>
                <listenAddress>tcp://127.0.0.1:\(me.listenPort)</listenAddress>
                <globalAnnounceEnabled>false</globalAnnounceEnabled>
                <localAnnounceEnabled>false</localAnnounceEnabled>
                <relaysEnabled>false</relaysEnabled>
                <natEnabled>false</natEnabled>
                <stunKeepaliveStartS>0</stunKeepaliveStartS>
                <stunKeepaliveMinS>0</stunKeepaliveMinS>
                <urAccepted>-1</urAccepted>
                <crashReportingEnabled>false</crashReportingEnabled>
                <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
                <startBrowser>false</startBrowser>
                <reconnectionIntervalS>1</reconnectionIntervalS>
                <restartOnWakeup>false</restartOnWakeup>
            </options>
        </configuration>
        """
    }

    /// Starts both instances and waits until each answers, sees the other connected and has
    /// scanned the folder. Throws a reason when that does not happen within `timeout` seconds.
    func start(syncthing: String, timeout: Double = 30) throws {
        let started = Date()
        for machine in [a, b] {
            guard let process = RunningProcess([syncthing, "serve", "--home=\(machine.home)", "--no-browser", "--no-restart",
                                                "--no-upgrade", "--no-default-folder", "--logflags=2"],
                                               environment: Self.environment) else {
                throw Failure("syncthing serve could not be started")
            }
            machine.process = process
            // A listens before its REST API answers; starting B only then spares B a failed first dial
            // and the seconds before it dials again.
            if machine === a {
                _ = waitUntil(timeout: timeout / 2) { process.hasEnded || a.rest("GET", "/rest/system/ping")?.status == 200 }
            }
        }
        let ready = waitUntil(timeout: timeout) {
            for machine in [a, b] where machine.process?.hasEnded ?? true { return true }
            return [(a, b), (b, a)].allSatisfy { me, other in
                guard let connections = me.restObject("/rest/system/connections")?["connections"] as? [String: Any],
                      let peer = connections[other.deviceID] as? [String: Any], peer["connected"] as? Bool == true else { return false }
                return me.restObject("/rest/db/status?folder=\(Self.folderID)")?["state"] as? String == "idle"
            }
        }
        for machine in [a, b] where machine.process?.hasEnded ?? true {
            throw Failure("syncthing (\(machine.name)) ended at start: \(machine.process?.stderr ?? "") \(machine.process?.stdout.suffix(2000) ?? "")")
        }
        guard ready else {
            throw Failure("the two syncthing instances were not connected and idle after \(Int(timeout)) s; "
                          + "a: \(a.process?.stdout.suffix(1500) ?? "") b: \(b.process?.stdout.suffix(1500) ?? "")")
        }
        note(String(format: "both instances connected and idle in %.1f s", Date().timeIntervalSince(started)))
    }

    /// Ends both instances: SIGTERM, then SIGKILL after 5 s. Safe to call more than once.
    func stop() {
        for machine in [a, b] {
            guard let process = machine.process else { continue }
            if !process.hasEnded {
                kill(process.pid, SIGTERM)
                let deadline = Date().addingTimeInterval(5)
                while !process.hasEnded, Date() < deadline { usleep(50_000) }
                if !process.hasEnded { kill(process.pid, SIGKILL) }
            }
            process.wait()
        }
    }

    /// Pauses or resumes the shared folder on both instances through the REST API, and waits
    /// until each reports the folder in that state.
    func setFolderPaused(_ paused: Bool, timeout: Double = 15) -> Bool {
        for machine in [a, b] {
            guard let answer = machine.rest("PATCH", "/rest/config/folders/\(Self.folderID)", json: "{\"paused\":\(paused)}"),
                  answer.status == 200 else { return false }
        }
        return waitUntil(timeout: timeout) {
            [a, b].allSatisfy { machine in
                let state = machine.restObject("/rest/db/status?folder=\(Self.folderID)")?["state"] as? String
                let connections = machine.restObject("/rest/system/connections")?["connections"] as? [String: Any]
                let other = machine === a ? b : a
                let connected = (connections?[other.deviceID] as? [String: Any])?["connected"] as? Bool == true
                // Syncthing 1.19 reports a paused folder's state as "" (it is not running); later ones say "paused".
                // A resumed folder may be scanning or syncing at once: waitForSameFiles waits for the rest.
                let configured = machine.restObject("/rest/config/folders/\(Self.folderID)")?["paused"] as? Bool
                let stopped = state == nil || state == "" || state == "paused"
                return paused ? configured == true && stopped : configured == false && !stopped && connected
            }
        }
    }

    /// Waits until both folders hold the same journal files with the same bytes, both instances
    /// are idle with nothing left to pull, and that has held for two polls in a row.
    func waitForSameFiles(timeout: Double = 25, _ label: String) -> Bool {
        let started = Date()
        var agreedOnce = false
        let done = waitUntil(timeout: timeout) {
            let same = !a.journalFiles.isEmpty && a.journalFiles == b.journalFiles && [a, b].allSatisfy { machine in
                guard let status = machine.restObject("/rest/db/status?folder=\(Self.folderID)") else { return false }
                return status["state"] as? String == "idle" && (status["needTotalItems"] as? Int ?? 1) == 0
            }
            defer { agreedOnce = same }
            return same && agreedOnce
        }
        note(String(format: "\(label): %@ in %.1f s", done ? "same files on both" : "NOT the same files", Date().timeIntervalSince(started)))
        return done
    }

    /// Each instance's folder state and connection, for a failure's message.
    var states: String {
        [a, b].map { machine in
            let other = machine === a ? b : a
            let status = machine.restObject("/rest/db/status?folder=\(Self.folderID)")
            let connections = machine.restObject("/rest/system/connections")?["connections"] as? [String: Any]
            let connected = (connections?[other.deviceID] as? [String: Any])?["connected"] as? Bool
            return "\(machine.name): state \(status?["state"] ?? "none"), need \(status?["needTotalItems"] ?? "?"), "
                + "pull errors \(status?["pullErrors"] ?? "?"), connected \(connected.map(String.init) ?? "?")"
        }.joined(separator: "; ")
    }

    /// A short description of both folders: each journal file's name, size and FNV-1a hash.
    var folderSummary: String {
        [a, b].map { machine in
            "\(machine.name): " + machine.journalFiles.sorted { $0.key < $1.key }
                .map { "\($0.key) \($0.value.count) B \(String(fnv1a($0.value), radix: 16))" }.joined(separator: ", ")
        }.joined(separator: "; ")
    }

    func note(_ text: String) {
        log.append(text)
        print("SYNCTHING: \(text)")
    }

    /// Polls `condition` every 200 ms until it holds or `timeout` seconds pass.
    func waitUntil(timeout: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if condition() { return true }
            if Date() >= deadline { return false }
            usleep(200_000)
        }
    }
}

private func fnv1a(_ data: Data) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
}

/// A minimal HTTP/1.0 client for a server on 127.0.0.1 (Syncthing's REST API): one request per
/// connection, the whole answer read until the server closes it, so no chunked bodies.
enum LoopbackHTTP {
    static func request(_ method: String, port: Int, path: String, headers: [String: String], body: Data?) -> (status: Int, body: Data)? {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { return nil }
        defer { close(socketFD) }
        var limit = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socketFD, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        var head = "\(method) \(path) HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n" }
        head += "\r\n"
        var outgoing = Data(head.utf8)
        if let body { outgoing.append(body) }
        let sent = outgoing.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = send(socketFD, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return false }
                offset += n
            }
            return true
        }
        guard sent else { return nil }
        var answer = Data()
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = recv(socketFD, &buffer, buffer.count, 0)
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { break }
            answer.append(contentsOf: buffer[0..<n])
        }
        guard let split = answer.range(of: Data("\r\n\r\n".utf8)),
              let statusLine = String(data: answer[..<split.lowerBound], encoding: .utf8)?.split(separator: "\r\n").first,
              let code = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        return (code, Data(answer[split.upperBound...]))
    }

    /// `count` distinct TCP ports free on 127.0.0.1 now (each asked of the kernel with port 0).
    static func freePorts(_ count: Int) throws -> [Int] {
        var sockets: [Int32] = []
        defer { sockets.forEach { close($0) } }
        var ports: [Int] = []
        for _ in 0..<count {
            let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard socketFD >= 0 else { throw SyncthingPair.Failure("no socket for a free port") }
            sockets.append(socketFD)
            var address = loopback(port: 0)
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(socketFD, $0, length) == 0 && getsockname(socketFD, $0, &length) == 0
                }
            }
            guard bound else { throw SyncthingPair.Failure("could not bind 127.0.0.1:0") }
            ports.append(Int(UInt16(bigEndian: address.sin_port)))
        }
        return ports
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        return address
    }
}
