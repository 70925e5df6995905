import Foundation
import Testing
import VoiceCloneTestSupport

/// `voiceclone sync conflicts`, `sync resolve`, `settings` and `settings set`, through the binary.
@Suite struct SyncConflictAndSettingsCommandTests {
    /// Two machines edit the same sample by hand and sync: B ends with A's text in place and its own beside it.
    static func conflicted() throws -> (dir: TemporaryDirectory, b: URL) {
        let dir = TemporaryDirectory("cli-conflict")
        let bare = dir.file("shared.git")
        _ = try ProcessRunner.git(["init", "-q", "--bare", "--initial-branch=main", bare.path], in: dir.url)
        let a = dir.file("a"), b = dir.file("b")
        try #require(try CLI.run(["init", a.path]).status == 0)
        try #require(try CLI.run(["clone", "create", "Alice"], vault: a).status == 0)
        try #require(try CLI.run(["remote", "add", "origin", bare.path], vault: a).status == 0)
        try SyncFixture.writeSample(a, clone: "alice", id: "essay", title: "Essay", body: "The original paragraph.")
        try #require(try CLI.run(["sync"], vault: a).status == 0)
        try #require(try CLI.run(["init", b.path, "--remote", bare.path]).status == 0)
        try SyncFixture.writeSample(a, clone: "alice", id: "essay", title: "Essay", body: "The laptop's version.")
        try #require(try CLI.run(["sync"], vault: a).status == 0)
        try SyncFixture.writeSample(b, clone: "alice", id: "essay", title: "Essay", body: "The desktop's version.")
        let synced = try CLI.run(["sync"], vault: b)
        #expect(synced.status == 1 && synced.stderr.contains("conflict"), "\(synced.stderr)")
        return (dir, b)
    }

    @Test func conflictsAreListedWithBothTextsAndResolvedByPath() throws {
        let (dir, b) = try Self.conflicted()
        _ = dir
        let listed = try #require(try CLI.json(["sync", "conflicts"], vault: b) as? [[String: Any]])
        #expect(listed.count == 1)
        let conflict = try #require(listed.first)
        #expect(conflict["clone"] as? String == "alice" && conflict["sample_id"] as? String == "essay")
        #expect(conflict["path"] as? String == "clones/alice/samples/essay.md")
        #expect((conflict["theirs"] as? String)?.contains("The laptop's version.") == true)
        #expect((conflict["mine"] as? String)?.contains("The desktop's version.") == true)
        let localCopy = try #require(conflict["local_copy"] as? String)
        #expect(localCopy.hasPrefix("clones/alice/samples/essay.local-"))

        let text = try CLI.run(["sync", "conflicts"], vault: b)
        #expect(text.status == 0)
        #expect(text.stdout.contains("alice: essay, edited on both sides"))
        #expect(text.stdout.contains("theirs (the remote's text, at clones/alice/samples/essay.md):\n\n    The laptop's version.")
            || text.stdout.contains("theirs (the remote's text, at clones/alice/samples/essay.md):\n    The laptop's version."), "\(text.stdout)")
        #expect(text.stdout.contains("mine (this vault's text, at \(localCopy)):"))
        #expect(text.stdout.contains("    The desktop's version."))
        #expect(text.stdout.contains("  choose with: voiceclone sync resolve essay --keep mine|theirs|both"), "the exact argument: \(text.stdout)")

        // Refusals change nothing: a choice that is not one (usage, 2), a path that is no conflict copy (1).
        let head = try ProcessRunner.git(["rev-parse", "HEAD"], in: b)
        let neither = try CLI.run(["sync", "resolve", localCopy, "--keep", "neither"], vault: b)
        #expect(neither.status == 2 && neither.stderr.contains("--keep takes mine, theirs or both"), "\(neither.stderr)")
        let notACopy = try CLI.run(["sync", "resolve", "clones/alice/samples/essay.md", "--keep", "mine"], vault: b)
        #expect(notACopy.status == 1 && notACopy.stderr.contains("is not a sync conflict copy"), "\(notACopy.stderr)")
        #expect(notACopy.stdout.isEmpty)
        #expect(try ProcessRunner.git(["rev-parse", "HEAD"], in: b) == head)

        // The copy named from inside its folder, as a shell user would: both texts stay, the mark goes.
        let folder = b.appendingPathComponent("clones/alice/samples")
        let name = (localCopy as NSString).lastPathComponent
        let resolved = try CLI.run(["sync", "resolve", name, "--keep", "both", "--json"], in: folder, vault: b)
        #expect(resolved.status == 0, "\(resolved.stderr)")
        let resolution = try #require(try JSONSerialization.jsonObject(with: Data(resolved.stdout.utf8)) as? [String: Any])
        #expect(resolution["choice"] as? String == "both")
        #expect(resolution["written"] as? [String] == [localCopy] && (resolution["removed"] as? [String])?.isEmpty == true)
        let copyText = try String(contentsOf: b.appendingPathComponent(localCopy), encoding: .utf8)
        #expect(copyText.contains("The desktop's version.") && !copyText.contains("conflict_of"))
        #expect(try ProcessRunner.git(["show", "--name-only", "--format=", "HEAD"], in: b) == localCopy + "\n")
        #expect(try ProcessRunner.git(["status", "--porcelain"], in: b).isEmpty)
        #expect(try CLI.run(["sync", "conflicts"], vault: b).stdout.contains("No sync conflicts"))
        let again = try CLI.run(["sync", "resolve", localCopy, "--keep", "mine"], vault: b)
        #expect(again.status == 1, "resolved once")

