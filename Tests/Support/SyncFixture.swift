import Foundation
import VoiceCloneKit
import VoiceCloneVault

/// Two machines sharing one vault through a bare repository, the way people use `sync`:
/// machine A created the vault and pushed it, machine B cloned it with command-line git.
public final class SyncFixture: @unchecked Sendable {
    public let remote: TemporaryDirectory
    public let a: TestVault
    public let machineB: TemporaryDirectory
    public var b: URL { machineB.url.appendingPathComponent("vault") }
    public let remoteURL: URL

    /// `clones`: clone names created on A before the first push.
    public init(clones: [String] = ["Alice"]) throws {
        remote = TemporaryDirectory("remote")
        remoteURL = remote.url.appendingPathComponent("shared.git")
        _ = try ProcessRunner.git(["init", "--bare", "--initial-branch=main", remoteURL.path], in: remote.url)
        a = try TestVault()
        let ws = try a.workspace()
        for name in clones { _ = try ws.clones.create(name: name) }
        try ws.sync.addRemote(name: "origin", url: remoteURL.path)
        _ = try ws.sync.run()
        machineB = TemporaryDirectory("machine-b")
        let clone = try ProcessRunner.run("/usr/bin/git", ["clone", "-q", remoteURL.path, b.path], in: machineB.url)
        guard clone.status == 0 else { throw FixtureError(message: "git clone failed: \(clone.stderr)") }
    }

    public func workspaceA() throws -> Workspace { try a.workspace() }
    public func workspaceB() throws -> Workspace { try Workspace(vault: Vault(root: b), environment: [:]) }

    /// Writes a sample by hand (as an editor would) in the vault at `root`.
    @discardableResult
    public static func writeSample(_ root: URL, clone: String, id: String, title: String, body: String) throws -> String {
        let relative = "clones/\(clone)/samples/\(id).md"
        try write(root, relative, "---\ntitle: \(title)\ncontent_type: blog\nai_assisted: false\n---\n\n\(body)\n")
        return relative
    }

    public static func write(_ root: URL, _ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Every sample and DNA file of a vault, path → bytes.
    public static func voiceFiles(_ root: URL) -> [String: Data] {
        files(root).filter { $0.key.contains("/samples/") || $0.key.contains("/dna/") }
    }

    /// Every file of the work tree except git's own folder and the lock, path → bytes.
    public static func files(_ root: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey]) else { return out }
        let base = root.standardizedFileURL.path + "/"
        for case let url as URL in walker {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count))
            if relative == ".git" { walker.skipDescendants(); continue }
            if relative == ".voiceclone/lock" { continue }
            if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true { continue }
            out[relative] = fm.contents(atPath: url.path)
        }
        return out
    }

    /// Everything a user could see of a vault: files, HEAD, branch, the index and git's status.
    public static func snapshot(_ root: URL) throws -> VaultSnapshot {
        VaultSnapshot(files: files(root),
                      head: try ProcessRunner.git(["rev-parse", "HEAD"], in: root),
                      branch: try ProcessRunner.git(["symbolic-ref", "-q", "HEAD"], in: root),
                      index: try ProcessRunner.git(["ls-files", "-s"], in: root),
                      status: try ProcessRunner.git(["status", "--porcelain"], in: root))
    }

    /// Commits with command-line git in `dir` (a clone of the remote), as a third party would, and pushes.
    public static func gitCommitAndPush(in dir: URL, file: String, text: String, message: String) throws {
        try write(dir, file, text)
        let id = ["-c", "user.name=Third Party", "-c", "user.email=third@example.test"]
        _ = try ProcessRunner.git(["add", file], in: dir)
        _ = try ProcessRunner.git(id + ["commit", "-q", "-m", message], in: dir)
        let push = try ProcessRunner.run("/usr/bin/git", ["push", "-q", "origin", "HEAD:main"], in: dir)
        guard push.status == 0 else { throw FixtureError(message: "git push failed: \(push.stderr)") }
    }
}

public struct VaultSnapshot: Equatable, Sendable {
    public var files: [String: Data]
    public var head: String
    public var branch: String
    public var index: String
    public var status: String
}

public struct FixtureError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
