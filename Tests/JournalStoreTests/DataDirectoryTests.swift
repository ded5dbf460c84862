import JournalCore
@testable import JournalStore
import Testing

@Suite("Where the journal lives")
struct DataDirectoryTests {
    @Test func explicitPathWinsOverEverything() throws {
        let env = ["ISOJOURNAL_DATA_DIR": "/env", "XDG_DATA_HOME": "/xdg", "HOME": "/home/p"]
        #expect(try DataDirectory.resolve(explicit: "/given/", environment: env) == "/given")
    }

    @Test func environmentVariableComesNext() throws {
        let env = ["ISOJOURNAL_DATA_DIR": "/env", "XDG_DATA_HOME": "/xdg", "HOME": "/home/p"]
        #expect(try DataDirectory.resolve(explicit: nil, environment: env) == "/env")
    }

    @Test func xdgDataHomeThenHome() throws {
        #expect(try DataDirectory.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/xdg/", "HOME": "/home/p"]) == "/xdg/isojournal")
        #expect(try DataDirectory.resolve(explicit: nil, environment: ["HOME": "/home/p"], accountHome: { "/elsewhere" }) == "/home/p/.local/share/isojournal")
    }

    @Test func emptyAndRelativeValuesAreSkipped() throws {
        let env = ["ISOJOURNAL_DATA_DIR": "", "XDG_DATA_HOME": "relative/data", "HOME": "/home/p"]
        #expect(try DataDirectory.resolve(explicit: "", environment: env) == "/home/p/.local/share/isojournal")
    }

    @Test func withoutHomeTheAccountsHomeFolderIsUsed() throws {
        #expect(try DataDirectory.resolve(explicit: nil, environment: [:], accountHome: { "/home/q" })
                == "/home/q/.local/share/isojournal")
    }

    @Test func nowhereToGoIsAClearError() {
        #expect(throws: StoreError.noDataFolder) {
            try DataDirectory.resolve(explicit: nil, environment: ["HOME": ""], accountHome: { nil })
        }
        #expect(StoreError.noDataFolder.message.contains("ISOJOURNAL_DATA_DIR"))
    }

    @Test func fileNames() {
        let folder = DataDirectory(path: "/d")
        #expect(folder.journalPath == "/d/journal.jsonl")
        #expect(folder.lockPath == "/d/journal.lock")
        #expect(folder.tornPath(at: Sample.time, attempt: 1) == "/d/journal.torn-20261126T221005Z")
        #expect(folder.tornPath(at: Sample.time, attempt: 2) == "/d/journal.torn-20261126T221005Z-2")
        #expect(folder.newTempPath().hasPrefix("/d/journal.jsonl.tmp-"))
        #expect(folder.newTempPath() != folder.newTempPath())
    }
}