        // `sync REMOTE` still names a remote, next to the new subcommands.
        let sync = try #require(try CLI.json(["sync", "origin"], vault: b) as? [String: Any])
        #expect(sync["outcome"] as? String == "pushed")
    }

    @Test func aConflictIsResolvedByTheSampleIDTheListingPrints() throws {
        let (dir, b) = try Self.conflicted()
        _ = dir
        let head = try ProcessRunner.git(["rev-parse", "HEAD"], in: b)
        let unknown = try CLI.run(["sync", "resolve", "no-such-sample", "--keep", "mine"], vault: b)
        #expect(unknown.status == 1 && unknown.stderr.contains("no sync conflict is waiting on a sample no-such-sample"), "\(unknown.stderr)")
        let cloneWithPath = try CLI.run(["sync", "resolve", "clones/alice/samples/essay.md", "--clone", "alice", "--keep", "mine"], vault: b)
        #expect(cloneWithPath.status == 2 && cloneWithPath.stderr.contains("--clone goes with a sample id"), "\(cloneWithPath.stderr)")
        #expect(try ProcessRunner.git(["rev-parse", "HEAD"], in: b) == head)
        let resolved = try CLI.run(["sync", "resolve", "essay", "--clone", "alice", "--keep", "mine"], vault: b)
        #expect(resolved.status == 0, "\(resolved.stderr)")
        #expect(resolved.stdout.contains("Resolved: alice: resolve sync conflict on essay: kept this vault's text"), "\(resolved.stdout)")
        let kept = try String(contentsOf: b.appendingPathComponent("clones/alice/samples/essay.md"), encoding: .utf8)
        #expect(kept.contains("The desktop's version."))
        #expect(try CLI.run(["sync", "conflicts"], vault: b).stdout.contains("No sync conflicts"))
    }

    @Test func settingsAreShownAndChangedOneAtATime() throws {
        let vault = try TestVault()
        let shown = try #require(try CLI.json(["settings"], vault: vault.root) as? [String: Any])
        #expect(shown["default_provider"] as? String == "local")
        #expect(shown["default_model"] is NSNull && shown["author"] is NSNull, "absent values are null in --json")
        #expect((shown["commit_identity"] as? [String: Any])?["source"] as? String != "vault")

        let head = try vault.git("rev-parse", "HEAD")
        let nothing = try CLI.run(["settings", "set"], vault: vault.root)
        #expect(nothing.status == 2 && nothing.stderr.contains("say what to change"))
        let unknown = try CLI.run(["settings", "set", "--default-provider", "gpt"], vault: vault.root)
        #expect(unknown.status == 1 && unknown.stderr.contains("\"gpt\" is not a provider"), "\(unknown.stderr)")
        let half = try CLI.run(["settings", "set", "--author-name", "Dana Okafor"], vault: vault.root)
        #expect(half.status == 1 && half.stderr.contains("give both a name and an email"), "\(half.stderr)")
        #expect(try vault.git("rev-parse", "HEAD") == head)

        let set = try CLI.run(["settings", "set", "--default-provider", "openai", "--default-model", "gpt-4o-mini",
                               "--author-name", "Dana Okafor", "--author-email", "dana@example.test", "--json"], vault: vault.root)
        #expect(set.status == 0, "\(set.stderr)")
        let saved = try #require(try JSONSerialization.jsonObject(with: Data(set.stdout.utf8)) as? [String: Any])
        #expect(saved["default_provider"] as? String == "openai" && saved["default_model"] as? String == "gpt-4o-mini")
        #expect((saved["commit_identity"] as? [String: Any])?["source"] as? String == "vault")
        #expect(try vault.git("show", "--name-only", "--format=", "HEAD") == ".voiceclone/config.yaml\n")

        // Only what is given changes: a new email keeps the name, an empty model clears the model only.
        #expect(try CLI.run(["settings", "set", "--author-email", "dana@elsewhere.test"], vault: vault.root).status == 0)
        let cleared = try CLI.run(["settings", "set", "--default-model", ""], vault: vault.root)
        #expect(cleared.status == 0, "\(cleared.stderr)")
        #expect(cleared.stdout.contains("Settings saved and committed"))
        let text = try CLI.run(["settings"], vault: vault.root)
        #expect(text.stdout.contains("default provider: openai"))
        #expect(text.stdout.contains("default model:    (the provider's own default)"))
        #expect(text.stdout.contains("commits are now written by Dana Okafor <dana@elsewhere.test> (this vault's setting)"), "\(text.stdout)")
        let config = try String(contentsOf: vault.root.appendingPathComponent(".voiceclone/config.yaml"), encoding: .utf8)
        #expect(!config.contains("default_model") && config.contains("name: \"Dana Okafor\"") && config.contains("email: \"dana@elsewhere.test\""))
        #expect(config.hasPrefix("# Voice Clone vault settings"), "the comment stays")
    }
}
