// swift-tools-version: 6.0
//
// Layers (arrows point down only):
//   isojournal -> JournalUI -> JournalCore, TerminalCanvas
//   isojournal -> TerminalBackend -> TerminalCanvas (Canvas, Style, Key: no journal in the backend)
//   isojournal -> JournalStore -> JournalCore
//   JournalCore -> JournalResources (the embedded rule and catalogue files)
//   JournalCore, JournalStore -> swift-crypto (SHA-256; age snapshots: HKDF, HMAC, ChaCha20-Poly1305, scrypt)
import PackageDescription

let package = Package(
    name: "IsoJournal",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "isojournal", targets: ["isojournal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SHA-256, HKDF, HMAC and ChaCha20-Poly1305 (Crypto) and scrypt (_CryptoExtras), for
        // snapshots (age) and encryption at rest: reviewed, constant-time code instead of our own.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        // Data files under Resources/, compiled into the binary so an installed copy needs no bundle.
        .target(
            name: "JournalResources",
            path: "Resources",
            exclude: ["README.md", "isojournal.1", "schemas"],
            sources: ["EmbeddedResources.swift"],
            resources: [
                .embedInCode("symptoms.json"),
                .embedInCode("red-flags.json"),
                .embedInCode("lab-flags.json"),
                .embedInCode("interactions.json"),
                .embedInCode("programme-rules.json"),
                .embedInCode("phq.json"),
                .embedInCode("course-holds.json"),
                .embedInCode("fhir-codes.json"),
            ]
        ),
        .target(
            name: "JournalCore",
            dependencies: ["JournalResources", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The kernel keyring, where an unlocked journal key is kept for a while (like sudo's timestamp).
        .target(name: "CKeyring"),
        .target(
            name: "JournalStore",
            dependencies: [
                "JournalCore", "CKeyring",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(name: "TerminalCanvas"),
        .target(name: "JournalUI", dependencies: ["JournalCore", "TerminalCanvas"]),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "TerminalBackend", dependencies: ["TerminalCanvas", "CNcursesw"]),
        .executableTarget(
            name: "isojournal",
            dependencies: [
                "JournalCore", "JournalStore", "JournalUI", "TerminalBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "JournalCoreTests", dependencies: ["JournalCore"]),
        .testTarget(name: "JournalStoreTests", dependencies: ["JournalStore", "JournalCore"]),
        .testTarget(name: "JournalUITests", dependencies: ["JournalUI", "JournalCore"]),
        .testTarget(name: "TerminalCanvasTests", dependencies: ["TerminalCanvas"]),
        .testTarget(name: "TerminalBackendTests", dependencies: ["TerminalBackend", "TerminalCanvas", "CNcursesw"]),
        // Depends on the executable so a filtered `swift test` always builds the binary it drives.
        .testTarget(name: "EndToEndTests", dependencies: ["JournalCore", "TerminalCanvas", "isojournal"]),
    ],
    swiftLanguageModes: [.v6]
)
