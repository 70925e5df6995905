import Foundation
import Testing
import VoiceCloneTestFiles
@testable import VoiceCloneVault
#if canImport(Glibc)
import Glibc
#endif

/// A folder the scanner cannot open is reported, not skipped in silence: a sample nested past the system's path
/// limit (a vault synced from another machine, or an archive unpacked carelessly) would otherwise vanish from every
/// command without a word.
@Suite struct DeepFolderTests {
    @Test func aFolderNestedPastThePathLimitIsReportedWithWhatToDo() throws {
        let dir = TemporaryDirectory()
        try dir.write(".voiceclone/config.yaml", "format_version: 1\n")
        try dir.write("clones/alice/clone.md", "---\nname: Alice\n---\n")
        try dir.write("clones/alice/samples/one.md", "Words the writer wrote.\n")
        let samples = dir.url.appendingPathComponent("clones/alice/samples").path
        // Built with *at() calls relative to an open folder, the only way to make a path longer than PATH_MAX.
        var fd = open(samples, O_RDONLY | O_DIRECTORY)
        try #require(fd >= 0)
        let name = String(repeating: "d", count: 200)
        for _ in 0..<25 {
            try #require(mkdirat(fd, name, 0o755) == 0)
            let next = openat(fd, name, O_RDONLY | O_DIRECTORY)
            close(fd)
            try #require(next >= 0)
            fd = next
        }
        let file = openat(fd, "deep.md", O_WRONLY | O_CREAT, 0o644)
        try #require(file >= 0)
        _ = "Hidden words.\n".withCString { write(file, $0, strlen($0)) }
        close(file)
        close(fd)
        defer {
            let rm = Process()
            rm.executableURL = URL(fileURLWithPath: "/bin/rm")
            rm.arguments = ["-rf", samples + "/" + name]
            try? rm.run()
            rm.waitUntilExit()
        }

        let scan = VaultScanner(vault: Vault(root: dir.url)).scan()
        #expect(scan.clone(named: "alice")?.samples.map(\.path) == ["clones/alice/samples/one.md"])
        let report = try #require(scan.diagnostics.first { $0.message.contains("cannot be read") }, "\(scan.diagnostics)")
        // Named by its first folder and its depth, not by a path thousands of characters long.
        #expect(report.path == "clones/alice/samples/" + name)
        #expect(report.message.contains("levels further down"))
        #expect(report.message.contains("too long"), "\(report.message)")
        #expect(report.message.contains("move deeply nested files"))
    }
}
