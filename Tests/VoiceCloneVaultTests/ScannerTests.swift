import Foundation
import Testing
import VoiceCloneTestFiles
@testable import VoiceCloneVault

@Suite struct ScannerTests {
    func vaultWithOneClone() throws -> (TemporaryDirectory, Vault) {
        let dir = TemporaryDirectory()
        try dir.write(".voiceclone/config.yaml", "format_version: 1\n")
        try dir.write("clones/alice/clone.md", "---\nname: Alice\ntags: [x]\n---\nNotes\n")
        return (dir, Vault(root: dir.url))
    }

    @Test func indexesSamplesWithDerivedCountsAndHashes() throws {
        let (dir, vault) = try vaultWithOneClone()
        try dir.write("clones/alice/samples/one.md", "---\ntitle: One\ncontent_type: blog\n---\n\nHello there, world.\n")
        try dir.write("clones/alice/samples/two.txt", "Plain text dropped in by hand.")
        let index = VaultScanner(vault: vault).scan()
        #expect(index.diagnostics.isEmpty)
        let alice = try #require(index.clone(named: "alice"))
        #expect(alice.name == "Alice")
        #expect(alice.samples.map(\.id) == ["one", "two"])
        #expect(alice.samples[0].words == 3)
        #expect(alice.samples[0].metadata.contentType == .blog)
        #expect(alice.samples[1].hasFrontMatter == false)
        #expect(alice.samples[0].hash == ContentHash.ofSampleBody("Hello there, world."))
        #expect(index.clone(named: "ALICE")?.slug == "alice")
    }

    @Test func oneBadFileNeverStopsTheScan() throws {
        let (dir, vault) = try vaultWithOneClone()
        try dir.write("clones/alice/samples/good.md", "Fine words here.")
        try dir.write("clones/alice/samples/binary.md", Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF]))
        try dir.write("clones/alice/samples/latin1.md", Data("line one\ncaf".utf8) + Data([0xE9, 0x0A]))
        try dir.write("clones/alice/samples/broken.md", "---\ntitle: [oops\n---\ntext")
        try dir.write("clones/alice/samples/conflict.md", "a\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> origin/main\n")
        try dir.write("clones/alice/samples/notes.docx", "zip")
        try dir.write("clones/alice/samples/.hidden.md", "ignored")
        let index = VaultScanner(vault: vault).scan()
        let alice = try #require(index.clone(named: "alice"))
        #expect(alice.samples.map(\.id).contains("good"))
        let byFile = Dictionary(grouping: index.diagnostics, by: { URL(fileURLWithPath: $0.path).lastPathComponent })
        #expect(byFile["binary.md"]?.first?.severity == .error)
        #expect(byFile["binary.md"]?.first?.message.contains("binary") == true)
        #expect(byFile["latin1.md"]?.first?.line == 2)
        #expect(byFile["latin1.md"]?.first?.message.contains("UTF-8") == true)
        #expect(byFile["broken.md"]?.first?.severity == .error)
        #expect(byFile["broken.md"]?.first?.line != nil)
        #expect(byFile["conflict.md"]?.first?.message.contains("conflict") == true)
        #expect(byFile["notes.docx"]?.first?.severity == .warning)
        #expect(byFile[".hidden.md"] == nil)
        #expect(index.errors.count == 4)
    }

    @Test func duplicatesAndMissingManifestAreWarnings() throws {
        let dir = TemporaryDirectory()
        try dir.write(".voiceclone/config.yaml", "")
        try dir.write("clones/bob/samples/a.md", "Same words.\n")
        try dir.write("clones/bob/samples/b.md", "---\ntitle: b\n---\nSame words.")
        let index = VaultScanner(vault: Vault(root: dir.url)).scan()
        #expect(index.errors.isEmpty)
        #expect(index.diagnostics.count == 2)
        #expect(index.clone(named: "bob")?.name == "bob")
    }

    @Test func dnaVersionsAreListedInOrder() throws {
        let (dir, vault) = try vaultWithOneClone()
        for v in [2, 10, 1] { try dir.write("clones/alice/dna/\(DNAFileName.name(for: v))", "{}") }
        try dir.write("clones/alice/dna/notes.txt", "x")
        #expect(VaultScanner(vault: vault).scan().clone(named: "alice")?.dnaVersions == [1, 2, 10])
        #expect(DNAFileName.name(for: 7) == "v0007.json")
    }

    @Test func discoveryPrefersFlagThenEnvironmentThenAncestors() throws {
        let (dir, _) = try vaultWithOneClone()
        let nested = dir.file("clones/alice/samples")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        #expect(try Vault.discover(explicit: nil, environment: [:], workingDirectory: nested).root.path == dir.url.standardizedFileURL.path)
        #expect(try Vault.discover(explicit: nil, environment: ["VOICECLONE_VAULT": dir.path], workingDirectory: URL(fileURLWithPath: "/")).root.path == dir.url.standardizedFileURL.path)
        #expect(throws: VaultError.self) { try Vault.discover(explicit: "/nonexistent", environment: [:], workingDirectory: nested) }
        #expect(throws: VaultError.self) { try Vault.discover(explicit: nil, environment: [:], workingDirectory: URL(fileURLWithPath: "/tmp")) }
    }

    @Test func lockIsExclusiveAndExplainsItself() throws {
        let (_, vault) = try vaultWithOneClone()
        let first = try VaultLock(vault: vault)
        // flock is per open file description, so a second open in the same process contends too.
        #expect(throws: VaultError.locked(vault.lockURL.path)) { try VaultLock(vault: vault, timeout: 0.2) }
        withExtendedLifetime(first) {}
    }
}
