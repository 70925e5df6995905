// swift-tools-version:6.0
import PackageDescription

// Layers, lowest first. A module only imports modules above it in this list:
//   VoiceCloneVault    files, front matter, scanner, atomic writes, locks
//   VoiceCloneHTTP     one libcurl wrapper shared by URL import and language-model providers
//   VoiceCloneImport   PDF / DOCX / EPUB / HTML / URL -> Markdown
//   VoiceCloneAnalysis tokens, features, readability, Voice DNA
//   VoiceCloneVoice    attribution, detection, merge, generation, providers
//   VoiceCloneHistory  libgit2: commits, log, remotes, sync
//   VoiceCloneKit      the typed API the CLI calls: one vault session, every command's behaviour
//   VoiceCloneServer   `voiceclone serve`: the local REST API over Kit (Hummingbird)
//   voiceclone         argument parsing and printing only
let package = Package(
    name: "VoiceClone",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "voiceclone", targets: ["voiceclone"]),
        .library(name: "VoiceCloneKit", targets: ["VoiceCloneKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // C libraries, each behind a shim header; only one Swift file per library touches them.
        .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(name: "CZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),

        .target(
            name: "VoiceCloneVault",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "VoiceCloneHTTP", dependencies: ["CCurl"]),
        .target(
            name: "VoiceCloneImport",
            dependencies: ["VoiceCloneVault", "VoiceCloneHTTP", "CXML2", "CPoppler", "CZip"]
        ),
        .target(
            name: "VoiceCloneAnalysis",
            dependencies: ["VoiceCloneVault"],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "VoiceCloneVoice",
            dependencies: [
                "VoiceCloneVault", "VoiceCloneAnalysis", "VoiceCloneHTTP",
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(name: "VoiceCloneHistory", dependencies: ["VoiceCloneVault", "CGit2"]),
        .target(
            name: "VoiceCloneKit",
            dependencies: [
                "VoiceCloneVault", "VoiceCloneImport", "VoiceCloneAnalysis",
                "VoiceCloneVoice", "VoiceCloneHistory",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "VoiceCloneServer",
            dependencies: [
                "VoiceCloneKit", "VoiceCloneVault", "VoiceCloneAnalysis", "VoiceCloneVoice",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "voiceclone",
            dependencies: [
                // The CLI calls Kit; it names Vault, Analysis and Voice types only to print them.
                "VoiceCloneKit", "VoiceCloneVault", "VoiceCloneAnalysis", "VoiceCloneVoice",
                "VoiceCloneServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "voiceclone-bench", dependencies: ["VoiceCloneKit", "VoiceCloneVoice", "VoiceCloneTestSupport"]),

        // Shared by the test targets: temporary vaults and a loopback HTTP server.
        .target(name: "VoiceCloneTestSupport", dependencies: ["VoiceCloneKit", "CZip"], path: "Tests/Support"),
        .testTarget(name: "VoiceCloneVaultTests", dependencies: ["VoiceCloneVault", "VoiceCloneTestSupport"]),
        .testTarget(name: "VoiceCloneHTTPTests", dependencies: ["VoiceCloneHTTP", "VoiceCloneTestSupport"]),
        .testTarget(name: "VoiceCloneImportTests", dependencies: ["VoiceCloneImport", "VoiceCloneTestSupport"]),
        .testTarget(name: "VoiceCloneAnalysisTests", dependencies: ["VoiceCloneAnalysis", "VoiceCloneTestSupport"]),
        .testTarget(name: "VoiceCloneVoiceTests", dependencies: ["VoiceCloneVoice", "VoiceCloneTestSupport"]),
        .testTarget(name: "VoiceCloneHistoryTests", dependencies: ["VoiceCloneHistory", "VoiceCloneTestSupport"]),
        .testTarget(name: "VoiceCloneKitTests", dependencies: ["VoiceCloneKit", "VoiceCloneTestSupport"]),
        .testTarget(name: "VoiceCloneCLITests", dependencies: ["voiceclone", "VoiceCloneTestSupport"]),
        .testTarget(name: "VoiceCloneServerTests", dependencies: ["VoiceCloneServer", "VoiceCloneTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
