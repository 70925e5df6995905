import Foundation
import Testing
import VoiceCloneAnalysis
import VoiceCloneHistory
import VoiceCloneTestSupport
import VoiceCloneVault
@testable import VoiceCloneKit

/// Issue 15, item 8 (sync): unrelated remotes, missing paths, joining from a second machine, renumbered DNA.
@Suite struct SyncHardeningTests {
    @Test func aRemoteWithUnrelatedHistoryIsRefusedUnlessAllowed() throws {
        let f = try SyncFixture()
        defer { withExtendedLifetime(f) {} }
        // Another vault's own init (another author: two inits in the same second by the same author would make
        // byte-identical first commits, which do share history).
        let other = TemporaryDirectory("other")
        _ = try VaultInitializer.initialize(at: other.url, identity: GitIdentity(name: "Stranger", email: "s@example.com"))
        let ws = try Workspace(vault: Vault(root: other.url), environment: [:])
        _ = try ws.clones.create(name: "Stranger")
        try ws.sync.addRemote(name: "origin", url: f.remoteURL.path)
        let before = try ProcessRunner.git(["rev-parse", "HEAD"], in: other.url)
        #expect {
            _ = try ws.sync.run()
        } throws: { error in
            guard case .unrelatedHistory? = error as? SyncError else { return false }
            return error.localizedDescription.contains("--allow-unrelated")
        }
        #expect(try ProcessRunner.git(["rev-parse", "HEAD"], in: other.url) == before)
        let merged = try Workspace(vault: Vault(root: other.url), environment: [:]).sync.run(SyncOptions(allowUnrelated: true))
        #expect(merged.outcome == .merged)
    }

    @Test func aMissingLocalRemoteIsNamedHonestly() throws {
        let vault = try TestVault()
        let ws = try vault.workspace()
        _ = try ws.clones.create(name: "Solo")
        let missing = TemporaryDirectory("gone").url.appendingPathComponent("nowhere.git").path
        try ws.sync.addRemote(name: "origin", url: missing)
        #expect {
            _ = try ws.sync.run()
        } throws: { error in
            guard case .missingLocalRemote(_, let path)? = error as? SyncError else { return false }
            return path == missing && error.localizedDescription.contains("git init --bare")
        }
    }

    @Test func aSecondMachineJoinsWithInitRemote() throws {
        let f = try SyncFixture(clones: ["Alice", "Bob"])
        let machine = TemporaryDirectory("machine-c")
        let dir = machine.url.appendingPathComponent("vault")
        let result = try VaultInitializer.initialize(at: dir, remote: f.remoteURL.path)
        #expect(result.joined)
        let ws = try Workspace(vault: Vault(root: dir), environment: [:])
        #expect(ws.clones.list().map(\.slug) == ["alice", "bob"])
        _ = try ws.clones.create(name: "Carol")
        let report = try ws.sync.run()
        #expect(report.outcome == .pushed)
        _ = try f.workspaceA().sync.run()
        #expect(try f.workspaceA().clones.list().map(\.slug) == ["alice", "bob", "carol"])
    }

    @Test func aNewVaultOnAFreshRemotePushesToTheBranchItsHeadNames() throws {
        let remote = TemporaryDirectory("fresh")
        let bare = remote.url.appendingPathComponent("shared.git")
        _ = try ProcessRunner.git(["init", "-q", "--bare", "--initial-branch=trunk", bare.path], in: remote.url)
        let machine = TemporaryDirectory("machine")
        let dir = machine.url.appendingPathComponent("vault")
        let result = try VaultInitializer.initialize(at: dir, remote: bare.path)
        #expect(!result.joined)
        let ws = try Workspace(vault: Vault(root: dir), environment: [:])
        _ = try ws.clones.create(name: "Dana")
        _ = try ws.sync.run()
        // A plain `git clone` of the remote checks out the vault.
        let copy = machine.url.appendingPathComponent("copy")
        _ = try ProcessRunner.git(["clone", "-q", bare.path, copy.path], in: machine.url)
        #expect(FileManager.default.fileExists(atPath: copy.appendingPathComponent("clones/dana/clone.md").path))
    }

    /// An existing vault on `main` given a fresh remote whose HEAD says `master` (plain `git init --bare` on many
    /// machines): the first push goes to `master`, the mapping is recorded for git too, and later syncs and a
    /// second machine's `git clone` meet the same history.
    @Test func anExistingVaultPushedToAFreshRemoteLandsWhereItsHeadPoints() throws {
        let remote = TemporaryDirectory("fresh-master")
        let bare = remote.url.appendingPathComponent("shared.git")
        _ = try ProcessRunner.git(["init", "-q", "--bare", "--initial-branch=master", bare.path], in: remote.url)
        let vault = try TestVault()
        func git(_ arguments: String..., in directory: URL) throws -> String {
            try ProcessRunner.git(arguments, in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try git("branch", "--show-current", in: vault.root) == "main")
        let ws = try vault.workspace()
        _ = try ws.clones.create(name: "Dana")
        try ws.sync.addRemote(name: "origin", url: bare.path)
        let first = try ws.sync.run()
        #expect(first.outcome == .pushed)
        #expect(first.branch == "main" && first.remoteBranch == "master")
        #expect(try git("branch", "--list", "--format=%(refname:short)", in: bare) == "master")
        #expect(try git("rev-parse", "--abbrev-ref", "main@{upstream}", in: vault.root) == "origin/master")

        // A plain clone checks the vault out; the next change syncs to the same branch, and status counts against it.
        let machine = TemporaryDirectory("second")
        let copy = machine.url.appendingPathComponent("copy")
        _ = try ProcessRunner.git(["clone", "-q", bare.path, copy.path], in: machine.url)
        #expect(FileManager.default.fileExists(atPath: copy.appendingPathComponent("clones/dana/clone.md").path))
        _ = try vault.workspace().clones.create(name: "Eli")
        #expect(try vault.workspace().history.status().ahead == 1)
        let second = try vault.workspace().sync.run()
        #expect(second.outcome == .pushed && second.remoteBranch == "master")
        #expect(try vault.workspace().history.status().ahead == 0)
        #expect(try git("branch", "--list", "--format=%(refname:short)", in: bare) == "master",
                "no second branch on the remote")
    }

    @Test func aFileReplacingAFolderKeepsBothSides() throws {
        let f = try SyncFixture()
        try SyncFixture.write(f.a.root, "library/drafts/a.md", "The first draft.\n")
        _ = try f.workspaceA().sync.run()
        _ = try f.workspaceB().sync.run()
        // Laptop: the folder becomes a file. Desktop: a new file inside the folder.
        try FileManager.default.removeItem(at: f.a.root.appendingPathComponent("library/drafts"))
        try SyncFixture.write(f.a.root, "library/drafts", "A file where a folder was.\n")
        try SyncFixture.write(f.b, "library/drafts/b.md", "The desktop's new draft.\n")
        _ = try f.workspaceA().sync.run()
        let report = try f.workspaceB().sync.run()
        #expect(report.outcome == .merged)
        let conflict = try #require(report.conflicts.first { $0.kind == .fileAndFolder }, "\(report.conflicts) \(SyncFixture.files(f.b).keys.filter { $0.hasPrefix("library") }.sorted())")
        #expect(conflict.path == "library/drafts")
        let files = SyncFixture.files(f.b)
        #expect(files["library/drafts/b.md"] == Data("The desktop's new draft.\n".utf8))
        #expect(files[try #require(conflict.localCopy)] == Data("A file where a folder was.\n".utf8))
    }

    @Test func aRenumberedRevisionCarriesItsNewVersion() throws {
        let vault = try HostileVaultTests.vaultWithSamples()
        let stored = try vault.workspace().dna.analyze("terse-tom")
        let data = try Data(contentsOf: vault.root.appendingPathComponent(stored.path))
        let moved = ConflictResolver.renumbered(data, to: 7)
        #expect(try VoiceDNA.decode(moved).version == 7)
        var expected = try VoiceDNA.decode(data)
        expected.version = 7
        #expect(moved == (try expected.canonicalJSON()))
    }
}
