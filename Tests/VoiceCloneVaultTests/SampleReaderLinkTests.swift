import Foundation
import Testing
import VoiceCloneTestFiles
@testable import VoiceCloneVault

/// The session's reader checks each sample folder for links once per scan, not on every read; a rescan checks again.
@Suite struct SampleReaderLinkTests {
    @Test func aFolderSwappedForALinkIsRefusedAfterTheNextScan() throws {
        let dir = TemporaryDirectory()
        let outside = TemporaryDirectory()
        try dir.write(".voiceclone/config.yaml", "format_version: 1\n")
        try dir.write("clones/alice/clone.md", "---\nname: Alice\n---\n")
        try dir.write("clones/alice/samples/one.md", "Words the writer wrote.\n")
        let vault = Vault(root: dir.url)
        let reader = SampleReader()
        let scanner = VaultScanner(vault: vault, reader: reader)
        let record = try #require(scanner.scan().clone(named: "alice")?.samples.first)
        #expect(try VaultScanner.readSample(record, in: vault, reader: reader).body.contains("writer"))

        // The folder moves out of the vault and a link takes its place: the file behind it is unchanged, so only
        // the folder check stands between the reader and a text kept from before.
        let samples = dir.url.appendingPathComponent("clones/alice/samples")
        let moved = outside.url.appendingPathComponent("samples")
        try FileManager.default.moveItem(at: samples, to: moved)
        try FileManager.default.createSymbolicLink(at: samples, withDestinationURL: moved)
        let rescanned = scanner.scan()
        #expect(rescanned.diagnostics.contains { $0.path == "clones/alice/samples" })
        #expect(throws: VaultError.symbolicLink("clones/alice/samples")) {
            try VaultScanner.readSample(record, in: vault, reader: reader)
        }
    }
}
