// swift-tools-version:6.0
import PackageDescription

// Layers, lowest first. A module only imports modules above it in this list:
//   VoiceCloneText     what every layer shares: word count, front-matter split, UTF-8 check, content/source types, dates
//   VoiceCloneVault    files, front matter, scanner, atomic writes, locks
//   VoiceCloneGrammar  one link-grammar wrapper: does a sentence link completely (full sentence vs fragment)
//   VoiceCloneHTTP     one libcurl wrapper shared by URL import and language-model providers
//   VoiceCloneImport   PDF / DOCX / EPUB / HTML / URL -> Markdown
//   VoiceCloneAnalysis tokens, features, readability, Voice DNA, blending DNA (merge)
//   VoiceCloneAttribution  who wrote a text: style features, Delta distances, calibration, match
//   VoiceCloneDetection    AI-likeness: signals, word lists, fitted model, sentence flags
//   VoiceCloneGeneration   local engine, platforms, copy guard, style targets, the provider protocol
//   VoiceCloneProviders    OpenAI, Anthropic, OpenAI-compatible over HTTP; prompts and rewrite guidance
//   VoiceCloneRewrite      moving a draft toward a voice, offline or through a provider
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
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // C libraries, each behind a shim header; only one Swift file per library touches them, with
        // `internal import`, so the compiler keeps C types out of every public API.
        .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(name: "CZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(
            name: "CLinkGrammar", pkgConfig: "link-grammar", providers: [.apt(["liblink-grammar-dev", "link-grammar"])]),

        .target(name: "VoiceCloneText"),
        .target(
            name: "VoiceCloneVault",
            dependencies: [
                "VoiceCloneText",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "VoiceCloneHTTP", dependencies: ["CCurl"]),
        .target(name: "VoiceCloneGrammar", dependencies: ["VoiceCloneText", "CLinkGrammar"]),
        .target(
            name: "VoiceCloneImport",
            dependencies: ["VoiceCloneText", "VoiceCloneHTTP", "CXML2", "CPoppler", "CZip"]
        ),
        .target(
            name: "VoiceCloneAnalysis",
            dependencies: ["VoiceCloneText"],
            resources: [.copy("Resources")]
        ),
        .target(name: "VoiceCloneAttribution", dependencies: ["VoiceCloneText", "VoiceCloneAnalysis"], resources: [.copy("Resources")]),
        .target(
            name: "VoiceCloneDetection",
            dependencies: ["VoiceCloneText", "VoiceCloneAnalysis"],
            resources: [.copy("Resources")]
        ),
        .target(name: "VoiceCloneGeneration", dependencies: ["VoiceCloneText", "VoiceCloneAnalysis", "VoiceCloneGrammar"]),
        .target(
            name: "VoiceCloneProviders",
            dependencies: [
                "VoiceCloneText", "VoiceCloneAnalysis", "VoiceCloneDetection", "VoiceCloneGeneration", "VoiceCloneHTTP",
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "VoiceCloneRewrite",
            dependencies: [
                "VoiceCloneText", "VoiceCloneAnalysis", "VoiceCloneDetection", "VoiceCloneGeneration", "VoiceCloneProviders",
                "VoiceCloneGrammar",
            ]
        ),
        .target(name: "VoiceCloneHistory", dependencies: ["CGit2"]),
        .target(
            name: "VoiceCloneKit",
            dependencies: [
                "VoiceCloneVault", "VoiceCloneImport", "VoiceCloneAnalysis",
                "VoiceCloneAttribution", "VoiceCloneDetection", "VoiceCloneGeneration",
                "VoiceCloneProviders", "VoiceCloneRewrite", "VoiceCloneHistory",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "VoiceCloneServer",
            dependencies: [
                "VoiceCloneKit", "VoiceCloneVault", "VoiceCloneAnalysis", "VoiceCloneAttribution", "VoiceCloneDetection",
                "VoiceCloneGeneration", "VoiceCloneProviders", "VoiceCloneRewrite", "VoiceCloneHistory", "VoiceCloneText",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "voiceclone",
            dependencies: [
                // The CLI calls Kit only (Kit names the lower-layer types it takes and returns, KitTypes.swift),
                // and the server module for `serve`, a front end it launches.
                "VoiceCloneKit", "VoiceCloneServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "voiceclone-bench",
            dependencies: [
                // Every module it imports, declared. TestFiles for the PDF writer of the import benchmark: the
                // document writers alone, not the test harness.
                "VoiceCloneKit", "VoiceCloneText", "VoiceCloneVault", "VoiceCloneImport", "VoiceCloneAnalysis",
                "VoiceCloneAttribution", "VoiceCloneDetection", "VoiceCloneGeneration", "VoiceCloneProviders",
                "VoiceCloneRewrite", "VoiceCloneTestFiles",
            ]
        ),
        // A small program that uses VoiceCloneKit as a library (Examples/AttributeText/main.swift).
        .executableTarget(name: "voiceclone-example", dependencies: ["VoiceCloneKit"], path: "Examples/AttributeText"),

        // Temporary folders and writers of PDF, DOCX and EPUB files: no project module, so the tests of a low layer
        // (Vault) and the benchmark link them without linking Kit and every C library through TestSupport.
        .target(name: "VoiceCloneTestFiles", dependencies: ["CZip"], path: "Tests/Files"),
        // Shared by the test targets: temporary vaults and a loopback HTTP server (it re-exports TestFiles).
        .target(name: "VoiceCloneTestSupport", dependencies: ["VoiceCloneKit", "VoiceCloneTestFiles"], path: "Tests/Support"),
        .testTarget(name: "VoiceCloneVaultTests", dependencies: ["VoiceCloneVault", "VoiceCloneText", "VoiceCloneTestFiles"]),
        .testTarget(name: "VoiceCloneGrammarTests", dependencies: ["VoiceCloneGrammar"]),
        .testTarget(name: "VoiceCloneHTTPTests", dependencies: ["VoiceCloneHTTP", "VoiceCloneTestSupport"]),
        .testTarget(name: "VoiceCloneImportTests", dependencies: ["VoiceCloneImport", "VoiceCloneTestSupport"]),
        .testTarget(name: "VoiceCloneAnalysisTests", dependencies: ["VoiceCloneAnalysis", "VoiceCloneTestSupport"]),
        .testTarget(name: "VoiceCloneAttributionTests", dependencies: ["VoiceCloneAttribution", "VoiceCloneTestSupport"]),
        .testTarget(name: "VoiceCloneDetectionTests", dependencies: ["VoiceCloneDetection", "VoiceCloneTestSupport"]),
        .testTarget(name: "VoiceCloneGenerationTests", dependencies: ["VoiceCloneGeneration", "VoiceCloneTestSupport"]),
        .testTarget(
            name: "VoiceCloneProvidersTests",
            // RefineFeedbackTests also checks the provider rewrite request built from the same guidance.
            dependencies: ["VoiceCloneProviders", "VoiceCloneRewrite", "VoiceCloneTestSupport"]
        ),
        .testTarget(name: "VoiceCloneRewriteTests", dependencies: ["VoiceCloneRewrite", "VoiceCloneTestSupport"]),
        .testTarget(name: "VoiceCloneHistoryTests", dependencies: ["VoiceCloneHistory", "VoiceCloneTestSupport"]),
        .testTarget(name: "VoiceCloneKitTests", dependencies: ["VoiceCloneKit", "VoiceCloneTestSupport"]),
        .testTarget(name: "VoiceCloneCLITests", dependencies: ["voiceclone", "VoiceCloneTestSupport"]),
        .testTarget(name: "VoiceCloneServerTests", dependencies: ["VoiceCloneServer", "VoiceCloneTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
