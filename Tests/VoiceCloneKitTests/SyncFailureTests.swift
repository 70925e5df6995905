import Foundation
import Testing
import VoiceCloneTestSupport
@testable import VoiceCloneKit

/// Every way a sync can fail leaves the vault exactly as it was: files, HEAD, branch, index, status.
@Suite struct SyncFailureTests {
    @Test func unreachableRemoteChangesNothing() throws {
        let f = try SyncFixture()
        try SyncFixture.writeSample(f.a.root, clone: "alice", id: "pending", title: "Pending", body: "A hand edit waiting to be synced.")
        _ = try ProcessRunner.git(["remote", "set-url", "origin", f.remote.url.appendingPathComponent("gone.git").path], in: f.a.root)
        let before = try SyncFixture.snapshot(f.a.root)
        #expect {
            try f.workspaceA().sync.run()
        } throws: { error in
            // A local path that does not exist is named as such (issue 15), not as a transport failure.
            guard case SyncError.missingLocalRemote(let remote, let path) = error else { return false }
            return remote == "origin" && path.hasSuffix("gone.git")
                && error.localizedDescription.contains("Nothing was changed")
        }
        #expect(try SyncFixture.snapshot(f.a.root) == before)
    }

    @Test func pushRejectedForGoodChangesNothing() throws {
        let f = try SyncFixture()
        // A third party keeps pushing between our fetch and our push.
        let third = TemporaryDirectory("third")
        let checkout = third.url.appendingPathComponent("clone")
        _ = try ProcessRunner.run("/usr/bin/git", ["clone", "-q", f.remoteURL.path, checkout.path], in: third.url)
        try SyncFixture.writeSample(f.a.root, clone: "alice", id: "mine", title: "Mine", body: "Written here, never pushed.")
        _ = try addSample(try f.workspaceA(), clone: "alice", title: "Committed", text: "Committed here, never pushed.")
        let before = try SyncFixture.snapshot(f.a.root)
        #expect {
            try f.workspaceA().sync.run(SyncOptions(maxAttempts: 2, beforePush: { attempt in
                try SyncFixture.gitCommitAndPush(in: checkout, file: "library/note-\(attempt).md", text: "note \(attempt)\n", message: "note \(attempt)")
            }))
        } throws: { error in
            guard case SyncError.pushRejected(_, _, let attempts, _) = error else { return false }
            return attempts == 2
        }
        #expect(try SyncFixture.snapshot(f.a.root) == before)
        // The next sync, without interference, integrates everything.
        let report = try f.workspaceA().sync.run()
        #expect(report.outcome == .merged)
        #expect(FileManager.default.fileExists(atPath: f.a.root.appendingPathComponent("library/note-2.md").path))
    }

    @Test func detachedHeadIsRefused() throws {
        let f = try SyncFixture()
        _ = try ProcessRunner.git(["checkout", "-q", "--detach"], in: f.a.root)
        try SyncFixture.writeSample(f.a.root, clone: "alice", id: "x", title: "X", body: "Edit while detached.")
        let before = try SyncFixture.snapshot(f.a.root)
        #expect(throws: SyncError.detachedHead(f.a.root.standardizedFileURL.path)) { try f.workspaceA().sync.run() }
        #expect(try SyncFixture.snapshot(f.a.root) == before)
    }

    @Test func mergeInProgressFromCommandLineGitIsRefused() throws {
        let f = try SyncFixture()
        let id = ["-c", "user.name=T", "-c", "user.email=t@example.test"]
        let sample = "clones/alice/samples/s.md"
        try SyncFixture.write(f.a.root, sample, "base\n")
        _ = try ProcessRunner.git(["add", sample], in: f.a.root)
        _ = try ProcessRunner.git(id + ["commit", "-qm", "base"], in: f.a.root)
        _ = try ProcessRunner.git(["checkout", "-qb", "side"], in: f.a.root)
        try SyncFixture.write(f.a.root, sample, "side\n")
        _ = try ProcessRunner.git(id + ["commit", "-qam", "side"], in: f.a.root)
        _ = try ProcessRunner.git(["checkout", "-q", "main"], in: f.a.root)
        try SyncFixture.write(f.a.root, sample, "main\n")
        _ = try ProcessRunner.git(id + ["commit", "-qam", "main"], in: f.a.root)
        _ = try ProcessRunner.run("/usr/bin/git", id + ["merge", "side"], in: f.a.root) // stops with a conflict
        let before = try SyncFixture.snapshot(f.a.root)
        #expect(before.files[sample].map { String(decoding: $0, as: UTF8.self).contains("<<<<<<<") } == true)
        #expect {
            try f.workspaceA().sync.run()
        } throws: { error in
            error.localizedDescription.contains("merge --abort")
        }
        #expect(try SyncFixture.snapshot(f.a.root) == before)
    }

    @Test func noRemoteAndUnknownRemoteExplainWhatToDo() throws {
        let tv = try TestVault()
        #expect(throws: SyncError.noRemote(tv.root.standardizedFileURL.path)) { try tv.workspace().sync.run() }
        try tv.workspace().sync.addRemote(name: "backup", url: "/nonexistent/backup.git")
        #expect(throws: SyncError.remoteNotFound("origin", available: ["backup"])) { try tv.workspace().sync.run(SyncOptions(remote: "origin")) }
        #expect(throws: SyncError.remoteExists("backup", url: "/nonexistent/backup.git")) { try tv.workspace().sync.addRemote(name: "backup", url: "x") }
        #expect(throws: SyncError.invalidRemoteName("../x")) { try tv.workspace().sync.addRemote(name: "../x", url: "x") }
        #expect(try tv.workspace().sync.remotes() == [RemoteInfo(name: "backup", url: "/nonexistent/backup.git")])
        try tv.workspace().sync.removeRemote(name: "backup")
        #expect(try tv.workspace().sync.remotes().isEmpty)
    }
}
