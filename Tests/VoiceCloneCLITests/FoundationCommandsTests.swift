import Foundation
import Testing
import VoiceCloneTestSupport

/// End-to-end runs of the built binary on temporary vaults.
@Suite struct FoundationCommandsTests {
    @Test func initCreateAddListCheck() throws {
        let dir = TemporaryDirectory("cli")
        let vault = dir.file("vault")
        var r = try CLI.run(["init", vault.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: vault.appendingPathComponent(".voiceclone/config.yaml").path))
        #expect(FileManager.default.fileExists(atPath: vault.appendingPathComponent(".git").path))

        let created = try #require(try CLI.json(["clone", "create", "Dana Okafor", "--tag", "eng"], vault: vault) as? [String: Any])
        #expect(created["slug"] as? String == "dana-okafor")

        try dir.write("post.md", "# Shipping\n\nI shipped it. Latency fell.\n")
        r = try CLI.run(["sample", "add", "Dana Okafor", dir.file("post.md").path, "--type", "blog"], vault: vault)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("added"))
        r = try CLI.run(["sample", "add", "dana-okafor", dir.file("post.md").path], vault: vault)
        #expect(r.status == 0)
        #expect(r.stdout.contains("skipped"))

        let list = try #require(try CLI.json(["clone", "list"], vault: vault) as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list[0]["name"] as? String == "Dana Okafor")
        #expect(list[0]["samples"] as? Int == 1)
        #expect(list[0]["words"] as? Int == 6)
        #expect(list[0]["tags"] as? [String] == ["eng"])

        let added = try #require(try CLI.json(["sample", "add", "dana-okafor", "-"], vault: vault, stdin: Data("Piped words.".utf8)) as? [[String: Any]])
        #expect(added.first?["status"] as? String == "added")

        r = try CLI.run(["check"], vault: vault)
        #expect(r.status == 0)
        #expect(r.stdout.contains("1 clone, 2 samples"))

        let log = try ProcessRunner.git(["log", "--format=%s"], in: vault)
        #expect(log.contains("dana-okafor: add sample \"Shipping\""))
    }

    @Test func vaultIsFoundFromAnySubfolder() throws {
        let dir = TemporaryDirectory("cli")
        try CLI.run(["init", dir.path])
        try CLI.run(["clone", "create", "Zed"], in: dir.url)
        let r = try CLI.run(["clone", "list"], in: dir.file("clones/zed"))
        #expect(r.status == 0)
        #expect(r.stdout.contains("Zed"))
    }

    @Test func errorsGoToStderrWithExitCodes() throws {
        let dir = TemporaryDirectory("cli")
        var r = try CLI.run(["clone", "list"], in: dir.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("voiceclone init"))
        #expect(r.stdout.isEmpty)

        try CLI.run(["init", dir.path])
        r = try CLI.run(["clone", "create", "../escape"], vault: dir.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("path separator"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("escape").path))

        r = try CLI.run(["sample", "add", "ghost", "/etc/hostname"], vault: dir.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("no clone named \"ghost\""))

        try CLI.run(["clone", "create", "Amy"], vault: dir.url)
        r = try CLI.run(["sample", "add", "amy", "/definitely/not/here.md"], vault: dir.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("/definitely/not/here.md"))

        r = try CLI.run(["clone", "delete", "amy"], vault: dir.url)
        #expect(r.status == 2)
        #expect(r.stderr.contains("--yes"))

        r = try CLI.run(["frobnicate"], vault: dir.url)
        #expect(r.status == 2)

        r = try CLI.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("sample"))
    }

    @Test func checkFailsOnBadFilesButReportsThemAll() throws {
        let dir = TemporaryDirectory("cli")
        try CLI.run(["init", dir.path])
        try CLI.run(["clone", "create", "Amy"], vault: dir.url)
        try dir.write("clones/amy/samples/bad.md", Data([0xC3, 0x28, 0x0A]))
        try dir.write("clones/amy/samples/broken.md", "---\ntitle: \"unterminated\n---\nx")
        try dir.write("clones/amy/samples/fine.md", "Good words.")
        let r = try CLI.run(["check", "--json"], vault: dir.url)
        #expect(r.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(report["errors"] as? Int == 2)
        #expect(report["samples"] as? Int == 1)
        let paths = (report["diagnostics"] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? []
        #expect(paths.contains("clones/amy/samples/bad.md"))
        #expect(paths.contains("clones/amy/samples/broken.md"))
    }

    @Test func concurrentCommandsDoNotCorruptTheVault() throws {
        let dir = TemporaryDirectory("cli")
        try CLI.run(["init", dir.path])
        try CLI.run(["clone", "create", "Amy"], vault: dir.url)
        let inputs = TemporaryDirectory("in")
        for i in 0..<6 { try inputs.write("\(i).md", "Sample number \(i) has its own words.") }
        let group = DispatchGroup()
        let statuses = StatusBox()
        for i in 0..<6 {
            group.enter()
            DispatchQueue.global().async {
                let r = try? CLI.run(["sample", "add", "amy", inputs.file("\(i).md").path], vault: dir.url)
                statuses.add(r?.status ?? -1)
                group.leave()
            }
        }
        #expect(group.wait(timeout: .now() + 120) == .success)
        #expect(statuses.all == Array(repeating: 0, count: 6))
        let list = try #require(try CLI.json(["sample", "list", "amy"], vault: dir.url) as? [[String: Any]])
        #expect(list.count == 6)
        #expect(try ProcessRunner.git(["status", "--porcelain"], in: dir.url) == "")
        #expect(try ProcessRunner.git(["fsck", "--no-progress"], in: dir.url).isEmpty)
    }
}

final class StatusBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int32] = []
    func add(_ v: Int32) { lock.lock(); values.append(v); lock.unlock() }
    var all: [Int32] { lock.lock(); defer { lock.unlock() }; return values }
}
