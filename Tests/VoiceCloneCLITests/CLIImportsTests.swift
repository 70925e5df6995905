import Foundation
import Testing

/// The CLI is a thin front end over Kit: its files import VoiceCloneKit, ArgumentParser and Foundation only. The
/// one exception is `ServeCommand.swift`, which launches the server (a peer front end) for `voiceclone serve`.
@Suite struct CLIImportsTests {
    @Test func theCLIImportsOnlyKitArgumentParserAndFoundation() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/voiceclone")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            // Top-level import lines, with any attribute or access level before `import`.
            let imports = text.split(separator: "\n").compactMap { line -> String? in
                guard !line.hasPrefix(" ") else { return nil }
                let words = line.split(separator: " ")
                guard let at = words.firstIndex(of: "import"), at + 1 < words.count,
                      words[..<at].allSatisfy({ $0.hasPrefix("@") || ["internal", "public", "package", "private"].contains($0) })
                else { return nil }
                return String(words[at + 1])
            }
            let allowed: Set<String> = file.hasSuffix("ServeCommand.swift")
                ? ["VoiceCloneKit", "ArgumentParser", "Foundation", "VoiceCloneServer"]
                : ["VoiceCloneKit", "ArgumentParser", "Foundation"]
            for module in imports { #expect(allowed.contains(module), "\(file) imports \(module)") }
        }
    }
}
